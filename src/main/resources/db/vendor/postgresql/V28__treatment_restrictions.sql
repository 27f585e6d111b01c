-- Where each built-in muscle and point lies, so that a restriction on a region ("no deep work on
-- the neck") concerns every entry in it. Entries the owner added later have no region until given
-- one; a restriction naming the entry itself still concerns them.
alter table catalogue_entry add column regions varchar(200);

update catalogue_entry set regions = 'NECK,SHOULDERS' where built_in = true and code in ('upper-trapezius', 'levator-scapulae');
update catalogue_entry set regions = 'NECK' where built_in = true and code in (
    'sternocleidomastoid', 'suboccipitals', 'rectus-capitis-posterior-major',
    'rectus-capitis-posterior-minor', 'obliquus-capitis-superior', 'obliquus-capitis-inferior',
    'splenius-capitis', 'semispinalis-capitis', 'scalenes', 'GB20');
update catalogue_entry set regions = 'NECK,UPPER_BACK' where built_in = true and code = 'splenius-cervicis';
update catalogue_entry set regions = 'HEAD' where built_in = true and code in ('temporalis', 'masseter', 'occipitofrontalis');
update catalogue_entry set regions = 'HEAD,NECK' where built_in = true and code = 'GV16';
update catalogue_entry set regions = 'CHEST,SHOULDERS' where built_in = true and code = 'pectoralis-minor';
update catalogue_entry set regions = 'SHOULDERS' where built_in = true and code = 'GB21';
update catalogue_entry set regions = 'ARMS_AND_HANDS' where built_in = true and code in ('LI4', 'PC6');

-- What a physician or the therapist rules out for a time: where (a region, or one muscle or
-- point, on a side or both), which technique, or pressure above a limit. Never deleted: ending
-- one early records who ended it and why.
create sequence treatment_restriction_seq start with 50 increment by 50;

create table treatment_restriction (
    id             bigint        not null primary key,
    client_id      bigint        not null references client (id),
    clearance_id   bigint        references medical_clearance (id),
    region         varchar(30),
    structure      varchar(200),
    side           varchar(10),
    technique      varchar(120),
    max_pressure   varchar(20),
    starts_on      date          not null,
    ends_on        date,
    reason         varchar(1000) not null,
    recorded_by    varchar(120)  not null,
    recorded_at    timestamp with time zone not null,
    lifted_by      varchar(120),
    lifted_at      timestamp with time zone,
    lift_reason    varchar(1000),
    version        bigint        not null
);
create index treatment_restriction_client on treatment_restriction (client_id);

-- A signed note that broke a restriction on purpose: the reason the therapist gave when signing.
create sequence restriction_override_seq start with 50 increment by 50;

create table restriction_override (
    id              bigint        not null primary key,
    note_id         bigint        not null references soap_note (id),
    restriction_id  bigint        not null references treatment_restriction (id),
    reason          varchar(2000) not null,
    overridden_by   varchar(120)  not null,
    overridden_at   timestamp with time zone not null
);
create index restriction_override_note on restriction_override (note_id);

create trigger restriction_override_append_only before update or delete on restriction_override
  for each row execute function myochart_refuse_change();
create trigger restriction_override_no_truncate before truncate on restriction_override
  for each statement execute function myochart_refuse_change();

comment on table restriction_override is 'Append-only: a restriction broken on purpose in a signed note; updates and deletes are refused by trigger.';

-- A restriction is never deleted, and once recorded it changes only by being ended, once: its
-- terms, dates, reason and who recorded it stay as they were.
create function myochart_restriction_ends_once() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception 'MyoChart refuses % on %: restrictions are never deleted', tg_op, tg_table_name
      using errcode = 'insufficient_privilege';
  end if;
  if old.lifted_at is not null or new.lifted_at is null or new.lifted_by is null
      or (new.id, new.client_id, new.clearance_id, new.region, new.structure, new.side,
          new.technique, new.max_pressure, new.starts_on, new.ends_on, new.reason,
          new.recorded_by, new.recorded_at)
         is distinct from
         (old.id, old.client_id, old.clearance_id, old.region, old.structure, old.side,
          old.technique, old.max_pressure, old.starts_on, old.ends_on, old.reason,
          old.recorded_by, old.recorded_at) then
    raise exception 'MyoChart refuses UPDATE on %: a restriction only ends, once', tg_table_name
      using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;

create trigger treatment_restriction_ends_once before update or delete on treatment_restriction
  for each row execute function myochart_restriction_ends_once();
create trigger treatment_restriction_no_truncate before truncate on treatment_restriction
  for each statement execute function myochart_refuse_change();
