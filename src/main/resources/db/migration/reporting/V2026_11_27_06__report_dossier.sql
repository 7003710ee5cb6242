-- The reporting read model, fed by the dossier module's events; reports never read the dossier tables.
-- One insert-only table per event, so that events may arrive in any order and twice.
create table report_dossier_received (
    code           varchar(40) primary key,
    unit_code      varchar(40) not null,
    procedure_code varchar(60) not null,
    channel        varchar(10) not null,
    received_at    timestamp with time zone not null,
    due_at         timestamp with time zone not null
);

create index report_received_unit on report_dossier_received (unit_code, received_at);

create table report_dossier_resolved (
    code           varchar(40) primary key,
    unit_code      varchar(40) not null,
    procedure_code varchar(60) not null,
    status         varchar(30) not null,
    timeliness     varchar(10) not null,
    received_at    timestamp with time zone not null,
    due_at         timestamp with time zone not null,
    resolved_at    timestamp with time zone not null
);

create index report_resolved_unit on report_dossier_resolved (unit_code, resolved_at);
