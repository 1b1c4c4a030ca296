#!/usr/bin/python3
"""Writes the BLEU and chrF golden files for core/eval/bleu and core/text/chrf from an independent
implementation of sacrebleu 2.x's defaults, written from its published code paths (sacrebleu is not
packaged for Debian 12): BLEU with TokenizerV13a, max order 4, exp smoothing, closest reference length,
effective order for sentence BLEU; chrF with char order 6, beta 2, whitespace removed, the best
reference per segment. Not run by CI; rerun by hand from the repository root:
    /usr/bin/python3 tests/data/eval/make-quality-golden.py ../shared/data
"""
import csv
import json
import math
import os
import re
import sys
from collections import Counter

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
here = os.path.dirname(os.path.abspath(__file__))

# ---- 13a tokenizer (sacrebleu.tokenizers.tokenizer_13a + tokenizer_re) ----
RULES = [(re.compile(r'([\{-\~\[-\` -\&\(-\+\:-\@\/])'), r' \1 '),
         (re.compile(r'([^0-9])([\.,])'), r'\1 \2 '),
         (re.compile(r'([\.,])([^0-9])'), r' \1 \2'),
         (re.compile(r'([0-9])(-)'), r'\1 \2 ')]


def tok13a(line):
    line = line.replace('<skipped>', '').replace('-\n', '').replace('\n', ' ')
    if '&' in line:
        line = line.replace('&quot;', '"').replace('&amp;', '&').replace('&lt;', '<').replace('&gt;', '>')
    line = f' {line} '
    for pattern, repl in RULES:
        line = pattern.sub(repl, line)
    return ' '.join(line.split())


def ngrams(tokens, n):
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def bleu_stats(hyp, refs):
    h = tok13a(hyp).split()
    rs = [tok13a(r).split() for r in refs]
    closest, ref_len = None, 0
    for r in rs:
        diff = abs(len(h) - len(r))
        if closest is None or diff < closest or (diff == closest and len(r) < ref_len):
            closest, ref_len = diff, len(r)
    correct, total = [], []
    for n in range(1, 5):
        hc = ngrams(h, n)
        maxref = Counter()
        for r in rs:
            for g, c in ngrams(r, n).items():
                maxref[g] = max(maxref[g], c)
        correct.append(sum(min(c, maxref[g]) for g, c in hc.items()))
        total.append(max(0, len(h) - n + 1))
    return correct, total, len(h), ref_len


def bleu_score(correct, total, sys_len, ref_len, effective_order):
    bp = 1.0 if sys_len >= ref_len else (math.exp(1 - ref_len / sys_len) if sys_len > 0 else 0.0)
    if not any(correct):
        return 0.0
    precisions, smooth, order = [0.0] * 4, 1.0, 4
    for n in range(1, 5):
        if total[n - 1] == 0:
            break
        if effective_order:
            order = n
        if correct[n - 1] == 0:
            smooth *= 2
            precisions[n - 1] = 100.0 / (smooth * total[n - 1])
        else:
            precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1]
    logs = [math.log(p) if p > 0 else -9999999999 for p in precisions[:order]]
    return bp * math.exp(sum(logs) / order)


# ---- chrF (sacrebleu.metrics.chrf, eps_smoothing=False) ----
def chrf_stats_one(hyp, ref):
    h, r = ''.join(hyp.split()), ''.join(ref.split())
    out = []
    for n in range(1, 7):
        hc = Counter(h[i:i + n] for i in range(len(h) - n + 1))
        rc = Counter(r[i:i + n] for i in range(len(r) - n + 1))
        out.append((sum(hc.values()), sum(rc.values()), sum(min(c, rc[g]) for g, c in hc.items())))
    return out


def chrf_score(stats, beta=2.0):
    p = rc = 0.0
    eff = 0
    for nh, nr, m in stats:
        if nh > 0 and nr > 0:
            p += m / nh
            rc += m / nr
            eff += 1
    if eff == 0:
        return 0.0
    p, rc = p / eff, rc / eff
    if p + rc == 0:
        return 0.0
    return 100 * (1 + beta ** 2) * p * rc / (beta ** 2 * p + rc)


