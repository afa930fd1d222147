-- A borrower's emails of one priority go out in the order their events occurred, not the order they arrived:
-- a margin call (margin.events) and the liquidation notice that follows it (loan.events) come through different
-- topics, and the second may be consumed first.
alter table delivery add column occurred_at timestamptz;
update delivery set occurred_at = created_at;
alter table delivery alter column occurred_at set not null;
drop index delivery_due;
create index delivery_due on delivery (priority, occurred_at, id) where status = 'PENDING';
