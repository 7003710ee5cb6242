-- A unit's working hours, weekend, same-day cut-off and supplement mode, versioned by effective date
-- (DOMAIN §2; ADR 13). The version in force on a day is the one with the latest effective_from on or
-- before it; rows are never updated. The units' current settings become versions in force since 2000,
-- the first year the calendars cover, and leave org_unit so that they have one home.
create table org_unit_setting (
    unit_code       varchar(40)  not null references org_unit (code),
    effective_from  date         not null,
    working_hours   varchar(100) not null,
    weekend         varchar(100) not null,
    same_day_cutoff time         not null,
    supplement_mode varchar(20)  not null,
    recorded_at     timestamp with time zone not null,
    recorded_by     varchar(60),
    primary key (unit_code, effective_from)
);

insert into org_unit_setting (unit_code, effective_from, working_hours, weekend, same_day_cutoff, supplement_mode,
        recorded_at, recorded_by)
    select code, date '2000-01-01', working_hours, weekend, same_day_cutoff, supplement_mode, created_at, null
    from org_unit;

alter table org_unit drop column working_hours;
alter table org_unit drop column weekend;
alter table org_unit drop column same_day_cutoff;
alter table org_unit drop column supplement_mode;
