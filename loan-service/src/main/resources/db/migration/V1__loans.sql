create table loan (
    id                    uuid primary key,
    borrower_id           text           not null,
    status                text           not null,
    collateral_asset      text           not null,
    collateral_amount     numeric(38, 8)  not null check (collateral_amount >= 0),
    principal             numeric(38, 2)  not null check (principal >= 0),
    accrued_interest      numeric(38, 2)  not null check (accrued_interest >= 0),
    currency              text           not null,
    apr                   numeric(12, 8) not null,
    initial_ltv           numeric(12, 8) not null,
    warning_ltv           numeric(12, 8) not null,
    margin_call_ltv       numeric(12, 8) not null,
    liquidation_ltv       numeric(12, 8) not null,
    liquidation_policy    text           not null,
    recourse              text           not null,
    auto_increase         boolean        not null,
    zone                  text           not null,
    opened_at             timestamptz    not null,
    closed_at             timestamptz,
    liquidation_surplus   numeric(38, 2),
    liquidation_shortfall numeric(38, 2),
    version               bigint         not null
);
create index loan_by_borrower on loan (borrower_id, opened_at desc);

create table asset_price (
    asset       text primary key,
    price       numeric(38, 8) not null check (price > 0),
    source      text           not null,
    observed_at timestamptz    not null
);
