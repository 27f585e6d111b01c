-- Signed heads of a Merkle tree over the audit trail (ADR-057). The tree's leaves are the audit
-- entries in the order of their ids, each leaf the entry's hash, hashed as RFC 9162 (Certificate
-- Transparency v2) does. A head names a tree size and its root and is signed with the clinic's
-- record-seal key; an inclusion proof shows an entry is in a head's tree, a consistency proof that
-- a later head's tree extends an earlier one. With a timestamp authority each head's signature is
-- anchored with an RFC 3161 token. Heads are only ever added.

create table audit_tree_head (
    tree_size     bigint       not null primary key,
    root_hash     varchar(64)  not null,
    published_at  timestamp with time zone not null,
    algorithm     varchar(40)  not null,
    signature     text         not null,
    certificate   text         not null,
    -- An RFC 3161 token over the SHA-256 of the signature, when a timestamp authority is set.
    timestamp_token text
);

-- One row: the sequencer locks it while it publishes, so two servers never publish at once. It
-- keeps the roots of the perfect subtrees along the tree's right edge (hex, comma-separated,
-- largest first), so the next head hashes only the entries added since; the audit check
-- recomputes the whole tree and compares every head, so a changed row here cannot hide anything.
create table audit_tree_sequencer (
    id              integer      not null primary key,
    last_tree_size  bigint       not null,
    frontier        varchar(4200) not null
);

insert into audit_tree_sequencer (id, last_tree_size, frontier) values (1, 0, '');
