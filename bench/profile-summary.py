#!/usr/bin/python3
# Sums a chrome trace written by torch's profiler (bench-train --profile, or peer-train.py --profile) into
# self time per operator, the share of the whole, and the matrix products' share, so a training step's
# time can be read as "products" against "everything else". Usage: bench/profile-summary.py TRACE.json [TOP]
import collections
import json
import sys

# Operators that are matrix products (their self time is the BLAS/oneDNN kernel).
PRODUCTS = {"aten::mm", "aten::bmm", "aten::addmm", "aten::baddbmm", "aten::_mkldnn_matmul", "aten::mkldnn_matmul",
            "srllm::batched_matmul", "srllm::matmul"}


def self_times(events):
    # Events on one thread nest in time; an event's self time is its duration minus its direct children's.
    totals = collections.Counter()
    by_thread = collections.defaultdict(list)
    for e in events:
        if e.get("ph") == "X":
            by_thread[e.get("tid")].append(e)
    for evs in by_thread.values():
        evs.sort(key=lambda e: (e["ts"], -e["dur"]))
        stack = []  # [event, children's time]
        for e in evs:
            while stack and e["ts"] >= stack[-1][0]["ts"] + stack[-1][0]["dur"]:
                done, children = stack.pop()
                totals[done["name"]] += done["dur"] - children
            if stack:
                stack[-1][1] += e["dur"]
            stack.append([e, 0.0])
        while stack:
            done, children = stack.pop()
            totals[done["name"]] += done["dur"] - children
    return totals


def main():
    trace = json.load(open(sys.argv[1]))
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    totals = self_times(events)
    whole = sum(totals.values())
    products = sum(v for k, v in totals.items() if k in PRODUCTS)
    print(f"{sys.argv[1]}: {whole / 1e6:.2f} s of operator time, matrix products {100 * products / whole:.0f}%")
    print("| operator | self s | share |")
    print("|---|---|---|")
    for name, t in totals.most_common(top):
        print(f"| {name} | {t / 1e6:.3f} | {100 * t / whole:.1f}% |")


if __name__ == "__main__":
    main()
