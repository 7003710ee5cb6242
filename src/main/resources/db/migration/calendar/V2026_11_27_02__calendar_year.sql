-- Holidays, make-up and swapped days, and worked weekend days a unit loaded for a year (DOMAIN §4).
-- A unit without a year of its own inherits its parent's, then the built-in notices, then computed defaults.
create table calendar_year (
    unit_code  varchar(40)  not null references org_unit (code),
    cal_year   int          not null,
    source     varchar(300) not null,
    updated_at timestamp with time zone not null,
    primary key (unit_code, cal_year)
);

create table calendar_day (
    unit_code varchar(40)  not null,
    cal_year  int          not null,
    on_day    date         not null,
    kind      varchar(20)  not null,
    name      varchar(200) not null,
    primary key (unit_code, on_day),
    foreign key (unit_code, cal_year) references calendar_year (unit_code, cal_year) on delete cascade
);
