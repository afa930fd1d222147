-- The sale worker's claim (LiquidationRepository.claimDue) reads the due SELLING liquidations of each asset from
-- here, the longest waiting first, as many as it claims: without it every round, even one that finds nothing due,
-- read and sorted every sale under way (a round's claim took 28 ms on average in a 2,000-loan crash).
create index liquidation_selling_due on liquidation (collateral_asset, next_attempt_at, id) where status = 'SELLING';
