-- The clinic's address, phone and licence numbers as the owner keeps them in MyoChart (issue 15):
-- printed at the head of every record sealed afterwards and on referral letters. One row; until
-- the owner saves it, the environment's MYOCHART_CLINIC_ADDRESS/PHONE/LICENCES are used.
create table clinic_contact (
    id          integer      not null primary key,
    address     varchar(200),
    phone       varchar(40),
    licences    varchar(200),
    changed_at  timestamp with time zone not null,
    changed_by  varchar(100) not null,
    version     bigint       not null,
    constraint clinic_contact_single_row check (id = 1)
);
