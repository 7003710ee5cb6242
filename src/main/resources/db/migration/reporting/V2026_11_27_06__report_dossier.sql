-- The reporting read model, fed by the dossier module's events: one row per dossier received, completed
-- when its processing is over. Reports aggregate it; they never read the dossier tables.
create table report_dossier (
    code           varchar(40) primary key,
    unit_code      varchar(40) not null,
    procedure_code varchar(60) not null,
    channel        varchar(10) not null,
    received_at    timestamp with time zone not null,
    due_at         timestamp with time zone not null,
    resolved_at    timestamp with time zone,
    status         varchar(30),
    timeliness     varchar(10)
);

create index report_dossier_unit_received on report_dossier (unit_code, received_at);
create index report_dossier_unit_resolved on report_dossier (unit_code, resolved_at);
