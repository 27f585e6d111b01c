-- Consent forms with immutable published versions, signed consents (electronic or paper),
-- witness countersignatures and withdrawals. Rows of signed records are only ever inserted.

create sequence consent_form_seq start with 50 increment by 50;

create table consent_form (
    id                      bigint       not null primary key,
    code                    varchar(60)  not null unique,
    kind                    varchar(30)  not null,
    required_for_treatment  boolean      not null,
    active                  boolean      not null,
    latest_version_number   integer      not null,
    created_at              timestamp with time zone not null,
    version                 bigint       not null
);

create sequence consent_form_version_seq start with 50 increment by 50;

create table consent_form_version (
    id                  bigint       not null primary key,
    form_id             bigint       not null references consent_form (id),
    version_number      integer      not null,
    title               varchar(200) not null,
    body_markdown       text         not null,
    validity_months     integer      not null,
    requires_reconsent  boolean      not null,
    requires_witness    boolean      not null,
    shown_text          text         not null,
    text_sha256         varchar(64)  not null,
    published_at        timestamp with time zone not null,
    published_by        varchar(120) not null,
    constraint consent_form_version_number unique (form_id, version_number)
);

create table consent_form_item (
    form_version_id  bigint        not null references consent_form_version (id),
    position         integer       not null,
    item_kind        varchar(20)   not null,
    code             varchar(40)   not null,
    item_text        varchar(1000) not null,
    primary key (form_version_id, position)
);

create sequence consent_seq start with 50 increment by 50;

create table consent (
    id                     bigint       not null primary key,
    client_id              bigint       not null references client (id),
    form_version_id        bigint       not null references consent_form_version (id),
    method                 varchar(20)  not null,
    signed_at              timestamp with time zone not null,
    signer_name            varchar(200),
    signer_role            varchar(20)  not null,
    guardian_relationship  varchar(100),
    text_sha256            varchar(64)  not null,
    signature_strokes      text,
    signature_png          bytea,
    scan                   bytea,
    scan_content_type      varchar(60),
    scan_sha256            varchar(64),
    paper_signed_on        date,
    kiosk_session_id       varchar(60),
    started_by             varchar(120) not null,
    ip_address             varchar(60),
    user_agent             varchar(500),
    submission_id          varchar(60)  not null unique,
    evidence_sha256        varchar(64)  not null
);

create index consent_client on consent (client_id, signed_at);

create table consent_answer (
    consent_id  bigint        not null references consent (id),
    position    integer       not null,
    item_kind   varchar(20)   not null,
    code        varchar(40)   not null,
    item_text   varchar(1000) not null,
    accepted    boolean       not null,
    primary key (consent_id, position)
);

create sequence consent_witness_seq start with 50 increment by 50;

create table consent_witness (
    id               bigint       not null primary key,
    consent_id       bigint       not null unique references consent (id),
    witness          varchar(120) not null,
    witness_name     varchar(200) not null,
    witnessed_at     timestamp with time zone not null,
    ip_address       varchar(60),
    evidence_sha256  varchar(64)  not null
);

create sequence consent_withdrawal_seq start with 50 increment by 50;

create table consent_withdrawal (
    id            bigint       not null primary key,
    consent_id    bigint       not null unique references consent (id),
    withdrawn_at  timestamp with time zone not null,
    requested_by  varchar(20)  not null,
    reason        text         not null,
    recorded_by   varchar(120) not null
);
