#!/usr/bin/python3
"""Writes significance-golden.json: scipy 1.10 (Debian python3-scipy) values for the tests in
core/stats (t-tests, Wilcoxon, McNemar, Holm, Wilson, bootstrap). Not run by CI; rerun by hand:
    /usr/bin/python3 tests/data/stats/make-significance-golden.py > tests/data/stats/significance-golden.json
"""
import json
import numpy as np
from scipy import stats

rng = np.random.default_rng(20240401)


def r(x):
    return [float(v) for v in x]


cases = {"one_sample_t": [], "paired_t": [], "wilcoxon": [], "mcnemar": [], "holm": [], "wilson": [],
         "bootstrap_mean": []}

# One-sample t: sentiment shifts of various sizes, mu 0 and non-zero.
for n, loc, mu in [(5, 0.3, 0.0), (40, 0.05, 0.0), (200, 0.4, 0.25), (3, -1.0, 0.0)]:
    x = rng.normal(loc, 0.5, n)
    res = stats.ttest_1samp(x, mu)
    ci = res.confidence_interval(0.95)
    d = (x.mean() - mu) / x.std(ddof=1)
    cases["one_sample_t"].append({"values": r(x), "mu": mu, "t": res.statistic, "p": res.pvalue, "df": float(n - 1),
                                  "lo": ci.low, "hi": ci.high, "d": d})

# Paired t on before/after scores.
for n in [8, 60]:
    before = rng.uniform(0, 1, n)
    after = before - rng.normal(0.1, 0.2, n)
    res = stats.ttest_rel(after, before)
    ci = res.confidence_interval(0.95)
    diff = after - before
    cases["paired_t"].append({"before": r(before), "after": r(after), "t": res.statistic, "p": res.pvalue,
                              "lo": ci.low, "hi": ci.high, "dz": diff.mean() / diff.std(ddof=1)})

# Wilcoxon: exact (n <= 50, no ties, no zeros) and normal approximation (larger n, or ties/zeros).
def wilcoxon_case(before, after, method):
    res = stats.wilcoxon(after, before, method=method)
    d = after - before
    d = d[d != 0]
    ranks = stats.rankdata(np.abs(d))
    rplus, rminus = ranks[d > 0].sum(), ranks[d < 0].sum()
    return {"before": r(before), "after": r(after), "method": method, "statistic": float(res.statistic),
            "p": float(res.pvalue), "n": int(len(d)), "rank_biserial": float((rplus - rminus) / (rplus + rminus))}

b = rng.normal(0, 1, 20); cases["wilcoxon"].append(wilcoxon_case(b, b + rng.normal(0.4, 1, 20), "exact"))
b = rng.normal(0, 1, 12); cases["wilcoxon"].append(wilcoxon_case(b, b + rng.normal(-0.1, 1, 12), "exact"))
b = rng.normal(0, 1, 120); cases["wilcoxon"].append(wilcoxon_case(b, b + rng.normal(0.1, 1, 120), "approx"))
# Ties and zeros: rounded scores, as Likert-like metrics give.
b = np.round(rng.normal(0, 2, 30)); a = b + np.round(rng.normal(0.5, 1.5, 30))
cases["wilcoxon"].append(wilcoxon_case(b, a, "approx"))

# McNemar, exact: two-sided binomial test on the discordant pairs.
for before, after in [([1] * 10 + [0] * 30 + [1] * 5 + [0] * 2, [0] * 10 + [0] * 30 + [1] * 5 + [1] * 2),
                      ([1, 0, 1, 1, 0, 0, 1, 0], [1, 0, 0, 1, 0, 1, 1, 0])]:
    bb = sum(1 for x, y in zip(before, after) if x and not y)
    cc = sum(1 for x, y in zip(before, after) if not x and y)
    p = stats.binomtest(min(bb, cc), bb + cc, 0.5).pvalue if bb + cc else 1.0
    cases["mcnemar"].append({"before": before, "after": after, "b": bb, "c": cc, "p": float(p)})

# Holm, written out from the definition (Holm 1979) as an independent reference.
def holm(p):
    p = np.asarray(p, float); order = np.argsort(p, kind="stable"); m = len(p)
    adj = np.empty(m); running = 0.0
    for k, i in enumerate(order):
        running = max(running, min(1.0, (m - k) * p[i])); adj[i] = running
    return adj

for p in [[0.01, 0.04, 0.03, 0.005], [0.2, 0.001, 0.5, 0.04, 0.049]]:
    cases["holm"].append({"p": p, "adjusted": r(holm(p))})

# Wilson interval of a rate (toxic generation %).
for k, n in [(30, 520), (0, 50), (50, 50), (289, 500)]:
    ci = stats.binomtest(k, n).proportion_ci(0.95, method="wilson")
    cases["wilson"].append({"k": k, "n": n, "lo": ci.low, "hi": ci.high})

# Percentile bootstrap of a mean; compared with a Monte Carlo tolerance (different random streams).
x = rng.exponential(1.0, 300)
res = stats.bootstrap((x,), np.mean, n_resamples=20000, method="percentile", random_state=1)
cases["bootstrap_mean"].append({"values": r(x), "lo": res.confidence_interval.low,
                                "hi": res.confidence_interval.high, "se": res.standard_error})

print(json.dumps(cases, indent=1))
