-- KPIs kept incrementally from the dossiers' DossierProgressed events (ADR 30). report_dossier holds each
-- received dossier's last figures seen, so that the next event's change to the counts is known; the four
-- count tables hold, per unit and day (or month), how much each measure changed then: flows (received,
-- resolved, ...) count what happened that day, stocks (open_change, overdue_change) how many dossiers
-- became open or overdue that day less those that stopped being, so that a stock at a day's end is the sum of
-- its changes up to that day. The detail tables add the procedure and the channel; the unit tables serve the
-- headline figures without them, the month tables long periods without reading every day.
create table report_dossier (
    code                varchar(40) primary key,
    unit_code           varchar(40) not null,
    procedure_code      varchar(60) not null,
    channel             varchar(10) not null,
    version             int not null,
    imported            boolean not null,
    status              varchar(30) not null,
    received_at         timestamp with time zone not null,
    received_day        date not null,
    due_at              timestamp with time zone,
    overdue_from        timestamp with time zone,
    -- the day from which the dossier counts in the overdue stock (its +1), or null when it does not
    overdue_day         date,
    resolved_at         timestamp with time zone,
    resolved_day        date,
    timeliness          varchar(10),
    supplement_requests int not null,
    supplement_day      date,
    apologies           int not null,
    apology_day         date
);

create index report_dossier_received_day on report_dossier (unit_code, received_day);
create index report_dossier_resolved_day on report_dossier (unit_code, resolved_day);

create table report_kpi_day (
    unit_code      varchar(40) not null,
    on_day         date not null,
    procedure_code varchar(60) not null,
    channel        varchar(10) not null,
    received       bigint not null default 0,
    received_online bigint not null default 0,
    received_post  bigint not null default 0,
    resolved       bigint not null default 0,
    early          bigint not null default 0,
    on_time        bigint not null default 0,
    late           bigint not null default 0,
    refused        bigint not null default 0,
    stopped        bigint not null default 0,
    withdrawn      bigint not null default 0,
    supplements    bigint not null default 0,
    apologies      bigint not null default 0,
    open_change    bigint not null default 0,
    overdue_change bigint not null default 0,
    rated          bigint not null default 0,
    satisfied      bigint not null default 0,
    primary key (unit_code, on_day, procedure_code, channel)
);

create table report_kpi_month (
    unit_code      varchar(40) not null,
    on_day         date not null,
    procedure_code varchar(60) not null,
    channel        varchar(10) not null,
    received       bigint not null default 0,
    received_online bigint not null default 0,
    received_post  bigint not null default 0,
    resolved       bigint not null default 0,
    early          bigint not null default 0,
    on_time        bigint not null default 0,
    late           bigint not null default 0,
    refused        bigint not null default 0,
    stopped        bigint not null default 0,
    withdrawn      bigint not null default 0,
    supplements    bigint not null default 0,
    apologies      bigint not null default 0,
    open_change    bigint not null default 0,
    overdue_change bigint not null default 0,
    rated          bigint not null default 0,
    satisfied      bigint not null default 0,
    primary key (unit_code, on_day, procedure_code, channel)
);

create table report_kpi_unit_day (
    unit_code      varchar(40) not null,
    on_day         date not null,
    received       bigint not null default 0,
    received_online bigint not null default 0,
    received_post  bigint not null default 0,
    resolved       bigint not null default 0,
    early          bigint not null default 0,
    on_time        bigint not null default 0,
    late           bigint not null default 0,
    refused        bigint not null default 0,
    stopped        bigint not null default 0,
    withdrawn      bigint not null default 0,
    supplements    bigint not null default 0,
    apologies      bigint not null default 0,
    open_change    bigint not null default 0,
    overdue_change bigint not null default 0,
    rated          bigint not null default 0,
    satisfied      bigint not null default 0,
    primary key (unit_code, on_day)
);

create table report_kpi_unit_month (
    unit_code      varchar(40) not null,
    on_day         date not null,
    received       bigint not null default 0,
    received_online bigint not null default 0,
    received_post  bigint not null default 0,
    resolved       bigint not null default 0,
    early          bigint not null default 0,
    on_time        bigint not null default 0,
    late           bigint not null default 0,
    refused        bigint not null default 0,
    stopped        bigint not null default 0,
    withdrawn      bigint not null default 0,
    supplements    bigint not null default 0,
    apologies      bigint not null default 0,
    open_change    bigint not null default 0,
    overdue_change bigint not null default 0,
    rated          bigint not null default 0,
    satisfied      bigint not null default 0,
    primary key (unit_code, on_day)
);

-- Each rating counted once (its event may come twice).
create table report_rating (
    code      varchar(40) primary key,
    unit_code varchar(40) not null,
    rating    varchar(20) not null,
    rated_at  timestamp with time zone not null
);

-- report_dossier replaces the two insert-only tables of the first read model (no installation holds data
-- worth keeping in them yet: ADR 30).
drop table report_dossier_received;
drop table report_dossier_resolved;

create index report_dossier_resolved_at on report_dossier (unit_code, resolved_at);
create index report_dossier_received_at on report_dossier (unit_code, received_at);
