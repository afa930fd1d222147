-- The debtor's name as their identity provider gives it (loan-service's BorrowerContact), for the agents' queue and
-- case file; null until a contact with a name arrives.
alter table debtor add column name text;
