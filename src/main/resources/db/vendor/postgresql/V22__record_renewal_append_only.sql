-- A renewed copy stays as it was stored: PostgreSQL refuses to change or delete one.
create trigger record_renewal_append_only before update or delete on record_renewal
  for each row execute function myochart_refuse_change();
create trigger record_renewal_no_truncate before truncate on record_renewal
  for each statement execute function myochart_refuse_change();
comment on table record_renewal is 'Append-only renewed copies of sealed PDFs (one more document timestamp each); updates and deletes are refused by trigger.';
