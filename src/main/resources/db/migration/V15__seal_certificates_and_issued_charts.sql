-- The clinic's sealing certificates, current and rotated out: verification trusts a seal only when
-- its certificate is one of these (pinned by SHA-256 of the DER encoding), whatever name it shows.
create sequence seal_certificate_seq start with 50 increment by 50;

create table seal_certificate (
    id               bigint        not null primary key,
    sha256           varchar(64)   not null,
    subject          varchar(1000) not null,
    not_before       timestamp with time zone not null,
    not_after        timestamp with time zone not null,
    in_use_from      timestamp with time zone not null,
    retired_at       timestamp with time zone,
    certificate_der  bytea         not null,
    constraint seal_certificate_once unique (sha256)
);

-- Combined chart PDFs are built on request and not kept; each one issued is recorded with its
-- SHA-256, so that a genuine chart verifies as issued by the clinic and a fabricated one does not.
create sequence issued_chart_seq start with 50 increment by 50;

create table issued_chart (
    id          bigint       not null primary key,
    sha256      varchar(64)  not null,
    client_id   bigint       not null references client (id),
    issued_at   timestamp with time zone not null,
    issued_by   varchar(100) not null,
    records     integer      not null,
    size_bytes  bigint       not null
);

create index issued_chart_sha256 on issued_chart (sha256);
