-- A dossier's fee, computed at intake from its procedure's fees (ADR 35): the amount as a column, for
-- the reports (dossiers with fees), and the whole fee (stage, lines, payment) as one JSON document;
-- null for a dossier received before fees, or of a procedure without any.
alter table dossier add column fee_amount bigint default 0 not null;
alter table dossier add column fee text;
