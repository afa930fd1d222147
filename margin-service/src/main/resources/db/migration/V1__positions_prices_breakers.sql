-- Positions: loans as margin-service watches them, projected from loan.events.
create table position (
    loan_id             uuid primary key,
    borrower_id         text           not null,
    collateral_asset    text           not null,
    collateral_amount   numeric(38, 8) not null check (collateral_amount >= 0),
    principal           numeric(38, 2) not null check (principal >= 0),
    accrued_interest    numeric(38, 2) not null check (accrued_interest >= 0),
    initial_ltv         numeric(12, 8) not null,
    warning_ltv         numeric(12, 8) not null,
    margin_call_ltv     numeric(12, 8) not null,
    liquidation_ltv     numeric(12, 8) not null,
    auto_increase       boolean        not null,
    status              text           not null check (status in ('ACTIVE', 'LIQUIDATING', 'CLOSED')),
    zone                text           not null check (zone in ('GREEN', 'ORANGE', 'RED')),
    triggered           boolean        not null,
    triggered_at        timestamptz,
    last_margin_call_at timestamptz,
    margin_call_repeat  int            not null,
    loan_version        bigint         not null,
    version             bigint         not null
);
-- Every tick evaluates the open positions of its asset.
create index position_open_by_asset on position (collateral_asset) where status <> 'CLOSED';

-- The latest tick per asset.
create table asset_price (
    asset       text primary key,
    price       numeric(38, 8) not null check (price > 0),
    source      text           not null,
    observed_at timestamptz    not null
);

-- Price circuit breakers, one per asset that ever tripped.
create table breaker (
    asset          text primary key,
    tripped        boolean        not null,
    tripped_at     timestamptz,
    previous_price numeric(38, 8),
    tripping_price numeric(38, 8),
    reset_by       text,
    reset_at       timestamptz,
    version        bigint         not null
);
