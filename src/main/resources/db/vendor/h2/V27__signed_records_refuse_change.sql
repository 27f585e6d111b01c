-- On PostgreSQL this version adds triggers that refuse any change to a signed SOAP note, its rows,
-- consents and addenda. H2 cannot run such a trigger without Java code inside the database (see
-- V8): here the application refuses (SoapNote, Consent), and the records' SHA-256 in the signed
-- PDFs and the audit trail reveal a change made around it. Only the table comments are set.
comment on table soap_note is 'SOAP notes; the application refuses any change to a signed note.';
comment on table consent is 'Signed consents; the application never updates or deletes rows.';
comment on table note_addendum is 'Signed addenda; the application never updates or deletes rows.';
