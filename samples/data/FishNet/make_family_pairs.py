"""Writes family_tree_pairs.csv: a sparse list of FishNet family pairs with their Class > Order > Family tree
path length (2: same order, 4: same class, 6: otherwise), the input of `simzsl embed --input-kind pairs`.
Pairs: each family with the next family of its order (a chain per order) and with one seeded random family.
Run from this folder: /usr/bin/python3 make_family_pairs.py"""
import csv
import random

rows = list(csv.DictReader(open("family_taxonomy_traits_derived.csv", newline="", encoding="utf-8")))
order = {r["Family"]: r["Order"] for r in rows}
klass = {r["Family"]: r["Class_majority"] for r in rows}
families = [r["Family"] for r in rows]


def distance(a, b):
    return 2 if order[a] == order[b] else 4 if klass[a] == klass[b] else 6


pairs = {}
by_order = {}
for f in families:
    by_order.setdefault(order[f], []).append(f)
for members in by_order.values():
    for a, b in zip(members, members[1:]):
        pairs[tuple(sorted((a, b)))] = distance(a, b)
rng = random.Random(18)
for a in families:
    b = rng.choice(families)
    if a != b:
        pairs[tuple(sorted((a, b)))] = distance(a, b)

# The observed graph must be connected, or its parts' placement is undetermined.
parent = {f: f for f in families}


def find(f):
    while parent[f] != f:
        parent[f] = parent[parent[f]]
        f = parent[f]
    return f


for a, b in pairs:
    parent[find(a)] = find(b)
assert len({find(f) for f in families}) == 1, "disconnected"

with open("family_tree_pairs.csv", "w", newline="", encoding="utf-8") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["a", "b", "distance"])
    for (a, b), d in sorted(pairs.items(), key=lambda p: (families.index(p[0][0]), families.index(p[0][1]))):
        w.writerow([a, b, d])
print(len(pairs), "pairs over", len(families), "families")
