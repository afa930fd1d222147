-- Collateral a debtor pledged (held by loan-service) to secure a case: OFFERED until an agent accepts (ACCEPTED) or
-- declines it (DECLINED); RELEASED when the case is settled or written off; FORFEITED when the plan it secured
-- breaks, and SOLD once the sale's proceeds were applied. At most one live (OFFERED, ACCEPTED, FORFEITED) per case.
create table pledge (
    id          uuid           primary key,
    case_id     uuid           not null references debt_case (id),
    debtor_id   text           not null,
    asset       text           not null,
    quantity    numeric(38, 8) not null check (quantity > 0),
    status      text           not null,
    decided_by  text,
    decided_at  timestamptz,
    reason      text,
    price       numeric(38, 8),
    proceeds    numeric(38, 2),
    applied     numeric(38, 2),
    returned    numeric(38, 2),
    payment_id  uuid,
    created_at  timestamptz    not null,
    updated_at  timestamptz    not null,
    version     bigint         not null
);
create unique index pledge_live_per_case on pledge (case_id) where status in ('OFFERED', 'ACCEPTED', 'FORFEITED');
create index pledge_of_case on pledge (case_id, created_at);

-- The proceeds of a sold pledge are a payment of the case outside any plan (paid by PLEDGE).
alter table payment alter column plan_id drop not null;
