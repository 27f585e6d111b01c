-- A client registration form carries a one-time submission id. The same form sent again (a double
-- click, a retried request, many at once) finds the client it already registered instead of
-- creating another; the unique constraint holds even when the repeats arrive together.
-- Clients registered before this version, or through the API, have none.

alter table client add column submission_id varchar(60);
alter table client add constraint client_submission_id_unique unique (submission_id);
