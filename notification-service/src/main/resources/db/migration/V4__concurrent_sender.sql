-- The sender claims emails in batches, most urgent first (0: what a crash tells the borrower now; 1: receipts and
-- the other legally required notices; 2: collection notices), and sends them concurrently. A claimed email is
-- SENDING until its outcome is recorded; a claim whose sender stopped lapses at claimed_until and the email is
-- sent again, under the same Message-ID.
alter table delivery add column priority smallint not null default 1;
alter table delivery add column claimed_until timestamptz;
drop index delivery_due;
create index delivery_due on delivery (priority, next_attempt_at, id) where status = 'PENDING';
create index delivery_claimed on delivery (claimed_until) where status = 'SENDING';
drop index delivery_collection_sent;
create index delivery_collection_sent on delivery (recipient, sent_at) where collection and status in ('SENT', 'SENDING');
