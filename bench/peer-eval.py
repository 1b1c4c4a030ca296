#!/usr/bin/python3
"""Peer for bench-eval: the reference implementations the workbench's metrics are checked against, on the
same texts: NLTK 3.8's VADER (python3-nltk) and word-by-word trigram scoring through python3-sphinxbase.
Usage: /usr/bin/python3 bench/peer-eval.py LEXICON TEXT_FILE [N=20000] [vader]   ("vader": VADER only)
"""
import math
import re
import sys
import time

from nltk.sentiment.vader import SentimentIntensityAnalyzer
from sphinxbase.sphinxbase import NGramModel

lexicon, path = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
lines = open(path, encoding="utf-8").read().splitlines()
texts = [lines[i % len(lines)] for i in range(n)]


class Analyzer(SentimentIntensityAnalyzer):
    def make_lex_dict(self):
        self.lexicon_file = self.lexicon_file.strip("\n")
        return super().make_lex_dict()


vader = Analyzer(lexicon_file="file:" + lexicon)
start = time.perf_counter()
checksum = sum(vader.polarity_scores(t)["compound"] for t in texts)
print(f"NLTK VADER            {n / (time.perf_counter() - start):10.0f} texts/s  (checksum {checksum:.3f})")

if len(sys.argv) > 4 and sys.argv[4] == "vader":
    sys.exit(0)
lm = NGramModel("/usr/share/pocketsphinx/model/en-us/en-us.lm.bin")
word = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
start = time.perf_counter()
for t in texts:
    history = ["<s>"]
    for w in word.findall(t.lower()) + ["</s>"]:
        lm.prob([w] + history[:2])
        history = [w] + history[:1]
print(f"sphinxbase (Python)   {n / (time.perf_counter() - start):10.0f} texts/s")
