-- Creates MyoChart's PostgreSQL database and its two roles (ADR-061, docs/operations.md
-- "Database roles"). Run once, as a superuser, with the passwords given on the command line:
--
--   psql -h db.internal -U postgres -v ON_ERROR_STOP=1 \
--     -v owner_password="$(openssl rand -base64 24)" \
--     -v app_password="$(openssl rand -base64 24)" \
--     -f payara-config/create-database-roles.sql
--
-- and keep both passwords, for MYOCHART_DB_OWNER_PASSWORD and MYOCHART_DB_PASSWORD. The names
-- can be changed with -v database=… -v owner_role=… -v app_role=… (defaults: myochart,
-- myochart_owner, myochart_app); roles that exist already are kept as they are, so a second
-- database for the same roles needs only -v database=….
--
-- The owner role owns the database and its schema: MyoChart migrates the schema as this role at
-- every start and grants the app role what it may do. The app role is the one the server works
-- as: it reads, adds and changes what the application writes, may never change or delete an audit
-- entry, a sealed record, a signed consent or a signed addendum, and cannot ALTER, TRUNCATE, DROP
-- or disable a trigger on any table, because only a table's owner or a superuser can.

\if :{?database}
\else
  \set database myochart
\endif
\if :{?owner_role}
\else
  \set owner_role myochart_owner
\endif
\if :{?app_role}
\else
  \set app_role myochart_app
\endif

select exists (select from pg_roles where rolname = :'owner_role') as owner_exists,
       exists (select from pg_roles where rolname = :'app_role') as app_exists \gset
\if :owner_exists
  \echo 'Role' :owner_role 'exists: kept as it is.'
\else
  create role :"owner_role" login password :'owner_password';
\endif
\if :app_exists
  \echo 'Role' :app_role 'exists: kept as it is.'
\else
  create role :"app_role" login password :'app_password';
\endif

create database :"database" owner :"owner_role";

-- No temporary tables for anyone but the owner: nothing in MyoChart needs them.
revoke temporary on database :"database" from public;
grant temporary on database :"database" to :"owner_role";

\connect :database
-- Nobody but the owner creates objects in the schema (PostgreSQL 15 and later do this already).
revoke create on schema public from public;
alter schema public owner to :"owner_role";
