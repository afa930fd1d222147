-- The retention job (io.shortfall.kit.retention.Retention) finds the rows past their retention by these
-- timestamps, a bounded batch at a time, without reading the whole table.
create index outbox_published_at on outbox (published_at) where published_at is not null and parked_at is null;
create index processed_event_processed_at on processed_event (processed_at);
create index idempotency_key_created_at on idempotency_key (created_at);
