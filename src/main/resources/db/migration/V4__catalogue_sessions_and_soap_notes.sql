-- The reference catalogue (muscles, pressure points, techniques), treatment plans, sessions,
-- SOAP notes with their structured rows, and signed addenda.

-- Built-in entries use ids below 50; EclipseLink takes ids (value - 49) to value, so start at 100.
create sequence catalogue_entry_seq start with 100 increment by 50;

create table catalogue_entry (
    id                 bigint       not null primary key,
    kind               varchar(20)  not null,
    code               varchar(40)  not null unique,
    name               varchar(120) not null,
    other_name         varchar(120),
    description        varchar(500),
    snomed_code        varchar(20),
    paired             boolean      not null,
    caution_condition  varchar(30),
    caution_text       varchar(500),
    active             boolean      not null,
    built_in           boolean      not null,
    created_at         timestamp with time zone not null,
    version            bigint       not null
);

-- ("paired" rather than "lateral", which PostgreSQL reserves.)
-- Built-in entries, ids below the sequence's start. SNOMED CT codes only where verified
-- (docs/decisions.md, ADR-019).
insert into catalogue_entry (id, kind, code, name, other_name, description, snomed_code, paired, caution_condition, caution_text, active, built_in, created_at, version) values
 (1,  'MUSCLE', 'upper-trapezius', 'Upper trapezius', null, 'From the back of the skull and neck to the outer collarbone; trigger points refer pain up the side of the neck to the temple.', null, true, null, null, true, true, current_timestamp, 0),
 (2,  'MUSCLE', 'levator-scapulae', 'Levator scapulae', null, 'From the upper neck vertebrae to the top inner corner of the shoulder blade.', null, true, null, null, true, true, current_timestamp, 0),
 (3,  'MUSCLE', 'sternocleidomastoid', 'Sternocleidomastoid', null, 'From the breastbone and collarbone to behind the ear; trigger points refer pain to the forehead, eye and ear.', '22823000', true, 'CERVICAL_SPONDYLOSIS', 'Work the neck gently: cervical spondylosis restricts neck techniques.', true, true, current_timestamp, 0),
 (4,  'MUSCLE', 'suboccipitals', 'Suboccipitals (group)', null, 'The small muscles under the base of the skull; trigger points refer pain around the head like a band.', null, true, 'CERVICAL_SPONDYLOSIS', 'Work the neck gently: cervical spondylosis restricts neck techniques.', true, true, current_timestamp, 0),
 (5,  'MUSCLE', 'rectus-capitis-posterior-major', 'Rectus capitis posterior major', null, 'Suboccipital: from the second neck vertebra to the skull.', null, true, null, null, true, true, current_timestamp, 0),
 (6,  'MUSCLE', 'rectus-capitis-posterior-minor', 'Rectus capitis posterior minor', null, 'Suboccipital: from the first neck vertebra to the skull.', null, true, null, null, true, true, current_timestamp, 0),
 (7,  'MUSCLE', 'obliquus-capitis-superior', 'Obliquus capitis superior', null, 'Suboccipital: from the first neck vertebra to the skull.', null, true, null, null, true, true, current_timestamp, 0),
 (8,  'MUSCLE', 'obliquus-capitis-inferior', 'Obliquus capitis inferior', null, 'Suboccipital: between the first and second neck vertebrae.', null, true, null, null, true, true, current_timestamp, 0),
 (9,  'MUSCLE', 'splenius-capitis', 'Splenius capitis', null, 'Back of the neck to the skull; refers pain to the top of the head.', null, true, null, null, true, true, current_timestamp, 0),
 (10, 'MUSCLE', 'splenius-cervicis', 'Splenius cervicis', null, 'Upper back to the upper neck vertebrae; refers pain behind the eye.', null, true, null, null, true, true, current_timestamp, 0),
 (11, 'MUSCLE', 'semispinalis-capitis', 'Semispinalis capitis', null, 'Deep back of the neck to the skull; refers pain over the side of the head.', null, true, null, null, true, true, current_timestamp, 0),
 (12, 'MUSCLE', 'scalenes', 'Scalenes', null, 'Side of the neck to the first ribs.', null, true, 'CERVICAL_SPONDYLOSIS', 'Work the neck gently: cervical spondylosis restricts neck techniques.', true, true, current_timestamp, 0),
 (13, 'MUSCLE', 'temporalis', 'Temporalis', null, 'Fan-shaped muscle at the temple, closes the jaw; refers pain to the temple and teeth.', '52927003', true, null, null, true, true, current_timestamp, 0),
 (14, 'MUSCLE', 'masseter', 'Masseter', null, 'Jaw muscle from the cheekbone to the lower jaw; refers pain to the jaw, ear and eyebrow.', '79368004', true, null, null, true, true, current_timestamp, 0),
 (15, 'MUSCLE', 'occipitofrontalis', 'Occipitofrontalis', null, 'Scalp muscle over the forehead and the back of the head.', null, true, null, null, true, true, current_timestamp, 0),
 (16, 'MUSCLE', 'pectoralis-minor', 'Pectoralis minor', null, 'Front of the chest under pectoralis major; shortening draws the shoulders forward.', null, true, null, null, true, true, current_timestamp, 0),
 (31, 'POINT', 'GB20', 'GB20 Fengchi', 'Fengchi', 'Below the base of the skull, in the hollow between the upper trapezius and sternocleidomastoid.', null, true, null, null, true, true, current_timestamp, 0),
 (32, 'POINT', 'GV16', 'GV16 Fengfu', 'Fengfu', 'On the midline at the back of the head, just below the external occipital protuberance.', null, false, null, null, true, true, current_timestamp, 0),
 (33, 'POINT', 'GB21', 'GB21 Jianjing', 'Jianjing', 'Top of the shoulder, midway between the base of the neck and the tip of the shoulder.', null, true, 'PREGNANCY', 'Not during pregnancy: traditionally avoided because it is said to promote labour.', true, true, current_timestamp, 0),
 (34, 'POINT', 'LI4', 'LI4 Hegu', 'Hegu', 'On the back of the hand, between the thumb and the index finger.', null, true, 'PREGNANCY', 'Not during pregnancy: traditionally avoided because it is said to promote labour.', true, true, current_timestamp, 0),
 (35, 'POINT', 'PC6', 'PC6 Neiguan', 'Neiguan', 'Inner forearm, about three finger-widths above the wrist crease, between the two tendons.', null, true, null, null, true, true, current_timestamp, 0),
 (41, 'TECHNIQUE', 'trigger-point-therapy', 'Trigger point therapy', null, 'Sustained pressure on a trigger point until it releases.', null, false, 'BLOOD_THINNER', 'Blood thinner: use lighter, shorter pressure (risk of bruising).', true, true, current_timestamp, 0),
 (42, 'TECHNIQUE', 'neuromuscular-therapy', 'Neuromuscular therapy', null, 'Systematic pressure along muscles to find and treat trigger points.', null, false, 'BLOOD_THINNER', 'Blood thinner: use lighter, shorter pressure (risk of bruising).', true, true, current_timestamp, 0),
 (43, 'TECHNIQUE', 'myofascial-release', 'Myofascial release', null, 'Slow, sustained stretch of the fascia.', null, false, null, null, true, true, current_timestamp, 0),
 (44, 'TECHNIQUE', 'pnf-stretching', 'PNF stretching', null, 'Contract-relax stretching with the client''s active effort.', null, false, 'CERVICAL_SPONDYLOSIS', 'No end-range neck stretching with cervical spondylosis.', true, true, current_timestamp, 0),
 (45, 'TECHNIQUE', 'craniosacral-therapy', 'Craniosacral therapy', null, 'Very light touch at the skull, neck and sacrum.', null, false, null, null, true, true, current_timestamp, 0),
 (46, 'TECHNIQUE', 'indian-head-massage', 'Indian head massage', null, 'Massage of the scalp, face, neck and shoulders, seated.', null, false, null, null, true, true, current_timestamp, 0),
 (47, 'TECHNIQUE', 'thai-massage', 'Thai massage', null, 'Passive stretching and rhythmic pressure.', null, false, 'CERVICAL_SPONDYLOSIS', 'No neck stretches or rotations with cervical spondylosis.', true, true, current_timestamp, 0),
 (48, 'TECHNIQUE', 'reflexology', 'Reflexology (hands and feet)', null, 'Pressure on reflex areas of the hands and feet.', null, false, null, null, true, true, current_timestamp, 0),
 (49, 'TECHNIQUE', 'swedish-relaxation', 'Swedish / relaxation massage', null, 'Long gliding strokes and kneading for relaxation.', null, false, null, null, true, true, current_timestamp, 0);

