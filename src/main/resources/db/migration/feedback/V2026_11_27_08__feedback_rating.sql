-- The applicant's rating of a returned dossier (DOMAIN §9): one per dossier; "not satisfied" needs a reason.
create table feedback_rating (
    dossier_code varchar(40)   primary key,
    unit_code    varchar(40)   not null,
    rating       varchar(20)   not null,
    reason       varchar(2000),
    rated_at     timestamp with time zone not null
);

create index feedback_rating_unit on feedback_rating (unit_code, rated_at);
