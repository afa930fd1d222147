-- A borrower's USDT balance: what the lender holds for them (a liquidation's surplus), withdrawable and usable
-- to pay a debt case. Every movement is an entry; the balance is never negative.
create table balance (
    borrower_id text           not null,
    currency    text           not null,
    amount      numeric(38, 2) not null check (amount >= 0),
    updated_at  timestamptz    not null,
    version     bigint         not null,
    primary key (borrower_id, currency)
);

create table balance_entry (
    id            uuid           primary key,
    borrower_id   text           not null,
    currency      text           not null,
    kind          text           not null,
    amount        numeric(38, 2) not null,
    balance_after numeric(38, 2) not null,
    reference     text,
    status        text           not null,
    note          text,
    at            timestamptz    not null
);
-- A liquidation's surplus is credited once, a returned payment given back once.
create unique index balance_entry_once on balance_entry (kind, reference)
    where kind in ('SURPLUS', 'DEBT_PAYMENT_RETURNED');
create index balance_entry_of on balance_entry (borrower_id, at desc, id);
