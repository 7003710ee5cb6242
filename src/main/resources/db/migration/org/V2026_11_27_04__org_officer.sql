-- Officers of a unit and their roles (DOMAIN §1). Passwords are bcrypt hashes.
create table org_officer (
    username      varchar(60)  primary key,
    full_name     varchar(200) not null,
    unit_code     varchar(40)  not null references org_unit (code),
    roles         varchar(200) not null,
    password_hash varchar(100) not null,
    active        boolean      not null,
    created_at    timestamp with time zone not null
);

create index org_officer_unit on org_officer (unit_code);

-- How a unit counts a supplement's pause (DOMAIN §5): PAUSE_ADDED (mode A) or RESTART (mode B).
alter table org_unit add column supplement_mode varchar(20) default 'PAUSE_ADDED' not null;
