-- Bulk audit exports: one row per requested archive, and the records it holds, written chunk by
-- chunk by the export job so that a restarted job continues where the last committed chunk ended.

create sequence audit_export_seq start with 50 increment by 50;

create table audit_export (
    id                  bigint       not null primary key,
    range_from          date         not null,
    range_to            date         not null,
    therapist           varchar(120),
    client_id           bigint       references client (id),
    requested_by        varchar(120) not null,
    requested_at        timestamp with time zone not null,
    status              varchar(12)  not null,
    total_records       integer      not null,
    done_records        integer      not null,
    run_token           varchar(36)  not null,
    started_at          timestamp with time zone,
    completed_at        timestamp with time zone,
    failure             varchar(1000),
    audit_up_to         bigint,
    audit_entries       integer,
    audit_log_sha256    varchar(64),
    manifest_sha256     varchar(64),
    manifest_signature  bytea,
    runs                integer      not null,
    version             bigint       not null
);

create index audit_export_status on audit_export (status);

create table audit_export_record (
    export_id         bigint       not null references audit_export (id),
    seq_no            integer      not null,
    sealed_record_id  bigint       not null references sealed_record (id),
    record_type       varchar(30)  not null,
    record_id         bigint       not null,
    client_id         bigint       not null,
    sealed_at         timestamp with time zone not null,
    sha256            varchar(64)  not null,
    size_bytes        bigint       not null,
    primary key (export_id, seq_no),
    constraint audit_export_record_once unique (export_id, sealed_record_id)
);
