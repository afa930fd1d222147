-- A forfeited pledge loan-service handed over to be sold (PledgeSaleRequested): one order at the venue under the
-- client order id pledge-<pledgeId>, retried under the same id until it fills (PENDING, then SOLD).
create table pledge_sale (
    pledge_id       uuid           primary key,
    case_id         uuid           not null,
    borrower_id     text           not null,
    asset           text           not null,
    quantity        numeric(38, 8) not null check (quantity > 0),
    reference_price numeric(38, 8) not null check (reference_price > 0),
    status          text           not null,
    attempts        int            not null,
    next_attempt_at timestamptz    not null,
    last_error      text,
    price           numeric(38, 8),
    proceeds        numeric(38, 2),
    requested_at    timestamptz    not null,
    sold_at         timestamptz,
    version         bigint         not null
);
create index pledge_sale_due on pledge_sale (next_attempt_at) where status = 'PENDING';
