-- Bearer tokens for integrations (ADR-052): the owner issues one for a staff account, in that
-- account's role, for a limited time; only the SHA-256 of the token is kept, the token itself is
-- shown once. A token is never deleted: revoking it stamps who and when.
create sequence api_token_seq start with 50 increment by 50;

create table api_token (
    id           bigint       not null primary key,
    account_id   bigint       not null references staff_account (id),
    name         varchar(80)  not null,
    token_sha256 varchar(64)  not null,
    role         varchar(20)  not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(64)  not null,
    expires_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    revoked_by   varchar(64),
    last_used_at timestamp with time zone,
    version      bigint       not null,
    constraint api_token_secret_unique unique (token_sha256),
    constraint api_token_role_known check (role in ('OWNER', 'THERAPIST', 'FRONT_DESK')),
    constraint api_token_expires_after_issue check (expires_at > created_at),
    constraint api_token_revocation_complete check ((revoked_at is null) = (revoked_by is null))
);

create index api_token_account on api_token (account_id);
