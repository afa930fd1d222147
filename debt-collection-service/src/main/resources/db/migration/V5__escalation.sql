-- A case passed on to an external collection agency or to legal proceedings (status ESCALATED): the stage, why,
-- who, when, and the status to go back to if it is recalled.
alter table debt_case add column escalation_stage text;
alter table debt_case add column escalation_reason text;
alter table debt_case add column escalated_by text;
alter table debt_case add column escalated_at timestamptz;
alter table debt_case add column status_before_escalation text;
