-- An export may carry, for each client with a record in it, the client's HL7 FHIR R4 Bundle as one
-- line of fhir/Bundle.ndjson (ADR-068). The Bundles are built once, when the export is collected,
-- and kept here, so that every later download carries the same bytes as the signed manifest names.
-- Exports requested before, or without the option, carry none.

alter table audit_export add column fhir_bundles boolean default false not null;
alter table audit_export add column fhir_bundle_count integer;
alter table audit_export add column fhir_bundles_sha256 varchar(64);

create table audit_export_fhir (
    export_id  bigint  not null references audit_export (id),
    seq_no     integer not null,
    client_id  bigint  not null,
    bundle     bytea   not null,
    primary key (export_id, seq_no)
);
