-- The files of an online submission that waits for its e-mail code are kept under the key
-- 'pending:<submission id>' (44 characters) until the dossier is taken in; the column held 40.
alter table document_file alter column dossier_code set data type varchar(60);