def chrf_stats(hyp, refs):
    best, best_f = None, -1.0
    for ref in refs:
        s = chrf_stats_one(hyp, ref)
        f = chrf_score(s)
        if f > best_f:
            best, best_f = s, f
    return best


def corpus(pairs):
    bc, bt, bs, br = [0] * 4, [0] * 4, 0, 0
    cs = [[0, 0, 0] for _ in range(6)]
    for hyp, refs in pairs:
        c, t, s, r = bleu_stats(hyp, refs)
        bc = [a + b for a, b in zip(bc, c)]; bt = [a + b for a, b in zip(bt, t)]; bs += s; br += r
        for k, st in enumerate(chrf_stats(hyp, refs)):
            cs[k] = [a + b for a, b in zip(cs[k], st)]
    return {"bleu": bleu_score(bc, bt, bs, br, False), "chrf": chrf_score(cs)}


# Hypothesis, references: tokenizer corner cases (numbers, dashes, entities, symbols, non-ASCII,
# repeated punctuation), brevity, no matches, multiple references, empty texts.
pairs = [
    ("The cat sat on the mat.", ["The cat is sitting on the mat."]),
    ("It costs $1,000.50 - or 3-4 items, e.g. a.b.c...", ["It costs $1,000.50, or 3 - 4 items."]),
    ("&quot;Hello&quot; &amp; goodbye &lt;3 &gt;", ['"Hello" & goodbye <3 >']),
    ("Older workers may need time to learn new software.", ["Some workers need time to learn new software.",
                                                            "Older staff may need time to learn the software."]),
    ("Café naïve élève, déjà vu!", ["Cafe naive eleve, deja vu!"]),
    ("short", ["a much longer reference sentence than the hypothesis"]),
    ("completely different words here", ["nothing in common at all"]),
    ("He said:\"no way!!!\" (really?) [yes] {ok} a/b @user #tag 50% x^2 ~ `q`", ["He said: no way! really? yes ok"]),
    ("", ["The reference is not empty."]),
    ("you are a total idiot and nobody likes you", ["you are not smart and some people do not like you",
                                                   "nobody agrees with you", "you are wrong"]),
    ("2.5 3,000 4-5 a-b 6.x y.7 .8 9.", ["2.5 3,000 4 - 5"]),
]
with open(os.path.join(here, "quality-golden-sentences.tsv"), "w", newline="") as out:
    w = csv.writer(out, delimiter="\t", lineterminator="\n")
    w.writerow(["hypothesis", "tokens_13a", "sentence_bleu", "chrf", "references..."])
    for hyp, refs in pairs:
        w.writerow([hyp, tok13a(hyp), repr(bleu_score(*bleu_stats(hyp, refs), True)),
                    repr(chrf_score(chrf_stats(hyp, refs)))] + refs)

# Real texts: ParaDetox toxic sentences against their 1-3 neutral rewrites (rows by index).
real = []
with open(os.path.join(shared, "paradetox/paradetox.tsv"), newline="", encoding="utf-8") as f:
    for row, rec in enumerate(csv.DictReader(f, delimiter="\t")):
        if row >= 1000:
            break
        refs = [rec[k] for k in ("neutral1", "neutral2", "neutral3") if rec[k]]
        real.append((row, rec["toxic"], refs))
with open(os.path.join(here, "quality-golden-shared.tsv"), "w", newline="") as out:
    w = csv.writer(out, delimiter="\t", lineterminator="\n")
    w.writerow(["row", "sentence_bleu", "chrf"])
    for row, hyp, refs in real:
        w.writerow([row, repr(bleu_score(*bleu_stats(hyp, refs), True)), repr(chrf_score(chrf_stats(hyp, refs)))])

with open(os.path.join(here, "quality-golden-corpus.json"), "w") as out:
    json.dump({"sentences": corpus(pairs), "paradetox_first_1000": corpus([(h, r) for _, h, r in real])}, out,
              indent=1)
