-- Negotiation: who made each offer, what it answers, when it expires and how it was decided.
alter table offer add column author_id   text;
alter table offer add column counter_of  uuid references offer (id);
alter table offer add column expires_at  timestamptz;
alter table offer add column decided_by  text;
alter table offer add column decided_at  timestamptz;
alter table offer add column reason      text;

-- The case's working state: ageing, holds, the agent working it, what was paid and forgiven.
alter table debt_case add column assignee        text;
alter table debt_case add column days_past_due   int            not null default 0;
alter table debt_case add column bucket          text;
alter table debt_case add column hold            text;
alter table debt_case add column status_before_hold text;
alter table debt_case add column held_since      date;
alter table debt_case add column broken_promises int            not null default 0;
alter table debt_case add column paid            numeric(38, 2) not null default 0;
alter table debt_case add column discount        numeric(38, 2);
alter table debt_case add column closed_at       timestamptz;

-- A plan: what an accepted offer started. At most one live plan per case.
create table plan (
    id         uuid primary key,
    case_id    uuid           not null references debt_case (id),
    offer_id   uuid           not null references offer (id),
    kind       text           not null,
    status     text           not null,
    amount     numeric(38, 2) not null check (amount > 0),
    started_at timestamptz    not null,
    ended_at   timestamptz,
    version    bigint         not null
);
create unique index plan_live_per_case on plan (case_id) where status in ('ACTIVE', 'DELINQUENT');

create table plan_installment (
    id       uuid primary key,
    plan_id  uuid           not null references plan (id),
    n        int            not null check (n > 0),
    due_date date           not null,
    amount   numeric(38, 2) not null check (amount >= 0),
    paid     numeric(38, 2) not null default 0 check (paid >= 0 and paid <= amount),
    unique (plan_id, n)
);

-- Payments in the order received; allocations are rewritten when a reversal replays them.
create table payment (
    id              uuid primary key,
    seq             bigint generated always as identity,
    case_id         uuid           not null references debt_case (id),
    plan_id         uuid           not null references plan (id),
    amount          numeric(38, 2) not null check (amount > 0),
    status          text           not null,
    paid_by         text           not null,
    received_at     timestamptz    not null,
    reversed_by     text,
    reversed_at     timestamptz,
    reversal_reason text
);
create index payment_by_case on payment (case_id, seq);

create table payment_allocation (
    id         uuid primary key,
    payment_id uuid           not null references payment (id),
    n          int            not null,
    amount     numeric(38, 2) not null check (amount > 0),
    unique (payment_id, n)
);

-- Reminders sent (due soon, due, overdue at n days): each once.
create table reminder (
    id            uuid primary key,
    plan_id       uuid not null references plan (id),
    n             int  not null,
    kind          text not null,
    days_past_due int  not null,
    sent_on       date not null,
    unique (plan_id, n, kind, days_past_due)
);

create table promise (
    id          uuid primary key,
    case_id     uuid           not null references debt_case (id),
    amount      numeric(38, 2) not null check (amount > 0),
    due_date    date           not null,
    made_by     text           not null,
    made_at     timestamptz    not null,
    status      text           not null,
    paid        numeric(38, 2) not null default 0,
    resolved_at timestamptz
);
create index promise_by_case on promise (case_id);

create table contact (
    id       uuid primary key,
    case_id  uuid        not null references debt_case (id),
    agent_id text        not null,
    channel  text        not null,
    outcome  text        not null,
    note     text,
    at       timestamptz not null
);

create table message (
    id      uuid primary key,
    case_id uuid        not null references debt_case (id),
    sender  text        not null,
    text    text        not null,
    at      timestamptz not null
);

-- Maker-checker: settlements over the agent's limit and write-offs.
create table approval (
    id           uuid primary key,
    case_id      uuid           not null references debt_case (id),
    kind         text           not null,
    offer_id     uuid references offer (id),
    amount       numeric(38, 2) not null,
    reason       text,
    requested_by text           not null,
    requested_at timestamptz    not null,
    status       text           not null,
    decided_by   text,
    decided_at   timestamptz,
    note         text
);
create index approval_pending on approval (status, requested_at);
