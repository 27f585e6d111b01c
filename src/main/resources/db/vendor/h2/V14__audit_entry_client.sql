-- The client an audit entry concerns, in its own column, so that a client's history and its
-- kiosk hand-overs are found by an index instead of by reading record ids and details. The
-- column is not part of an entry's hash (ADR-047): entries chained before it still verify.
alter table audit_entry add column client_id bigint;
create index audit_entry_client on audit_entry (client_id, id);

-- H2 has no append-only trigger on audit_entry (see V8), so the backfill runs as it is.

-- Entries whose detail starts with the client (kiosk hand-overs, intakes, clearances, visit
-- checks, treatment plans); searches of the audit log that name a client are about the log.
update audit_entry set client_id = cast(regexp_substr(detail, '^\{"client":([0-9]{1,18})[,}]', 1, 1, '', 1) as bigint)
  where client_id is null and record_type <> 'AuditLog' and detail like '{"client":%';
update audit_entry set client_id = cast(regexp_substr(detail, '^\{"printedFor":([0-9]{1,18})[,}]', 1, 1, '', 1) as bigint)
  where client_id is null and detail like '{"printedFor":%';
-- A client's lists, read or asked for with the record id client:<id>.
update audit_entry set client_id = cast(substring(record_id, 8) as bigint)
  where client_id is null and regexp_like(record_id, '^client:[0-9]{1,18}$');
-- Entries about the client itself.
update audit_entry set client_id = cast(record_id as bigint)
  where client_id is null and record_type in ('Client', 'ClientChart', 'ReferralLetter') and regexp_like(record_id, '^[0-9]{1,18}$');
-- Entries about one of the client's records.
update audit_entry set client_id = (select r.client_id from health_intake r where cast(r.id as varchar(60)) = audit_entry.record_id)
  where client_id is null and record_type = 'HealthIntake';
update audit_entry set client_id = (select r.client_id from medical_clearance r where cast(r.id as varchar(60)) = audit_entry.record_id)
  where client_id is null and record_type = 'MedicalClearance';
update audit_entry set client_id = (select r.client_id from visit_check r where cast(r.id as varchar(60)) = audit_entry.record_id)
  where client_id is null and record_type = 'VisitCheck';
update audit_entry set client_id = (select r.client_id from consent r where cast(r.id as varchar(60)) = audit_entry.record_id)
  where client_id is null and record_type = 'Consent';
update audit_entry set client_id = (select r.client_id from treatment_plan r where cast(r.id as varchar(60)) = audit_entry.record_id)
  where client_id is null and record_type = 'TreatmentPlan';
update audit_entry set client_id = (select r.client_id from treatment_session r where cast(r.id as varchar(60)) = audit_entry.record_id)
  where client_id is null and record_type = 'TreatmentSession';
update audit_entry set client_id = (select r.client_id from soap_note r where cast(r.id as varchar(60)) = audit_entry.record_id)
  where client_id is null and record_type = 'SoapNote';
update audit_entry set client_id = (select n.client_id from note_addendum d join soap_note n on n.id = d.note_id
    where cast(d.id as varchar(60)) = audit_entry.record_id)
  where client_id is null and record_type = 'NoteAddendum';
update audit_entry set client_id = (select r.client_id from sealed_record r where cast(r.id as varchar(60)) = audit_entry.record_id)
  where client_id is null and record_type = 'SealedRecord';
