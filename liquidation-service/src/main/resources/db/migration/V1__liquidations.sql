-- A sale of one locked snapshot of a loan: at most one per (loan, version), whatever is redelivered.
create table liquidation (
    id                uuid primary key,
    loan_id           uuid           not null,
    loan_version      bigint         not null,
    borrower_id       text           not null,
    status            text           not null,
    policy            text           not null,
    requested_policy  text           not null,
    recourse          text           not null,
    collateral_asset  text           not null,
    collateral_sold   numeric(38, 8) not null check (collateral_sold > 0),
    reference_price   numeric(38, 8) not null check (reference_price > 0),
    principal         numeric(38, 2) not null check (principal >= 0),
    accrued_interest  numeric(38, 2) not null check (accrued_interest >= 0),
    fee_rate          numeric(12, 8) not null check (fee_rate >= 0 and fee_rate < 1),
    best_execution_tolerance numeric(12, 8) not null check (best_execution_tolerance >= 0 and best_execution_tolerance < 1),
    proceeds          numeric(38, 2) not null check (proceeds >= 0),
    floor_credit      numeric(38, 2) not null check (floor_credit >= 0),
    gross             numeric(38, 2) not null check (gross = proceeds + floor_credit),
    fee               numeric(38, 2) not null check (fee >= 0),
    debt              numeric(38, 2) not null check (debt = principal + accrued_interest),
    debt_covered      numeric(38, 2) not null check (debt_covered >= 0),
    surplus           numeric(38, 2) not null check (surplus >= 0),
    shortfall         numeric(38, 2) not null check (shortfall >= 0),
    started_at        timestamptz    not null,
    completed_at      timestamptz    not null,
    constraint liquidation_once_per_snapshot unique (loan_id, loan_version),
    check (debt_covered + fee + surplus = gross),
    check (debt_covered + shortfall = debt)
);
create index liquidation_by_borrower on liquidation (borrower_id, completed_at desc);
create index liquidation_newest on liquidation (completed_at desc, id);

-- Every order of a sale, as the venue filled it.
create table liquidation_fill (
    id               uuid primary key,
    liquidation_id   uuid           not null references liquidation (id),
    n                int            not null check (n >= 1),
    client_order_id  text           not null unique,
    at               timestamptz    not null,
    quantity         numeric(38, 8) not null check (quantity > 0),
    price            numeric(38, 8) not null check (price >= 0),
    reference_price  numeric(38, 8) not null check (reference_price > 0),
    unique (liquidation_id, n)
);

-- The insurance fund absorbs the shortfalls of NON_RECOURSE loans: its balance, and every draw on it.
create table insurance_fund (
    currency    text           primary key,
    balance     numeric(38, 2) not null,
    updated_at  timestamptz    not null
);

create table insurance_fund_draw (
    id              uuid primary key,
    liquidation_id  uuid           not null unique references liquidation (id),
    loan_id         uuid           not null,
    currency        text           not null,
    amount          numeric(38, 2) not null check (amount > 0),
    balance_after   numeric(38, 2) not null,
    drawn_at        timestamptz    not null
);
create index insurance_fund_draw_newest on insurance_fund_draw (drawn_at desc, id);
