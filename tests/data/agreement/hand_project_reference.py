#!/usr/bin/python3
"""Reference figures for the hand-made project of tests/db/test-agreement-report.cpp (not run by CI).

Run: /usr/bin/python3 tests/data/agreement/hand_project_reference.py
Uses the independent definitions in reference_values.py (pair enumeration, not coincidence matrices).
"""
from itertools import combinations

from reference_values import alpha, chrf

# Done annotations per item for annotators a, b, c (None = no done annotation).
BIAS = [["Yes", "Yes", "Yes"], ["Yes", "Yes", "No"], ["No", "No", None], ["Yes", "No", None], ["Yes", "Yes", "No"]]
TOX = [["Mild", "Mild", "Mild"], ["High", "Mild", "Mild"], ["No", "No", None], ["Mild", "No", None],
       ["High", "High", "No"]]
TOX_RANK = {"No": 0, "Mild": 1, "High": 2}
BIAS_CODE = {"No": 0, "Yes": 1}


def coders(rows, code):
    return [[None if r[c] is None else code[r[c]] for r in rows] for c in range(3)]


def fleiss_varying(rows):
    """Fleiss' kappa with per-unit rater counts: mean P_i over units, pooled category shares."""
    units = [[v for v in r if v is not None] for r in rows]
    units = [u for u in units if len(u) >= 2]
    cats = sorted({v for u in units for v in u})
    p_i = []
    for u in units:
        n = len(u)
        p_i.append((sum(u.count(c) ** 2 for c in cats) - n) / (n * (n - 1)))
    total = sum(len(u) for u in units)
    p_e = sum((sum(u.count(c) for u in units) / total) ** 2 for c in cats)
    p_bar = sum(p_i) / len(p_i)
    return (p_bar - p_e) / (1 - p_e)


TEXTS = ["Old people are slow.", "Women cannot drive.", "The bus is late.", "Young people are lazy.",
         "Old men ruin everything."]
# Marked code points per coder (sets), for items with >= 2 done annotations.
SPANS = [[set(range(0, 3)), set(range(0, 3)), set(range(0, 3))],
         [set(range(0, 5)), set(range(0, 5)), set()],
         [set(), set(), None], [set(), set(), None], [set(), set(), set()]]


def span_alpha():
    columns = [[], [], []]
    for text, marks in zip(TEXTS, SPANS):
        for i in range(len(text)):
            for c in range(3):
                columns[c].append(None if marks[c] is None else int(i in marks[c]))
    return alpha(columns, "nominal")


def span_f1():
    scores = []
    for marks in SPANS:
        present = [m for m in marks if m is not None]
        for x, y in combinations(present, 2):
            if x or y:
                scores.append(2 * len(x & y) / (len(x) + len(y)))
    return sum(scores) / len(scores)


def mean_pairwise(texts):
    scores = [chrf(x, y) for i, x in enumerate(texts) for j, y in enumerate(texts) if i != j]
    return sum(scores) / len(scores)


REWRITES = [["People can be slow.", "People can be slow.", "Some people are slow."],
            ["Anyone can learn to drive well.", "Women drive well."]]

if __name__ == "__main__":
    print(f"bias fleiss {fleiss_varying(BIAS):.10f} alpha nominal {alpha(coders(BIAS, BIAS_CODE), 'nominal'):.10f}")
    print(f"toxicity fleiss {fleiss_varying(TOX):.10f} alpha ordinal {alpha(coders(TOX, TOX_RANK), 'ordinal'):.10f}"
          f" alpha nominal {alpha(coders(TOX, TOX_RANK), 'nominal'):.10f}")
    print(f"spans alpha {span_alpha():.10f} f1 {span_f1():.10f}")
    per_item = [mean_pairwise(r) for r in REWRITES]
    print(f"rewrites per item {per_item} mean {sum(per_item) / len(per_item):.10f}")
    # target_groups: per-value yes/no tables; only Age and Gender are ever picked, the rest are undefined.
    age = [[1, 1, 1], [0, 0, 0], [0, 0, None], [1, 0, None], [1, 1, 0]]
    gender = [[0, 0, 0], [1, 1, 0], [0, 0, None], [0, 0, None], [0, 0, 0]]
    per_value = [alpha([[r[c] for r in t] for c in range(3)], "nominal") for t in (age, gender)]
    print(f"target_groups alpha per value {per_value} mean {sum(per_value) / 2:.10f}")
    per_value_fleiss = [fleiss_varying(t) for t in (age, gender)]
    print(f"target_groups fleiss per value {per_value_fleiss} mean {sum(per_value_fleiss) / 2:.10f}")
