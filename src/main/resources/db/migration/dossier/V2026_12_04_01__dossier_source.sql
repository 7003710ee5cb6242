-- A dossier imported with its history from a previous system names that system (ADR 29); null for one
-- received in MotCua.
alter table dossier add column source varchar(40);

-- Each dossier imported from a previous system, by its ID there: importing the same dossier again finds it
-- here and changes nothing. Kept with what the import read that MotCua's dossier does not hold: whether
-- its components and result were digitized and signed, its fees and how they were paid, the source's own
-- due time and verdict.
create table dossier_import_source (
    source               varchar(40)  not null,
    source_id            varchar(100) not null,
    dossier_code         varchar(40)  not null,
    job_id               bigint,
    line                 bigint,
    components           int          not null,
    digitized_components int          not null,
    result_signed        boolean,
    fees                 bigint       not null,
    paid_online          boolean      not null,
    source_due_at        timestamp with time zone,
    source_verdict       varchar(10),
    imported_at          timestamp with time zone not null,
    primary key (source, source_id)
);

create index dossier_import_source_job on dossier_import_source (job_id);
