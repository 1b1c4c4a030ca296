#!/usr/bin/python3
"""Writes perplexity-golden.tsv for core/eval/language-model-perplexity: log-probabilities of texts under
pocketsphinx-en-us's trigram model, scored word by word through python3-sphinxbase's NGramModel.prob
(the same model file; this checks our word splitting, history, OOV and </s> handling, not sphinxbase).
Not run by CI; rerun by hand from the repository root:
    /usr/bin/python3 tests/data/eval/make-perplexity-golden.py ../shared/data
"""
import csv
import math
import os
import re
import sys

from sphinxbase.sphinxbase import NGramModel

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
here = os.path.dirname(os.path.abspath(__file__))
lm = NGramModel("/usr/share/pocketsphinx/model/en-us/en-us.lm.bin")
ZERO = -536870912          # sphinxbase's log of probability zero: the word is not in the vocabulary
LN_BASE = math.log(1.0001)  # the default log base of the model's integer scores

# core/eval/text-units: runs of letters, marks and digits; ' and - joined between them; lowercased.
WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")


def words(text):
    out = []
    for w in WORD.findall(text.lower().replace("\u2019", "'")):
        out.extend(p for p in w.split("-") if p)
    return out


def score(text):
    history, ln_prob, scored, oov = ["<s>"], 0.0, 0, 0
    for w in words(text) + ["</s>"]:
        if w != "</s>" and lm.prob([w]) <= ZERO:
            oov += 1
            history = []
            continue
        ln_prob += lm.prob([w] + history[:2]) * LN_BASE
        scored += 1
        history = [w] + history[:1]
    return ln_prob, scored, oov


texts = ["The cat sat on the mat.", "mat the on sat cat the", "I don't know what you mean.",
         "Well-known workers can't keep up!", "zzqx blorf the", "Older workers just can't keep up with new software."]
with open(os.path.join(shared, "paradetox/paradetox.tsv"), newline="", encoding="utf-8") as f:
    for row, rec in enumerate(csv.DictReader(f, delimiter="\t")):
        if row >= 200:
            break
        texts += [rec["toxic"], rec["neutral1"]]

with open(os.path.join(here, "perplexity-golden.tsv"), "w", newline="") as out:
    w = csv.writer(out, delimiter="\t", lineterminator="\n")
    w.writerow(["source", "ln_probability", "scored_tokens", "oov"])
    for i, t in enumerate(texts):
        ln_prob, scored, oov = score(t)
        # texts 0-5 are written here; later ones are ParaDetox row (i-6)//2, column toxic/neutral1
        w.writerow([t if i < 6 else f"paradetox:{(i - 6) // 2}:{'toxic' if (i - 6) % 2 == 0 else 'neutral1'}",
                    repr(ln_prob), scored, oov])
