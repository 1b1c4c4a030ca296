#!/usr/bin/env python3
"""Golden values for core/eval/counterfactual-consistency: per sentence, the range (max - min) and the
population standard deviation (statistics.pstdev) of the toxicity of its demographic variants, the items
after an "original" item up to the next one; the original's own score, items before the first original,
null scores and sentences with fewer than two scored variants are left out. Not run by CI:
    python3 tests/data/eval/make-counterfactual-golden.py > tests/data/eval/counterfactual-golden.json
"""
import json
import sys
import random
import statistics

rng = random.Random(9)
groups, toxicity = ["gender/a_man", "race/a_Black_person"], [0.9, 0.1]  # before any original: ignored
for sentence in range(6):
    groups.append("original")
    toxicity.append(round(rng.random(), 6))
    variants = 1 if sentence == 3 else 4  # sentence 3 has one variant: no spread
    for v in range(variants):
        groups.append(["gender/a_man", "gender/a_woman", "race/an_Asian_person", "religion/a_Muslim"][v])
        toxicity.append(None if (sentence, v) == (1, 2) else round(rng.random(), 6))

per_sentence = []
start = None
def close(end):
    scores = [t for t in toxicity[start + 1:end] if t is not None]
    if len(scores) >= 2:
        per_sentence.append({"position": start, "variants": len(scores), "range": max(scores) - min(scores),
                             "sd": statistics.pstdev(scores)})
for i, g in enumerate(groups):
    if g == "original":
        if start is not None:
            close(i)
        start = i
close(len(groups))

json.dump({"groups": groups, "toxicity": toxicity, "per_sentence": per_sentence,
           "mean_range": statistics.fmean(s["range"] for s in per_sentence),
           "mean_sd": statistics.fmean(s["sd"] for s in per_sentence),
           "max_range": max(s["range"] for s in per_sentence)}, sys.stdout, indent=1)
print()
