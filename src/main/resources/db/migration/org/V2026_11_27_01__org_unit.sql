-- Units of the administrative tree (DOMAIN §1), with their working hours (DOMAIN §4).
create table org_unit (
    code            varchar(40)  primary key,
    parent_code     varchar(40)  references org_unit (code),
    name            varchar(200) not null,
    level           varchar(20)  not null,
    address         varchar(300),
    phone           varchar(30),
    email           varchar(120),
    working_hours   varchar(100) not null,
    weekend         varchar(100) not null,
    same_day_cutoff time         not null,
    created_at      timestamp with time zone not null
);

create index org_unit_parent on org_unit (parent_code);
