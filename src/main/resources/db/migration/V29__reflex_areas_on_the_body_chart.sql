-- Reflexology works on the hands and the feet, which are not muscles. A treatment row names the
-- place worked, so the two places get built-in entries among the muscles: a tap on a hand or a
-- foot of the body chart adds a row for it with the reflexology technique (docs/decisions.md,
-- ADR-066). Ids below 50 are the built-in ones; 17 and 18 are free. A clinic that already added an
-- entry by either name or code keeps its own, and the chart links to that one by the code.
insert into catalogue_entry (id, kind, code, name, other_name, description, snomed_code, paired, caution_condition, caution_text, active, built_in, created_at, version)
select 17, 'MUSCLE', 'hand-reflex-areas', 'Hand reflex areas', null,
       'The palm and back of the hand worked as reflex areas in reflexology: a place on the body chart, not a muscle.',
       null, true, null, null, true, true, current_timestamp, 0
 where not exists (select 1 from catalogue_entry
                    where id = 17 or code = 'hand-reflex-areas' or lower(name) = 'hand reflex areas');

insert into catalogue_entry (id, kind, code, name, other_name, description, snomed_code, paired, caution_condition, caution_text, active, built_in, created_at, version)
select 18, 'MUSCLE', 'foot-reflex-areas', 'Foot reflex areas', null,
       'The sole, top and sides of the foot worked as reflex areas in reflexology: a place on the body chart, not a muscle.',
       null, true, null, null, true, true, current_timestamp, 0
 where not exists (select 1 from catalogue_entry
                    where id = 18 or code = 'foot-reflex-areas' or lower(name) = 'foot reflex areas');

-- Their body regions, so that a restriction on the hands or the feet concerns them (ADR-062).
update catalogue_entry set regions = 'ARMS_AND_HANDS' where built_in = true and code = 'hand-reflex-areas';
update catalogue_entry set regions = 'FEET' where built_in = true and code = 'foot-reflex-areas';
