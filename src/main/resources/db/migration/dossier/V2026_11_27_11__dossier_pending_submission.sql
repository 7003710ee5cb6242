-- Online submissions without a signed-in identity wait here until the applicant types the code sent to
-- their e-mail address (only the code's hash is kept), for at most 15 minutes and 5 tries.
create table dossier_pending_submission (
    id          varchar(36)   primary key,
    unit_code   varchar(40)   not null,
    email       varchar(200)  not null,
    payload     varchar(8000) not null,
    code_hash   varchar(64)   not null,
    expires_at  timestamp with time zone not null,
    attempts    int           not null,
    created_at  timestamp with time zone not null
);
