-- Collateral a borrower pledged from a reserve to secure one of their debt cases. loan-service holds it (HELD)
-- until debt-collection-service releases it (RETURNED to the reserve) or forfeits it (SELLING: handed to
-- liquidation-service, SOLD once the proceeds were applied to the case).
create table pledge (
    id          uuid            primary key,
    borrower_id text            not null,
    case_id     uuid            not null,
    asset       text            not null,
    quantity    numeric(38, 8)  not null check (quantity > 0),
    status      text            not null,
    note        text,
    created_at  timestamptz     not null,
    updated_at  timestamptz     not null,
    version     bigint          not null
);
create index pledge_of on pledge (borrower_id, created_at desc, id);

-- What the sale of a forfeited pledge raised beyond the debt is credited once, like a liquidation's surplus.
drop index balance_entry_once;
create unique index balance_entry_once on balance_entry (kind, reference)
    where kind in ('SURPLUS', 'DEBT_PAYMENT_RETURNED', 'PLEDGE_SURPLUS');
