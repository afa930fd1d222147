-- PARTIAL sales: part of the locked collateral is sold and the loan lives on with the debt left, so a partial
-- receipt has no shortfall (debt_covered + debt left = debt, the debt left stays on the loan).
alter table liquidation add column collateral_locked numeric(38, 8);
update liquidation set collateral_locked = collateral_sold;
alter table liquidation alter column collateral_locked set not null;
alter table liquidation add constraint liquidation_sells_at_most_the_lock check (collateral_sold <= collateral_locked);
alter table liquidation add column plan_reason text;
-- V1's unnamed check "debt_covered + shortfall = debt", found by its definition
do $$
declare
    name text;
begin
    select conname into strict name from pg_constraint
     where conrelid = 'liquidation'::regclass and contype = 'c'
       and pg_get_constraintdef(oid) like '%debt_covered + shortfall%';
    execute format('alter table liquidation drop constraint %I', name);
end $$;
alter table liquidation add constraint liquidation_debt_adds_up
    check (debt_covered + shortfall = debt or (policy = 'PARTIAL' and shortfall = 0 and debt_covered <= debt));
