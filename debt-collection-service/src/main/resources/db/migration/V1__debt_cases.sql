-- A debt case per negative balance (DOMAIN.md, "Debt collection").
create table debt_case (
    id             uuid primary key,
    debtor_id      text           not null,
    status         text           not null,
    amount         numeric(38, 2) not null check (amount > 0),
    outstanding    numeric(38, 2) not null check (outstanding >= 0),
    currency       text           not null,
    -- "A negative balance opens exactly one case": enforced here, whatever the consumers do.
    liquidation_id uuid           not null unique,
    loan_id        uuid           not null,
    opened_at      timestamptz    not null,
    version        bigint         not null
);
create index debt_case_by_debtor on debt_case (debtor_id, opened_at desc);

-- Offers made on a case: the self-serve ladder now, proposals and counter-offers later.
create table offer (
    id             uuid primary key,
    case_id        uuid           not null references debt_case (id),
    made_by        text           not null,
    kind           text           not null,
    status         text           not null,
    installments   int            not null check (installments > 0),
    frequency      text,
    first_due_date date           not null,
    down_payment   numeric(38, 2),
    amount         numeric(38, 2) not null check (amount > 0),
    note           text,
    created_at     timestamptz    not null
);
create index offer_by_case on offer (case_id, created_at);

-- The exact schedule of an offer.
create table offer_installment (
    id       uuid primary key,
    offer_id uuid           not null references offer (id),
    n        int            not null check (n > 0),
    due_date date           not null,
    amount   numeric(38, 2) not null check (amount >= 0),
    unique (offer_id, n)
);

-- The record of a case: every event of it, in order.
create table case_entry (
    id      uuid primary key,
    -- Insertion order: entries written in one transaction share their instant.
    seq     bigint generated always as identity,
    case_id uuid        not null references debt_case (id),
    at      timestamptz not null,
    kind    text        not null,
    made_by text        not null,
    text    text        not null
);
create index case_entry_by_case on case_entry (case_id, at, seq);

-- Receipts of liquidations that left a shortfall, as liquidation-service reported them (exact numbers).
create table liquidation_receipt (
    liquidation_id   uuid primary key,
    loan_id          uuid        not null,
    borrower_id      text        not null,
    collateral_asset text,
    policy           text,
    collateral_sold  numeric,
    reference_price  numeric,
    proceeds         numeric,
    floor_credit     numeric,
    gross            numeric,
    fee              numeric,
    debt             numeric,
    debt_covered     numeric,
    surplus          numeric,
    shortfall        numeric     not null,
    fills            text        not null,
    completed_at     timestamptz not null
);

-- What this service knows of each debtor, from loan-service's BorrowerContact events.
create table debtor (
    id         text primary key,
    time_zone  text        not null,
    updated_at timestamptz not null
);
