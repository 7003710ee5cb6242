-- Exports of long dossier lists, made in the background (ADR 31): the job's selection, how far it got, and
-- where its file is kept (the shared file store, so that any instance serves it).
create table report_export_job (
    id           varchar(36) primary key,
    unit_code    varchar(40) not null,
    requested_by varchar(80) not null,
    measure      varchar(30) not null,
    from_day     date not null,
    to_day       date not null,
    subtree      boolean not null,
    by_name      varchar(20),
    row_key      varchar(200),
    status       varchar(10) not null,
    total        bigint not null,
    done         bigint not null,
    file_key     varchar(64),
    filename     varchar(200),
    size_bytes   bigint,
    error        varchar(500),
    created_at   timestamp with time zone not null,
    finished_at  timestamp with time zone
);

create index report_export_job_by on report_export_job (requested_by, created_at);
