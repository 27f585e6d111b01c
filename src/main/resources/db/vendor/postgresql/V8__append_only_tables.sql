-- The audit trail and the sealed records are append-only: PostgreSQL itself refuses to change,
-- delete or truncate their rows, whoever asks. (H2 has no such trigger without Java code in the
-- database; there the application refuses, and the hash chain and the records' SHA-256 reveal any
-- change made around it.)

create function myochart_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'MyoChart refuses % on %: its rows are never changed or deleted', tg_op, tg_table_name
    using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
  for each row execute function myochart_refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
  for each statement execute function myochart_refuse_change();

create trigger sealed_record_append_only before update or delete on sealed_record
  for each row execute function myochart_refuse_change();
create trigger sealed_record_no_truncate before truncate on sealed_record
  for each statement execute function myochart_refuse_change();

comment on table audit_entry is 'Append-only, hash-chained audit trail; updates and deletes are refused by trigger.';
comment on table sealed_record is 'Append-only sealed PDFs; updates and deletes are refused by trigger.';
