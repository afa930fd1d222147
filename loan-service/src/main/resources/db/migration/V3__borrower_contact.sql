-- The last contact details sent for each borrower (BorrowerContact), to send them again only on change.
create table borrower_contact (
    borrower_id text primary key,
    email       text,
    name        text,
    locale      text,
    time_zone   text,
    updated_at  timestamptz not null
);
