-- The audit trail stops being the clinic's single lock (ADR-058). Until now every writer locked
-- the one audit_chain_head row to give its entry the next id and the previous entry's hash.
-- From this version a writer takes its id from a sequence (audit_entry_seq, below),
-- hashes only its own entry (previous_hash stays empty), and queues the entry's id in
-- audit_unsequenced, all in the transaction of the action. The sequencer (one at a time, under
-- the audit_tree_sequencer row's lock) later takes the committed, queued entries in id order and
-- gives each its leaf of the Merkle tree in audit_leaf: the leaf's index is the entry's place in
-- the trail, and the leaf names the hash of the leaf before it, so the chain now runs through the
-- leaves.

alter table audit_entry alter column previous_hash drop not null;

create table audit_leaf (
    leaf_index     bigint      not null primary key,
    entry_id       bigint      not null unique,
    -- The entry's hash as the sequencer took it in, and the hash of the leaf before (64 zeros
    -- for the first).
    entry_hash     varchar(64) not null,
    previous_hash  varchar(64) not null
);

-- Entries written before this version are integrated on upgrade, in the order their chain gives
-- them: entry n is leaf n - 1, as the published heads (ADR-057) already counted them.
insert into audit_leaf (leaf_index, entry_id, entry_hash, previous_hash)
    select id - 1, id, entry_hash, previous_hash from audit_entry;

-- Committed entries not yet in the tree. The sequencer deletes the rows it has integrated.
create table audit_unsequenced (
    entry_id  bigint not null primary key
);

comment on table audit_leaf is 'The audit trail''s order: one append-only leaf of the Merkle tree per entry.';

-- Audit entries take their ids from a sequence from now on (ADR-058), starting after the last
-- entry written under the chain-head lock. The leaves are append-only like the entries.
create sequence audit_entry_seq;
select setval('audit_entry_seq', (select coalesce(max(id), 0) + 1 from audit_entry), false);

create trigger audit_leaf_append_only before update or delete on audit_leaf
  for each row execute function myochart_refuse_change();
create trigger audit_leaf_no_truncate before truncate on audit_leaf
  for each statement execute function myochart_refuse_change();