create sequence treatment_plan_seq start with 50 increment by 50;

create table treatment_plan (
    id                 bigint       not null primary key,
    client_id          bigint       not null references client (id),
    goal               varchar(1000) not null,
    sessions_planned   integer      not null,
    sessions_per_week  integer      not null,
    starts_on          date         not null,
    active             boolean      not null,
    created_by         varchar(120) not null,
    created_at         timestamp with time zone not null,
    version            bigint       not null
);

create sequence treatment_session_seq start with 50 increment by 50;

create table treatment_session (
    id              bigint       not null primary key,
    client_id       bigint       not null references client (id),
    plan_id         bigint       references treatment_plan (id),
    therapist       varchar(120) not null,
    therapist_name  varchar(200) not null,
    kind            varchar(20)  not null,
    starts_at       timestamp with time zone not null,
    ends_at         timestamp with time zone,
    created_at      timestamp with time zone not null,
    version         bigint       not null
);

create index treatment_session_client on treatment_session (client_id, starts_at);
create index treatment_session_therapist on treatment_session (therapist, starts_at);

create sequence soap_note_seq start with 50 increment by 50;

create table soap_note (
    id                        bigint       not null primary key,
    session_id                bigint       not null unique references treatment_session (id),
    client_id                 bigint       not null references client (id),
    therapist                 varchar(120) not null,
    status                    varchar(10)  not null,
    headache_days_since_last  integer,
    current_pain              integer,
    sleep_quality             integer,
    stress_level              integer,
    triggers                  text,
    medication_since_last     text,
    client_goal               text,
    client_words              text,
    posture                   text,
    rom_flexion               integer,
    rom_extension             integer,
    rom_rotation_left         integer,
    rom_rotation_right        integer,
    rom_side_bend_left        integer,
    rom_side_bend_right       integer,
    palpation_notes           text,
    pain_before               integer,
    pain_after                integer,
    rom_change                text,
    tolerance                 varchar(20),
    progress                  text,
    next_session              text,
    home_care                 text,
    referral_reason           text,
    signed_by                 varchar(120),
    signed_name               varchar(200),
    signed_at                 timestamp with time zone,
    signature_meaning         varchar(300),
    content_sha256            varchar(64),
    created_at                timestamp with time zone not null,
    updated_at                timestamp with time zone not null,
    version                   bigint       not null
);

