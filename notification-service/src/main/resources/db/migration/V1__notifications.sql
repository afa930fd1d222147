-- How to reach a borrower: the latest BorrowerContact (by the event's occurredAt) wins.
create table contact (
    borrower_id text primary key,
    email       text,
    name        text,
    locale      text,
    time_zone   text,
    updated_at  timestamptz not null
);

-- What the borrower was told: the in-app feed. At most one per event and recipient.
create table notification (
    id         uuid primary key,
    event_id   uuid        not null,
    event_type text        not null,
    recipient  text        not null,
    type       text        not null,
    title      text        not null,
    body       text        not null,
    payload    text        not null,
    created_at timestamptz not null,
    read_at    timestamptz,
    constraint notification_once_per_event_and_recipient unique (event_id, recipient)
);
create index notification_feed on notification (recipient, created_at desc, id);

-- The email of a notification: PENDING until SENT, FAILED after the last attempt.
create table delivery (
    id              uuid primary key,
    notification_id uuid        not null unique references notification (id),
    recipient       text        not null,
    status          text        not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    last_error      text,
    created_at      timestamptz not null
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_by_status on delivery (status, created_at desc);
