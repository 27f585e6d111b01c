-- On PostgreSQL this version adds triggers that refuse any change to a published tree head. H2
-- cannot run such a trigger without Java code inside the database (see V8): here it only marks the
-- table. A changed head no longer carries a valid signature; a deleted one is not noticed here.
comment on table audit_tree_head is 'Append-only signed Merkle tree heads of the audit trail; the application never updates or deletes rows.';
