-- What a borrower chose: overrides the contact's time zone and locale; quiet hours; a cease request.
create table preference (
    borrower_id              text primary key,
    time_zone                text        not null,
    locale                   text        not null,
    quiet_start              time        not null,
    quiet_end                time        not null,
    cease_collection_contact boolean     not null,
    updated_at               timestamptz not null
);

-- A collection email (reminders, offers, a broken plan) counts against the 7-in-7 cap and respects quiet hours
-- and a cease request; every other email is never held back.
alter table delivery add column collection boolean not null default false;
-- Why a collection email waits (quiet hours, the cap) or was not sent (SUPPRESSED: a cease request).
alter table delivery add column hold_reason text;
create index delivery_collection_sent on delivery (recipient, sent_at) where collection and status = 'SENT';
