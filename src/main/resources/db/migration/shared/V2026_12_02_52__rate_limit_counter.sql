-- Attempts counted against a budget (ADR 17): per client address for the look-up, the rating, the online
-- submission and the verification code; per dossier for wrong four digits. One row per budget, subject
-- and fixed window, so that every instance of the application counts in the same place; rows whose
-- window has passed are deleted by a sweep.
create table rate_limit_counter (
    budget       varchar(20)  not null,
    subject      varchar(100) not null,
    window_start timestamp with time zone not null,
    hits         int          not null,
    expires_at   timestamp with time zone not null,
    primary key (budget, subject, window_start)
);

create index rate_limit_counter_expiry on rate_limit_counter (expires_at);
