-- The sealed PDF of every signed consent, note and addendum, stored once with its SHA-256.

create sequence sealed_record_seq start with 50 increment by 50;

create table sealed_record (
    id           bigint       not null primary key,
    record_type  varchar(30)  not null,
    record_id    bigint       not null,
    client_id    bigint       not null references client (id),
    sealed_at    timestamp with time zone not null,
    sha256       varchar(64)  not null,
    size_bytes   bigint       not null,
    pdf          bytea        not null,
    constraint sealed_record_once unique (record_type, record_id)
);

create index sealed_record_client on sealed_record (client_id, sealed_at);
create index sealed_record_sealed_at on sealed_record (sealed_at);
