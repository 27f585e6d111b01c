-- Options the owner switches on the owner's pages while MyoChart runs (start-up settings come
-- from the environment instead). One row per option; a missing row means the option is off.

create table clinic_option (
    option_key    varchar(60)  not null primary key,
    option_value  varchar(200) not null,
    changed_at    timestamp with time zone not null,
    changed_by    varchar(100) not null
);

-- Verification looks up an upload too damaged to name its record by its fingerprint.
create index sealed_record_sha256 on sealed_record (sha256);
