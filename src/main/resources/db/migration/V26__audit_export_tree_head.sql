-- An export's archive carries a signed head of the audit tree and the inclusion proofs of its
-- audit log in that tree (ADR-057). The head is published when the export is collected; its size
-- is kept so that every later download of the archive carries the same head and the same proofs,
-- whose SHA-256 the signed manifest names. Exports collected before have neither.

alter table audit_export add column audit_tree_size bigint;
alter table audit_export add column audit_proofs_sha256 varchar(64);
