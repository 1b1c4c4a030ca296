#!/usr/bin/env python3
"""The paper's Table 5 layout from a bench/reproduce folder, as Markdown (docs/REPRODUCTION.md), and the
issue's three targets checked. Usage: bench/reproduce-table.py OUT"""
import json
import sys
from pathlib import Path

out = Path(sys.argv[1])
table = json.loads((out / "eval.json").read_text())
versus_base = json.loads((out / "eval-vs-base.json").read_text())
names = {"original": "Original", "base": "Base (prompted)", "lora": "LoRA", "qlora": "QLoRA"}


def cell(cells, key, digits=1):
    c = cells.get(key)
    if not c or c["value"] is None:
        return "–"
    if c.get("lo") is None:
        return f"{c['value']:.{digits}f}"
    return f"{c['value']:.{digits}f} [{c['lo']:.{digits}f}, {c['hi']:.{digits}f}]"


def style(run):
    f = out / "style" / f"t-{run}.json"
    if not f.exists():
        return "–"
    tests = [json.loads(l) for l in f.read_text().splitlines() if l.strip()]
    t = next((t for t in tests if t.get("test") == "paired t"), None)
    if not t:
        return "–"
    return f"t = {t['statistic']:.2f}, p = {t['p_value']:.2g}"


columns = [("toxicity_percent", "toxic %", 1), ("chrf_source", "chrF src", 1), ("chrf_reference", "chrF ref", 1),
           ("lm_perplexity", "perplexity (trigram)", 0), ("base_perplexity", "perplexity (base)", 1),
           ("flesch_reading_ease", "Flesch", 1), ("flesch_kincaid_grade", "FK grade", 1),
           ("vader_compound", "VADER", 3)]
print("| run | " + " | ".join(c[1] for c in columns) + " | style shift vs original |")
print("|---" * (len(columns) + 2) + "|")
for row in table["rows"]:
    run = row["run"]
    print(f"| {names.get(run, run)} | " + " | ".join(cell(row["cells"], k, d) for k, _, d in columns) +
          f" | {'–' if run == 'original' else style(run)} |")
print(f"\nn = {table['n']} held-out items per row; scorer {table['scorer']['id']} v{table['scorer']['version']}, "
      f"content hash `{table['scorer']['content_hash'][:16]}…`.\n")


def number(v, spec):
    return "–" if v is None else format(v, spec)


def value(t, run, key):
    return next(r["cells"][key]["value"] for r in t["rows"] if r["run"] == run)


def test(t, run, metric):
    return next((x for x in t["tests"] if x["run"] == run and x["metric"] == metric), None)


print("| test | run vs | metric | n | estimate | p | p (Holm) |\n|---|---|---|---|---|---|---|")
for t in (table, versus_base):
    for x in t["tests"]:
        if x["metric"] in ("toxicity_percent", "chrf_reference", "chrf_source", "vader_compound"):
            r = x["test"]
            print(f"| {r['test']} | {x['run']} vs {x['versus']} | {x['metric']} | {r['n']} | {number(r['estimate'], '.3g')} | "
                  f"{number(r['p_value'], '.2g')} | {number(x['p_holm'], '.2g')} |")

original = value(table, "original", "toxicity_percent")
print("\nTargets (issue #15, item 3):")
for run in ("lora", "qlora"):
    tox = value(table, run, "toxicity_percent")
    print(f"- {names[run]}: toxic % {tox:.1f} vs original {original:.1f} (target at most {original / 3:.1f}): "
          f"{'met' if tox <= original / 3 else 'NOT met'}")
    chrf, base = value(table, run, "chrf_reference"), value(table, "base", "chrf_reference")
    print(f"- {names[run]}: chrF vs reference {chrf:.1f} vs base {base:.1f}: {'met' if chrf > base else 'NOT met'}")
    better = []
    for metric, sign in (("toxicity_percent", -1), ("chrf_reference", 1)):
        x = test(versus_base, run, metric)
        if x and x["p_holm"] is not None and x["p_holm"] < 0.01 and \
                sign * (value(versus_base, run, metric) - value(versus_base, "base", metric)) > 0:
            better.append(f"{metric} (p_holm {x['p_holm']:.2g})")
    print(f"- {names[run]} significantly better than the prompted base at p < 0.01: "
          f"{', '.join(better) if better else 'NOT met'}")

# Sample outputs: the first held-out items of each group (ParaDetox, SR_LLM infer_50), every run side by side.
outputs = {r: [json.loads(l) for l in (out / "style" / f"{r}.jsonl").read_text().splitlines() if l.strip()]
           for r in ("base", "lora", "qlora")}
print("\n| source (held-out) | reference rewrite | base | LoRA | QLoRA |\n|---|---|---|---|---|")
for group in dict.fromkeys(o["group"] for o in outputs["base"]):
    for i in [i for i, o in enumerate(outputs["base"]) if o["group"] == group][:3]:
        o = outputs["base"][i]
        quoted = [f'"{outputs[r][i]["output"]}"'.replace("|", "\\|") for r in ("base", "lora", "qlora")]
        print(f"| {o['source']} ({group}) | {o['references'][0]} | " + " | ".join(quoted) + " |")
