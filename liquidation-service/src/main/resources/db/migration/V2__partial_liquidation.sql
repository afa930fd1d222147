-- PARTIAL sales: part of the locked collateral is sold and the loan lives on with the debt left, so a partial
-- receipt has no shortfall (debt_covered + debt left = debt, the debt left stays on the loan).
alter table liquidation add column collateral_locked numeric(38, 8);
update liquidation set collateral_locked = collateral_sold;
alter table liquidation alter column collateral_locked set not null;
alter table liquidation add constraint liquidation_sells_at_most_the_lock check (collateral_sold <= collateral_locked);
alter table liquidation add column plan_reason text;
alter table liquidation drop constraint liquidation_check1;
alter table liquidation add constraint liquidation_debt_adds_up
    check (debt_covered + shortfall = debt or (policy = 'PARTIAL' and shortfall = 0 and debt_covered <= debt));
