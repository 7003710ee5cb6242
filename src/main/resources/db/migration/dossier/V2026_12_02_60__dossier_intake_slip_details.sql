-- The guidance (Form 02) and refusal (Form 03) slips are printed from their row: they keep the
-- procedure's name and the applicant's details as the counter took them (earlier rows have none).
alter table dossier_intake_slip add column procedure_name varchar(500);
alter table dossier_intake_slip add column applicant_id_number varchar(20);
alter table dossier_intake_slip add column applicant_phone varchar(20);
alter table dossier_intake_slip add column applicant_email varchar(120);
alter table dossier_intake_slip add column applicant_address varchar(300);