create index soap_note_client on soap_note (client_id);
create index soap_note_therapist_status on soap_note (therapist, status);

create table soap_treated_muscle (
    note_id     bigint      not null references soap_note (id),
    position    integer     not null,
    muscle      varchar(40) not null,
    side        varchar(10) not null,
    technique   varchar(40) not null,
    pressure    varchar(10) not null,
    minutes     integer     not null,
    primary key (note_id, position)
);

create table soap_trigger_point (
    note_id     bigint       not null references soap_note (id),
    position    integer      not null,
    muscle      varchar(40)  not null,
    side        varchar(10)  not null,
    tenderness  integer      not null,
    refers_to   varchar(200),
    primary key (note_id, position)
);

create table soap_point_use (
    note_id     bigint       not null references soap_note (id),
    position    integer      not null,
    point       varchar(40)  not null,
    side        varchar(10)  not null,
    applied_by  varchar(120) not null,
    primary key (note_id, position)
);

create table soap_avoided_area (
    note_id   bigint       not null references soap_note (id),
    position  integer      not null,
    area      varchar(200) not null,
    reason    varchar(500) not null,
    primary key (note_id, position)
);

create table soap_adverse_response (
    note_id      bigint       not null references soap_note (id),
    position     integer      not null,
    description  varchar(500) not null,
    severity     varchar(10)  not null,
    primary key (note_id, position)
);

create sequence note_addendum_seq start with 50 increment by 50;

create table note_addendum (
    id                 bigint       not null primary key,
    note_id            bigint       not null references soap_note (id),
    reason             varchar(1000) not null,
    body               text         not null,
    signed_by          varchar(120) not null,
    signed_name        varchar(200) not null,
    signed_at          timestamp with time zone not null,
    signature_meaning  varchar(300) not null,
    content_sha256     varchar(64)  not null
);

create index note_addendum_note on note_addendum (note_id, signed_at);
