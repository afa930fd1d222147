-- Every replica decides from the database: each position carries the prices at which it crosses its thresholds
-- (boundaries, as price x 10^8) and when it must next be decided (keys). A tick asks for the positions of its
-- asset whose keys its price or the clock reached, in batches, FOR UPDATE SKIP LOCKED.
alter table position
    add column orange_at          bigint,
    add column red_at             bigint,
    add column liquidation_at     bigint,
    add column orange_released_at bigint,
    add column red_released_at    bigint,
    add column falls_at           bigint,
    add column rises_at           bigint,
    add column call_due_at        timestamptz,
    add column trigger_held       boolean not null default false,
    add column held_through       timestamptz;

drop index position_open_by_asset;
-- A falling price reaches falls_at (a worse zone, or the liquidation) ...
create index position_falls on position (collateral_asset, falls_at desc) where falls_at is not null;
-- ... a rising one rises_at (a release), the clock call_due_at (the next margin call) ...
create index position_rises on position (collateral_asset, rises_at) where rises_at is not null;
create index position_calls on position (collateral_asset, call_due_at) where call_due_at is not null;
-- ... and a fresh price newer than held_through, with the breaker closed, the liquidation of the held ones
-- (held for a stale price, a tripped breaker, or declined by loan-service at that price).
create index position_held on position (collateral_asset, liquidation_at desc) where trigger_held;
-- The open book per asset (risk summary and stress).
create index position_open on position (collateral_asset) where status <> 'CLOSED';
-- Positions from before this migration get their boundaries at the next start (BoundariesBackfill).
create index position_unbounded on position (loan_id) where orange_at is null and status <> 'CLOSED';

-- Per asset, the observation time of the latest price whose round of decisions has finished: every position it
-- reached is decided and committed (shown with the price, for operators and tests).
create table asset_decided (
    asset      text primary key,
    through    timestamptz not null,
    decided_at timestamptz not null
);
