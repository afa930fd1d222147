-- Timeline entries take their ids in blocks of 50 (inserted in batches with the rest of a consumer's batch) and
-- are shown in the order they happened.
do $$
begin
    execute format('create sequence loan_event_seq increment by 50 start with %s',
                   (select coalesce(max(id), 0) + 1 from loan_event));
end $$;
create index loan_event_by_loan_in_time on loan_event (loan_id, occurred_at desc, id desc);
drop index loan_event_by_loan;
