-- What was issued stays issued: PostgreSQL refuses to change or delete the record of a chart PDF.
create trigger issued_chart_append_only before update or delete on issued_chart
  for each row execute function myochart_refuse_change();
create trigger issued_chart_no_truncate before truncate on issued_chart
  for each statement execute function myochart_refuse_change();
comment on table issued_chart is 'Append-only record of combined chart PDFs issued; updates and deletes are refused by trigger.';
