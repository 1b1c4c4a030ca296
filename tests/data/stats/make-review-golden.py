#!/usr/bin/python3
"""Writes review-golden.json: Bradley-Terry log-strengths fitted by direct maximisation of the likelihood
(scipy.optimize, not the MM algorithm core/stats uses) and Spearman correlations from scipy.stats.spearmanr,
for tests/core/stats/test-review-statistics.cpp. Not run by CI; rerun by hand:
    /usr/bin/python3 tests/data/stats/make-review-golden.py > tests/data/stats/review-golden.json
"""
import json
import numpy as np
from scipy import optimize, stats

rng = np.random.default_rng(20261129)


def bt_fit(players, outcomes, virtual_ties):
    # Each outcome (i, j, s) adds s*log P(i>j) + (1-s)*log P(j>i); a virtual tie per met pair adds half of each.
    pairs = {(min(i, j), max(i, j)) for i, j, _ in outcomes}
    terms = [(i, j, s, 1.0) for i, j, s in outcomes] + [(i, j, 0.5, virtual_ties) for i, j in pairs]

    def nll(theta):
        theta = np.concatenate([[0.0], theta])
        total = 0.0
        for i, j, s, w in terms:
            d = theta[i] - theta[j]
            total -= w * (s * -np.logaddexp(0, -d) + (1 - s) * -np.logaddexp(0, d))
        return total

    res = optimize.minimize(nll, np.zeros(players - 1), method="BFGS", options={"gtol": 1e-12, "maxiter": 10000})
    theta = np.concatenate([[0.0], res.x])
    return list(theta - theta.mean())


cases = {"bradley_terry": [], "spearman": []}
for players, n, strengths, virtual_ties in [(3, 40, [0.0, 0.5, 1.0], 1.0), (4, 200, [1.2, 0.0, -0.4, 0.3], 0.0),
                                            (5, 120, [0.0, 0.2, 0.4, 0.6, 2.0], 1.0)]:
    outcomes = []
    for _ in range(n):
        i, j = rng.choice(players, 2, replace=False)
        p = 1 / (1 + np.exp(strengths[j] - strengths[i]))
        u = rng.uniform()
        s = 0.5 if abs(u - p) < 0.1 else (1.0 if u < p else 0.0)  # some ties
        outcomes.append((int(i), int(j), s))
    cases["bradley_terry"].append({"players": players, "virtual_ties": virtual_ties, "outcomes": outcomes,
                                   "log_strength": bt_fit(players, outcomes, virtual_ties)})

for n in [6, 50]:
    x = list(rng.integers(1, 6, n).astype(float))  # 1-5 scores: many ties
    y = list(rng.uniform(0, 1, n) - 0.1 * np.array(x))
    cases["spearman"].append({"x": x, "y": y, "rho": float(stats.spearmanr(x, y).statistic)})

print(json.dumps(cases))
