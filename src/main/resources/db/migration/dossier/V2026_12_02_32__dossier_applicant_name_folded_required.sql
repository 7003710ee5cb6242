-- Every dossier has its folded name now (V2026_12_02_31 filled the older ones; the store writes it at intake).
alter table dossier alter column applicant_name_folded set not null;
