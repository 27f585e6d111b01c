-- Staff accounts, sign-in throttling and the audit trail.
-- Written once for H2 and PostgreSQL: bigint ids from sequences, timestamps with time zone
-- holding UTC, text for free-form content.

-- EclipseLink reserves the 50 ids below each value it draws, so the first value is 50.
create sequence staff_account_seq start with 50 increment by 50;

create table staff_account (
    id                       bigint       not null primary key,
    username                 varchar(40)  not null,
    display_name             varchar(120) not null,
    role                     varchar(20)  not null,
    password_hash            varchar(400) not null,
    active                   boolean      not null,
    password_change_required boolean      not null,
    created_at               timestamp with time zone not null,
    updated_at               timestamp with time zone not null,
    version                  bigint       not null,
    constraint staff_account_username_unique unique (username),
    constraint staff_account_role_known check (role in ('OWNER', 'THERAPIST', 'FRONT_DESK'))
);

-- One row once the clinic has been set up; its primary key stops two setups racing.
create table installation (
    id        integer not null primary key,
    set_up_at timestamp with time zone not null,
    constraint installation_single_row check (id = 1)
);

create table failed_sign_in (
    username_key    varchar(128) not null primary key,
    failures        integer      not null,
    last_failure_at timestamp with time zone,
    locked_until    timestamp with time zone,
    version         bigint       not null
);

create table audit_entry (
    id            bigint       not null primary key,
    occurred_at   timestamp with time zone not null,
    actor         varchar(120) not null,
    actor_role    varchar(20),
    action        varchar(40)  not null,
    record_type   varchar(60),
    record_id     varchar(60),
    detail        text,
    ip_address    varchar(64),
    user_agent    varchar(400),
    previous_hash char(64)     not null,
    entry_hash    char(64)     not null
);

create index audit_entry_record on audit_entry (record_type, record_id);
create index audit_entry_actor on audit_entry (actor, occurred_at);
create index audit_entry_time on audit_entry (occurred_at);

-- The end of the hash chain; appending locks this row so entries chain in id order.
create table audit_chain_head (
    id            integer  not null primary key,
    last_entry_id bigint   not null,
    last_hash     char(64) not null,
    constraint audit_chain_head_single_row check (id = 1)
);

insert into audit_chain_head (id, last_entry_id, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
