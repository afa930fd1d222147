-- A liquidation is recorded when its lock arrives (QUEUED), sold slice by slice outside the consumer's
-- transaction (SELLING), and settled (COMPLETED); one whose venue keeps failing is STUCK, for an operator.
-- The receipt's numbers are known only once it is completed.
alter table liquidation alter column collateral_sold drop not null;
alter table liquidation alter column proceeds drop not null;
alter table liquidation alter column floor_credit drop not null;
alter table liquidation alter column gross drop not null;
alter table liquidation alter column fee drop not null;
alter table liquidation alter column debt_covered drop not null;
alter table liquidation alter column surplus drop not null;
alter table liquidation alter column shortfall drop not null;
alter table liquidation alter column completed_at drop not null;
alter table liquidation add column collateral_to_sell numeric(38, 8);
update liquidation set collateral_to_sell = collateral_sold;
alter table liquidation alter column collateral_to_sell set not null;
alter table liquidation add constraint liquidation_to_sell_within_the_lock
    check (collateral_to_sell > 0 and collateral_to_sell <= collateral_locked);
alter table liquidation add column slice_count int not null default 4 check (slice_count >= 1);
alter table liquidation add column ltv numeric(20, 8);
alter table liquidation add column attempts int not null default 0;
alter table liquidation add column next_attempt_at timestamptz;
alter table liquidation add column last_error text;
alter table liquidation add column updated_at timestamptz;
alter table liquidation add constraint liquidation_completed_has_a_receipt check (status <> 'COMPLETED' or (
    collateral_sold = collateral_to_sell and gross is not null and fee is not null and surplus is not null
    and shortfall is not null and debt_covered is not null and completed_at is not null));
create index liquidation_by_status on liquidation (status, collateral_asset);
create index liquidation_started_newest on liquidation (started_at desc, id);
