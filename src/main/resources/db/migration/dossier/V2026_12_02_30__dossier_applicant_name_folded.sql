-- The applicant's name folded for accent- and case-insensitive search (as the catalog's names, ADR 6):
-- "Nguyễn Văn An" is found by "nguyen van an". Folding needs Java (VietnameseText), so the next version, a
-- Java migration (FoldApplicantNames), fills the existing rows; the one after makes the column required.
alter table dossier add column applicant_name_folded varchar(200);
