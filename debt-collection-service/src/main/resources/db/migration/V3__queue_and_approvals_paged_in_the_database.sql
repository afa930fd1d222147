-- The agents' queue (GET /api/cases) is paged in the database, ordered by priority (DebtCaseRepository.PRIORITY,
-- the same expression) highest first, then the oldest case, then id: one index for the open cases (the queue
-- without ?status=) and one per status (?status=).
create index debt_case_queue on debt_case (
    (days_past_due + 30 * broken_promises + least(100, trunc(outstanding / 100))) desc, opened_at, id)
    where status not in ('SETTLED', 'WRITTEN_OFF');
create index debt_case_queue_by_status on debt_case (
    status, (days_past_due + 30 * broken_promises + least(100, trunc(outstanding / 100))) desc, opened_at, id);

-- GET /api/approvals?status= pages oldest first, then by id.
drop index approval_pending;
create index approval_by_status on approval (status, requested_at, id);
