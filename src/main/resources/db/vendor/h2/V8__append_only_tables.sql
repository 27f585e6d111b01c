-- On PostgreSQL this version adds triggers that refuse any change to the audit trail and the
-- sealed records. H2 cannot run such a trigger without Java code inside the database, so here
-- the version only marks the tables; MyoChart refuses such changes itself, and the hash chain
-- (audit) and SHA-256 (sealed records) reveal any change made around it.

comment on table audit_entry is 'Append-only, hash-chained audit trail; the application never updates or deletes rows.';
comment on table sealed_record is 'Append-only sealed PDFs; the application never updates or deletes rows.';
