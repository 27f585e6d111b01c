-- Signed records refuse change in the database itself (issue 20, ADR-061). A SOAP note stays
-- editable while it is a draft; once signed, PostgreSQL refuses to change or delete it, and to
-- add, change or remove any of its rows (muscles, trigger points, pressure points, avoided areas,
-- adverse responses). Consents and addenda are signed when written, so they, their answers,
-- witnesses and withdrawals are append-only, like the audit trail (V8).
--
-- The functions look the note up in the schema of the table that fired them, never through the
-- search path (where a session's temporary table would come first).
--
-- "Signed" means signed by an earlier, committed transaction: the transaction that signs a note
-- may still write the note's last rows with it (the row's xmin is that transaction's id). Any
-- later transaction finds the signature committed and is refused.

create function myochart_refuse_signed_note_change() returns trigger language plpgsql as $$
declare
  written_by xid;
begin
  -- Schema-qualified: a temporary table of the same name must not stand in for the note.
  execute format('select xmin from %I.soap_note where id = $1', tg_table_schema)
    into written_by using old.id;
  if old.status = 'SIGNED' and written_by is distinct from pg_current_xact_id()::xid then
    raise exception 'MyoChart refuses % of SOAP note %: it was signed at % and never changes (add an addendum)',
      tg_op, old.id, old.signed_at
      using errcode = 'insufficient_privilege';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger soap_note_signed_stays before update or delete on soap_note
  for each row execute function myochart_refuse_signed_note_change();
create trigger soap_note_no_truncate before truncate on soap_note
  for each statement execute function myochart_refuse_change();

create function myochart_refuse_signed_note_row_change() returns trigger language plpgsql as $$
declare
  note_ids bigint[];
  signed bigint;
  note record;
begin
  if tg_op = 'INSERT' then
    note_ids := array[new.note_id];
  elsif tg_op = 'UPDATE' then
    note_ids := array[old.note_id, new.note_id];
  else
    note_ids := array[old.note_id];
  end if;
  -- Schema-qualified (see above). The notes are read FOR SHARE whatever their status: a signing
  -- in progress is waited for, and its committed signature then refuses the row.
  for note in execute format(
      'select id, status, xmin as written_by from %I.soap_note where id = any ($1) for share',
      tg_table_schema) using note_ids loop
    if note.status = 'SIGNED' and note.written_by <> pg_current_xact_id()::xid then
      signed := note.id;
    end if;
  end loop;
  if signed is not null then
    raise exception 'MyoChart refuses % on % of SOAP note %: the note is signed and never changes',
      tg_op, tg_table_name, signed
      using errcode = 'insufficient_privilege';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger soap_treated_muscle_signed_stays before insert or update or delete on soap_treated_muscle
  for each row execute function myochart_refuse_signed_note_row_change();
create trigger soap_trigger_point_signed_stays before insert or update or delete on soap_trigger_point
  for each row execute function myochart_refuse_signed_note_row_change();
create trigger soap_point_use_signed_stays before insert or update or delete on soap_point_use
  for each row execute function myochart_refuse_signed_note_row_change();
create trigger soap_avoided_area_signed_stays before insert or update or delete on soap_avoided_area
  for each row execute function myochart_refuse_signed_note_row_change();
create trigger soap_adverse_response_signed_stays before insert or update or delete on soap_adverse_response
  for each row execute function myochart_refuse_signed_note_row_change();

create trigger consent_append_only before update or delete on consent
  for each row execute function myochart_refuse_change();
create trigger consent_no_truncate before truncate on consent
  for each statement execute function myochart_refuse_change();
create trigger consent_answer_append_only before update or delete on consent_answer
  for each row execute function myochart_refuse_change();
create trigger consent_witness_append_only before update or delete on consent_witness
  for each row execute function myochart_refuse_change();
create trigger consent_withdrawal_append_only before update or delete on consent_withdrawal
  for each row execute function myochart_refuse_change();
create trigger note_addendum_append_only before update or delete on note_addendum
  for each row execute function myochart_refuse_change();
create trigger note_addendum_no_truncate before truncate on note_addendum
  for each statement execute function myochart_refuse_change();

comment on table soap_note is 'SOAP notes; a signed note (status SIGNED) and its rows are refused any change by trigger.';
comment on table consent is 'Signed consents; append-only, updates and deletes are refused by trigger.';
comment on table note_addendum is 'Signed addenda; append-only, updates and deletes are refused by trigger.';
