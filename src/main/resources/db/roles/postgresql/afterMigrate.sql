-- The running application's privileges (ADR-061), granted by the schema's owner after every
-- migration, so that a table added by a later migration is covered at the next start.
-- ${runtime_role} is MYOCHART_DB_USER, the role the application connects as; the migrations run
-- as MYOCHART_DB_OWNER_USER. Only the owner (or a superuser) may ALTER, DROP, TRUNCATE or DISABLE
-- TRIGGER; the runtime role gets none of that, whatever is granted below.
--
-- Records and the audit trail are append-only for the runtime role: it may read and add rows,
-- never change or delete them (the triggers of V8, V16, V22, V24, V25 and V27 refuse that even to
-- the owner). Everything else may be changed in place (drafts, accounts, settings, queues, the
-- sequencer's row), and a few working tables are emptied as they are used.

do $grants$
declare
  runtime text := ${runtime_role};
  tbl record;
  append_only text[] := array[
    'audit_entry', 'audit_leaf', 'audit_tree_head',
    'sealed_record', 'issued_chart', 'record_renewal', 'seal_certificate',
    'consent', 'consent_answer', 'consent_witness', 'consent_withdrawal',
    'consent_form_version', 'consent_form_item',
    'note_addendum', 'restriction_override',
    'health_intake', 'intake_medication', 'intake_red_flag',
    'medical_clearance', 'visit_check', 'visit_check_red_flag',
    'audit_export_record', 'audit_export_fhir', 'installation'];
  -- Append-only tables whose rows the application locks while it adds to them.
  locked_rows text[] := array['installation', 'consent', 'sealed_record'];
begin
  -- Servers starting together take turns (Flyway's own lock does not cover this callback).
  perform pg_advisory_xact_lock(7285361);
  execute format('grant usage on schema %I to %I', current_schema(), runtime);
  for tbl in
      select tablename from pg_tables where schemaname = current_schema() loop
    execute format('revoke all on table %I from %I', tbl.tablename, runtime);
    if tbl.tablename = 'flyway_schema_history' then
      execute format('grant select on table %I to %I', tbl.tablename, runtime);
    elsif tbl.tablename = any (append_only) then
      execute format('grant select, insert on table %I to %I', tbl.tablename, runtime);
      if tbl.tablename = any (locked_rows) then
        -- SELECT … FOR UPDATE needs the UPDATE right on some column: only the key's, which the
        -- triggers (consent, sealed_record) or the single-row check (installation) keep as it is.
        execute format('grant update (id) on table %I to %I', tbl.tablename, runtime);
      end if;
    else
      execute format('grant select, insert, update, delete on table %I to %I', tbl.tablename, runtime);
    end if;
  end loop;
  for tbl in
      select sequencename from pg_sequences where schemaname = current_schema() loop
    execute format('grant usage, select on sequence %I to %I', tbl.sequencename, runtime);
  end loop;
end
$grants$;
