-- The version of the canonical JSON a signed note's hash was taken over. Every note before this
-- migration was hashed with version 1; the application writes later versions, and rebuilds each
-- note with its own version so that old signatures keep verifying byte for byte.
alter table soap_note add column canonical_form integer default 1 not null;
