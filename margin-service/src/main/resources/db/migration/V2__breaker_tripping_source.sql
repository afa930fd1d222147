-- The source of the tick that tripped the breaker: a crash confirmed by a tick from another source lifts it.
alter table breaker add column tripping_source text;
