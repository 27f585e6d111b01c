"""Checks that every entry of audit-log.csv is in the audit tree whose head the clinic signed.

Run it in the unpacked export after checking the head's signature (README.txt, steps 7 and 8):
    python3 check-audit-proofs.py
Python 3, standard library only. Prints one line per entry, then a verdict; exit status 0 only
when no entry fails.
"""
import csv, hashlib, json, sys

FIELDS = ("previous_hash id occurred_at actor actor_role action record_type record_id detail"
          " ip_address user_agent").split()

def raw(cell):  # strip the spreadsheet-safety ' (README.txt, "Spreadsheet safety")
    return cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r" else cell

def entry_hash(line):  # step 6: L(field) ":" field ";" for each field, L in UTF-16 code units
    text = "".join(f"{len(v.encode('utf-16-le')) // 2}:{v};" for v in (raw(line[f]) for f in FIELDS))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

def sha256(*parts):
    return hashlib.sha256(b"".join(parts)).digest()

def root_from_path(index, size, leaf, path):  # RFC 9162, section 2.1.3.2
    if not 0 <= index < size:
        return None
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return None
        if fn % 2 == 1 or fn == sn:
            r = sha256(b"\x01", p, r)
            while fn % 2 == 0 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = sha256(b"\x01", r, p)
        fn, sn = fn >> 1, sn >> 1
    return r if sn == 0 else None

def verdict(line, proof):
    if entry_hash(line) != line["entry_hash"]:
        return "FAILED, its line in audit-log.csv does not hash to its entry_hash"
    if proof is None or proof["entry_hash"] != line["entry_hash"]:
        return "FAILED, audit-proofs.jsonl has no proof for its entry_hash"
    if not proof["covered"]:
        return "not yet covered, written after the tree head was signed"
    leaf = sha256(b"\x00", bytes.fromhex(proof["entry_hash"]))
    path = [bytes.fromhex(h) for h in proof["audit_path"]]
    if proof["tree_size"] != tree_size or root_from_path(proof["leaf_index"], tree_size, leaf, path) != root:
        return "FAILED, its audit path does not lead to the signed root_hash"
    return f"OK, leaf {proof['leaf_index']} of {tree_size}"

with open("audit-tree-head.txt", encoding="utf-8", newline="") as f:
    title, *fields = f.read().split("\n")[:4]
if title != "MyoChart audit tree head v1":
    sys.exit("FAILED: audit-tree-head.txt is not a MyoChart audit tree head.")
head = dict(field.split("=", 1) for field in fields)
tree_size, root = int(head["tree_size"]), bytes.fromhex(head["root_hash"])
with open("audit-proofs.jsonl", encoding="utf-8") as f:
    proofs = {proof["id"]: proof for proof in map(json.loads, f)}
csv.field_size_limit(2**31 - 1)  # an entry's detail may be long
with open("audit-log.csv", encoding="utf-8", newline="") as f:
    log = list(csv.DictReader(f))

verdicts = []
for line in log:
    verdicts.append(verdict(line, proofs.pop(int(line["id"]), None)))
    print(f"entry {line['id']}: {verdicts[-1]}")
for entry in proofs:
    verdicts.append("FAILED, audit-proofs.jsonl proves an entry that audit-log.csv lacks")
    print(f"entry {entry}: {verdicts[-1]}")
failed = sum(v.startswith("FAILED") for v in verdicts)
uncovered = sum(v.startswith("not yet covered") for v in verdicts)
if failed:
    print(f"FAILED: {failed} of {len(verdicts)} audit entries do not check.")
    sys.exit(1)
print(f"OK: {len(log) - uncovered} audit entries are in the signed tree of {tree_size} entries"
      + (f"; {uncovered} written after it not yet covered." if uncovered else "."))
