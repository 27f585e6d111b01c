-- Locks of one username in a row: each lays a longer lock, from one minute up to fifteen.
alter table failed_sign_in add column locks integer default 0 not null;

-- Failed sign-ins from one source address within a ten-minute window.
create table failed_sign_in_address (
    address           varchar(64)  not null primary key,
    failures          integer      not null,
    window_started_at timestamp with time zone,
    blocked_until     timestamp with time zone,
    version           bigint       not null
);
