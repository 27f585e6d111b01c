-- A health intake the client is filling in on the tablet, kept screen by screen (issue 16), so
-- that a slow reader, a tablet put to sleep or a tablet that locked itself after being left alone
-- loses nothing. Staff continue it on the tablet or discard it; a sent intake closes it. Never
-- deleted: closing stamps who, when and how.
create sequence intake_draft_seq start with 50 increment by 50;

create table intake_draft (
    id            bigint       not null primary key,
    client_id     bigint       not null references client (id),
    kiosk_session varchar(36)  not null,
    started_by    varchar(64)  not null,
    answers       text         not null,
    step          integer      not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    locked_at     timestamp with time zone,
    closed_at     timestamp with time zone,
    closed_by     varchar(200),
    outcome       varchar(20),
    version       bigint       not null,
    constraint intake_draft_step_range check (step between 0 and 20),
    constraint intake_draft_outcome_known check (outcome in ('SENT', 'DISCARDED')),
    constraint intake_draft_closing_complete check (
        (closed_at is null) = (outcome is null) and (closed_at is null) = (closed_by is null))
);

create index intake_draft_client on intake_draft (client_id, closed_at);
create index intake_draft_kiosk on intake_draft (kiosk_session);
