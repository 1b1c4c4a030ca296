#!/usr/bin/python3
"""Writes classifier-golden.json for core/eval/classification-metrics and platt-calibration: ROC AUC from
scipy.stats.mannwhitneyu (U / (n1 n0)), F1, the 10-bin expected calibration error and the Brier score
written out with numpy, and Platt's (a, b) from scipy.optimize.minimize on the smoothed-target log loss.
Not run by CI; rerun by hand: /usr/bin/python3 tests/data/eval/make-classifier-golden.py
"""
import json
import os

import numpy as np
from scipy import optimize, stats

rng = np.random.default_rng(7)
cases = []
for n, shift in [(40, 1.0), (300, 0.5), (25, 3.0)]:
    y = (rng.uniform(size=n) < 0.4).astype(int)
    logits = rng.normal(0, 1, n) + shift * (2 * y - 1)
    logits = np.round(logits, 1)  # ties, as real scores have
    p = 1 / (1 + np.exp(-logits))
    u = stats.mannwhitneyu(logits[y == 1], logits[y == 0]).statistic
    auc = u / (y.sum() * (n - y.sum()))
    pred = p >= 0.5
    tp, fp, fn = (pred & (y == 1)).sum(), (pred & (y == 0)).sum(), (~pred & (y == 1)).sum()
    f1 = 2 * tp / (2 * tp + fp + fn)
    bins = np.clip((p * 10).astype(int), 0, 9)
    ece = sum(abs(y[bins == b].sum() - p[bins == b].sum()) / n for b in range(10))
    brier = np.mean((p - y) ** 2)
    pos, neg = y.sum(), n - y.sum()
    t = np.where(y == 1, (pos + 1) / (pos + 2), 1 / (neg + 2))

    def loss(ab):
        z = ab[0] * logits + ab[1]
        return np.sum(np.logaddexp(0, z) - t * z)

    fit = optimize.minimize(loss, [1.0, 0.0], method="BFGS", options={"gtol": 1e-10})
    cases.append({"logits": logits.tolist(), "labels": y.tolist(), "auc": float(auc), "f1": float(f1),
                  "ece": float(ece), "brier": float(brier), "platt_a": float(fit.x[0]), "platt_b": float(fit.x[1])})

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "classifier-golden.json"), "w") as out:
    json.dump(cases, out, indent=1)
