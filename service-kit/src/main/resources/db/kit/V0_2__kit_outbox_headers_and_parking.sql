-- The outbox also carries records parked in a dead-letter topic: their headers (the reason, where they came
-- from) and possibly no key. A row the broker refuses for good (too large, ...) is parked with its reason instead
-- of holding up every row after it.
alter table outbox add column headers text;
alter table outbox alter column message_key drop not null;
alter table outbox add column parked_at timestamptz;
alter table outbox add column park_reason text;
drop index outbox_unpublished;
create index outbox_unpublished on outbox (id) where published_at is null and parked_at is null;
create index outbox_parked on outbox (id) where parked_at is not null;
