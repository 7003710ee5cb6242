-- An online submission gets its code when the applicant submits it, then waits for the one-stop officer's
-- check (status AWAITING_INTAKE, ADR 15): it is received, and its legal due time counts, only when the check
-- accepts it. Until then received_at and the due times are null; submitted_at is when it came in (for a
-- counter intake, its receipt), intake_due_at when the check is due.
alter table dossier add column submitted_at timestamp with time zone;
update dossier set submitted_at = received_at;
alter table dossier alter column submitted_at set not null;
alter table dossier alter column received_at drop not null;
alter table dossier alter column original_due_at drop not null;
alter table dossier alter column due_at drop not null;
alter table dossier add column intake_due_at timestamp with time zone;
-- What the applicant was last told (what to add after the check or a supplement request, or why the online
-- submission was refused), and the reason of the apology: the look-up shows them.
alter table dossier add column applicant_notice varchar(2000);
alter table dossier add column apology_reason varchar(2000);
-- Dossiers from before keep these null: their history notes mix the text with other data.
