-- Long-term validation (ADR-056): when a sealed record's newest document timestamp was made with
-- an authority certificate that expires soon, a newer copy of the whole PDF is stored with the
-- validation data of the earlier timestamps and one more document timestamp. The sealed record
-- itself is never changed; its copies only grow.

alter table sealed_record add column timestamp_expires_at timestamp with time zone;

create sequence record_renewal_seq start with 50 increment by 50;

create table record_renewal (
    id                    bigint       not null primary key,
    sealed_record_id      bigint       not null references sealed_record (id),
    renewed_at            timestamp with time zone not null,
    timestamp_expires_at  timestamp with time zone not null,
    sha256                varchar(64)  not null,
    size_bytes            bigint       not null,
    pdf                   bytea        not null
);

create index record_renewal_record on record_renewal (sealed_record_id, id);
create index record_renewal_sha256 on record_renewal (sha256);
create index sealed_record_timestamp_expires on sealed_record (timestamp_expires_at);
