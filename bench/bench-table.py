#!/usr/bin/python3
# The Markdown tables of bench/run-train-bench.sh and bench/run-generate-bench.sh from the JSON lines they
# collect (bench-machine first, then each program's rows tagged with their round): the machine, medians
# over rounds, and the median of the per-round ratios (each round runs srllm and its peer back to back).
# Usage: bench/bench-table.py train|generate ROWS.jsonl
import json
import statistics
import sys


def paired(rows, ours, theirs):
    # {round: row} for each side, and the per-round ratios of tokens/s
    def runs(match):
        return {r["round"]: r for r in rows if "round" in r and all(r.get(k) == v for k, v in match.items())}
    s, p = runs(ours), runs(theirs)
    ratios = [s[k]["tokens_per_s"] / p[k]["tokens_per_s"] for k in sorted(set(s) & set(p))]
    return s, p, ratios


def median_rate(runs):
    return statistics.median(r["tokens_per_s"] for r in runs.values())


def ratio_cell(ratios):
    return f"{statistics.median(ratios):.2f}x ({', '.join(f'{x:.2f}' for x in ratios)})"


def print_machine(machine):
    bf16 = machine["bf16_matmul_gflops"]
    print(f"\nCPU: {machine['cpu']}; flags: {machine['flags']}; kernels: {machine['kernels']}; "
          f"OpenBLAS core: {machine['openblas_core']}"
          f"{'' if machine['openblas_chose'] is None else ' (OpenBLAS itself chose ' + machine['openblas_chose'] + ')'}; "
          f"threads: {machine['threads']}")
    print(f"peaks: fp32 matmul {machine['fp32_matmul_gflops']:.0f} GFLOP/s, bf16 matmul "
          f"{'n/a' if bf16 is None else f'{bf16:.0f} GFLOP/s'}, read {machine['read_gbps']:.1f} GB/s")


def train_table(rows, machine):
    print("\n| config | srllm tokens/s | peer tokens/s | ratio (median of rounds) | srllm MFU | peer MFU |")
    print("|---|---|---|---|---|---|")
    for mode, dtype in [("full", "fp32"), ("lora", "fp32"), ("full", "bf16"), ("lora", "bf16")]:
        s, p, ratios = paired(rows, {"impl": "srllm", "mode": mode, "dtype": dtype}, {"impl": "peer", "mode": mode, "dtype": dtype})
        if not ratios:
            continue
        # MFU against the machine's peak for this dtype: 6N FLOPs a token for full fine-tuning, 4N for LoRA
        peak = machine["fp32_matmul_gflops" if dtype == "fp32" else "bf16_matmul_gflops"]
        flops = (6 if mode == "full" else 4) * next(iter(s.values()))["n_matmul"]
        sm, pm = median_rate(s), median_rate(p)
        print(f"| {mode} {dtype} | {sm:.0f} | {pm:.0f} | {ratio_cell(ratios)} | {100 * sm * flops / (peak * 1e9):.0f}% "
              f"| {100 * pm * flops / (peak * 1e9):.0f}% |")


def bound_share(runs, bound, tokens_bound):
    # Like for like, per round: the median decoding step against the median GEMV pass (both disturbed alike on
    # a loaded machine), the best step against the best pass, and the whole run's tokens/s against the best pass.
    rounds = [k for k in sorted(set(runs) & set(bound)) if "step_ms_median" in runs[k]]
    whole = f"{100 * median_rate(runs) / tokens_bound:.0f}%"
    if not rounds:
        return whole
    def share(step, blas, kernel):
        return statistics.median(min(bound[k][blas], bound[k][kernel]) / runs[k][step] for k in rounds)
    typical = share("step_ms_median", "blas_ms_median", "kernel_ms_median")
    best = share("step_ms_best", "blas_ms", "kernel_ms")
    return f"{100 * typical:.0f}% (best {100 * best:.0f}%, whole run {whole})"


def generate_table(rows):
    bound = {r["round"]: r for r in rows if r.get("impl") == "bound"}
    tokens_bound = statistics.median(r["tokens_per_s"] for r in bound.values()) if bound else None
    if bound:
        print(f"GEMV bound (batch 1, {next(iter(bound.values()))['weight_mb']:.0f} MB of weights): "
              f"{statistics.median(r['gbps'] for r in bound.values()):.1f} GB/s = {tokens_bound:.0f} tokens/s")
    quality = [r for r in rows if r.get("config") == "int8-quality"]
    if quality:
        print(f"int8 weights against float32, teacher-forced: top-1 agreement "
              f"{statistics.median(r['top1_agreement'] for r in quality):.3f}, "
              f"mean KL {statistics.median(r['mean_kl'] for r in quality):.2e}")
    print("\n| batch | srllm | peer | srllm tokens/s | peer tokens/s | ratio (median of rounds) | of GEMV bound |")
    print("|---|---|---|---|---|---|---|")
    names = {"cpu": "CPU decoder", "int8": "CPU decoder, int8 weights", "cache": "KV cache (tensor path)",
             "no-cache": "no cache"}
    peer_names = {"cache": "HF-style KV cache", "no-cache": "no cache"}
    for batch, ours, theirs in [(1, "cpu", "cache"), (1, "int8", "cache"), (1, "cache", "cache"), (1, "no-cache", "no-cache"),
                                (8, "cpu", "cache"), (8, "cache", "cache"), (32, "cpu", "cache"), (32, "cache", "cache")]:
        s, p, ratios = paired(rows, {"impl": "srllm", "config": ours, "batch": batch}, {"impl": "peer", "config": theirs, "batch": batch})
        if not ratios:
            continue
        share = bound_share(s, bound, tokens_bound) if tokens_bound and batch == 1 else ""
        print(f"| {batch} | {names[ours]} | {peer_names[theirs]} | {median_rate(s):.1f} | {median_rate(p):.1f} | {ratio_cell(ratios)} | {share} |")


def main():
    rows = [json.loads(line) for line in open(sys.argv[2]) if line.startswith("{")]
    machine = next(r for r in rows if "cpu" in r)
    print_machine(machine)
    if sys.argv[1] == "train":
        train_table(rows, machine)
    else:
        generate_table(rows)


if __name__ == "__main__":
    main()
