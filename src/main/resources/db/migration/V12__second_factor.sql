-- A staff member's second factor: the TOTP secret (RFC 6238) they enrolled in an authenticator
-- app, when, and the last 30-second step a code was accepted for (a code is never accepted twice).
alter table staff_account add column totp_secret varchar(64);
alter table staff_account add column totp_enrolled_at timestamp with time zone;
alter table staff_account add column totp_last_step bigint;

-- One-time recovery codes for a lost authenticator, kept only as SHA-256; a used code stays,
-- marked, so that it can never be used again.
create sequence recovery_code_seq start with 50 increment by 50;

create table recovery_code (
    id          bigint      not null primary key,
    account_id  bigint      not null references staff_account (id),
    code_sha256 varchar(64) not null,
    created_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    version     bigint      not null,
    constraint recovery_code_unique unique (account_id, code_sha256)
);
