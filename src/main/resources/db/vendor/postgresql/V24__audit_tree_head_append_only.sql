-- A published tree head stays as it was signed: PostgreSQL refuses to change or delete one.
create trigger audit_tree_head_append_only before update or delete on audit_tree_head
  for each row execute function myochart_refuse_change();
create trigger audit_tree_head_no_truncate before truncate on audit_tree_head
  for each statement execute function myochart_refuse_change();
comment on table audit_tree_head is 'Append-only signed Merkle tree heads of the audit trail; updates and deletes are refused by trigger.';
