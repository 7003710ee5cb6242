-- A dossier imported with its history from a previous system names that system (ADR 29); null for one
-- received in MotCua.
alter table dossier add column source varchar(40);
