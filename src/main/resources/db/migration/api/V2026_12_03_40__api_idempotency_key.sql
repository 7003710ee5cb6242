-- The answers to requests sent with an Idempotency-Key (ADR 25), per caller and key, so that a client that
-- retries after a lost answer gets the first answer again instead of a second dossier or action; every
-- instance of the application reads the same rows. A row is claimed (owner, locked_until) before the
-- request runs, in a transaction of its own, and completed (status, location, body) in the transaction that
-- makes the request's change. A claim whose instance crashed may be taken over once locked_until passes.
-- Rows expire (expires_at) and a sweep deletes them.
create table api_idempotency (
    principal     varchar(200) not null,
    idem_key      varchar(100) not null,
    request_hash  varchar(64)  not null,
    owner         varchar(36),
    locked_until  timestamp with time zone,
    status        int,
    content_type  varchar(200),
    location      varchar(2000),
    body          text,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    primary key (principal, idem_key)
);

create index api_idempotency_expiry on api_idempotency (expires_at);
