-- The emails notification-service sent (EmailSent): a case's timeline shows those about it, read with the case.
create table email_sent (
    delivery_id       uuid primary key,
    borrower_id       text not null,
    loan_id           uuid,
    case_id           uuid,
    about_event_type  text,
    notification_type text not null,
    subject           text,
    sent_at           timestamptz not null
);
create index email_sent_by_case on email_sent (case_id) where case_id is not null;
create index email_sent_by_loan on email_sent (loan_id) where loan_id is not null;

-- The zone the debtor chose in their notification preferences (PreferencesChanged); null: the one their identity
-- provider gives (time_zone) holds.
alter table debtor add column chosen_time_zone text;
