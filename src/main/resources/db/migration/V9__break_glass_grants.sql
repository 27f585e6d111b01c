-- Break-glass access: a therapist opens the clinical record of a client outside their caseload by
-- giving a reason. Each row grants that one therapist that one client until expires_at; the
-- BREAK_GLASS audit entry written in the same transaction keeps the reason for good. The owner's
-- review is recorded here and as its own audit entry; audit entries themselves never change.

create sequence break_glass_grant_seq start with 50 increment by 50;

create table break_glass_grant (
    id             bigint       not null primary key,
    client_id      bigint       not null references client (id),
    therapist      varchar(120) not null,
    reason         varchar(500) not null,
    granted_at     timestamp with time zone not null,
    expires_at     timestamp with time zone not null,
    audit_entry_id bigint       not null references audit_entry (id),
    reviewed_by    varchar(120),
    reviewed_at    timestamp with time zone,
    version        bigint       not null,
    constraint break_glass_grant_ends_after_start check (expires_at > granted_at),
    constraint break_glass_grant_review_complete check ((reviewed_by is null) = (reviewed_at is null))
);

create index break_glass_grant_access on break_glass_grant (client_id, therapist, expires_at);
create index break_glass_grant_time on break_glass_grant (granted_at);
