-- Clients, their versioned health intakes, red-flag screening, medical clearances and
-- day-of-visit checks. Same script for H2 and PostgreSQL.

create sequence client_seq start with 50 increment by 50;

create table client (
    id                      bigint       not null primary key,
    first_name              varchar(100) not null,
    last_name               varchar(100) not null,
    -- lower-case copies for prefix search by name
    first_name_key          varchar(100) not null,
    last_name_key           varchar(100) not null,
    date_of_birth           date         not null,
    phone                   varchar(40),
    phone_digits            varchar(40),
    email                   varchar(200),
    emergency_contact_name  varchar(200),
    emergency_contact_phone varchar(40),
    preferred_language      varchar(60),
    physician_name          varchar(200),
    physician_contact       varchar(200),
    notes                   text,
    active                  boolean      not null,
    possible_duplicate      boolean      not null,
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    version                 bigint       not null
);

create index client_last_name_key on client (last_name_key, first_name_key);
create index client_first_name_key on client (first_name_key);
create index client_phone_digits on client (phone_digits);
create index client_date_of_birth on client (date_of_birth);

create sequence health_intake_seq start with 50 increment by 50;

create table health_intake (
    id                        bigint      not null primary key,
    client_id                 bigint      not null references client (id),
    version_number            integer     not null,
    source                    varchar(10) not null,
    submitted_by              varchar(120) not null,
    submitted_at              timestamp with time zone not null,
    headache_days_per_month   integer     not null,
    usual_duration_hours      integer     not null,
    usual_intensity           integer     not null,
    one_sided                 boolean     not null,
    throbbing                 boolean     not null,
    aura                      boolean     not null,
    nausea                    boolean     not null,
    light_sensitivity         boolean     not null,
    sound_sensitivity         boolean     not null,
    triggers                  text,
    physician_diagnosed       boolean     not null,
    diagnosed_when            varchar(100),
    cervical_spondylosis      boolean     not null,
    recent_head_neck_injury   boolean     not null,
    pregnant                  boolean     not null,
    skin_condition            varchar(500),
    oil_allergy               varchar(500),
    other_contraindications   text,
    constraint health_intake_version_unique unique (client_id, version_number),
    constraint health_intake_pain_range check (usual_intensity between 0 and 10),
    constraint health_intake_days_range check (headache_days_per_month between 0 and 31)
);

create table intake_medication (
    intake_id bigint       not null references health_intake (id),
    position  integer      not null,
    name      varchar(200) not null,
    kind      varchar(20)  not null,
    primary key (intake_id, position)
);

create table intake_red_flag (
    intake_id bigint      not null references health_intake (id),
    flag      varchar(40) not null,
    primary key (intake_id, flag)
);

create sequence medical_clearance_seq start with 50 increment by 50;

create table medical_clearance (
    id                  bigint       not null primary key,
    client_id           bigint       not null references client (id),
    physician_name      varchar(200) not null,
    cleared_on          date         not null,
    note                text         not null,
    recorded_by         varchar(120) not null,
    recorded_at         timestamp with time zone not null,
    letter              bytea,
    letter_content_type varchar(60),
    letter_file_name    varchar(200),
    letter_sha256       char(64)
);

create index medical_clearance_client on medical_clearance (client_id, recorded_at);

create sequence visit_check_seq start with 50 increment by 50;

create table visit_check (
    id                  bigint      not null primary key,
    client_id           bigint      not null references client (id),
    visit_date          date        not null,
    acute_severe_attack boolean     not null,
    changed_since_last  boolean     not null,
    recorded_by         varchar(120) not null,
    recorded_at         timestamp with time zone not null
);

create table visit_check_red_flag (
    visit_check_id bigint      not null references visit_check (id),
    flag           varchar(40) not null,
    primary key (visit_check_id, flag)
);

create index visit_check_client on visit_check (client_id, recorded_at);
create index health_intake_client on health_intake (client_id, version_number);
