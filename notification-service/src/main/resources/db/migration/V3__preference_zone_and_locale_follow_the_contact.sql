-- A borrower who did not choose a time zone or a locale keeps following their contact's (loan-service's
-- BorrowerContact): null here means "not chosen", instead of a copy taken when another preference was set.
alter table preference alter column time_zone drop not null;
alter table preference alter column locale drop not null;
