-- Digitization and reuse (DOMAIN §7, ADR 32). Each file record says what it is (a COMPONENT handed in, or the
-- electronic RESULT), how it came (DIGITIZED: scanned or uploaded, its content new; REUSED: picked from an
-- earlier dossier's component in the applicant's data store; FROM_STORE: picked from an electronic result kept
-- in it), from which earlier record, and whose data store holds it: the applicant's 12-digit personal
-- identification number (DOMAIN §6b), when the counter or a verified sign-in vouched for it.
alter table document_file add column kind varchar(10) default 'COMPONENT' not null;
alter table document_file add column origin varchar(10) default 'DIGITIZED' not null;
alter table document_file add column reused_from bigint;
alter table document_file add column owner_id varchar(12);

create index document_file_owner on document_file (owner_id);
create index document_file_sha256 on document_file (sha256);

-- One row per dossier received, for the rates of digitization (ADR 32): how many components it was received
-- with, and when and how its result was returned. Fed by the dossier module's events.
create table document_dossier (
    dossier_code       varchar(40) primary key,
    unit_code          varchar(40) not null,
    received_on        date        not null,
    components         integer     not null,
    returned_on        date,
    result_electronic  boolean     default false not null
);

create index document_dossier_received on document_dossier (unit_code, received_on);
create index document_dossier_returned on document_dossier (unit_code, returned_on);
