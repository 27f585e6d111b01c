-- A draft note as the therapist typed it, when it cannot yet be stored in the note's own columns
-- and rows: a value out of range, a treatment row without its muscle (issue 16). Autosave keeps it
-- here so nothing typed is lost; the problems are shown and enforced at signing. Cleared whenever
-- the note is saved without problems or signed.
alter table soap_note add column typed_draft text;
