-- GET /api/queue is paged in the database: QUEUED ones per asset, worst LTV first, then the oldest, then id (also
-- the admission's queue head, LiquidationRepository.queueHead); SELLING and STUCK ones the oldest first.
create index liquidation_queue on liquidation (status, collateral_asset, ltv desc, started_at, id);
create index liquidation_by_status_started on liquidation (status, started_at, id);
-- the first one's prefix
drop index liquidation_by_status;
