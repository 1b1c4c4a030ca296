#!/usr/bin/python3
# Eager-PyTorch peer of bench-generate (issues #4, #14): greedy decoding with the Llama of peer-train.py
# the way HF transformers' generate() runs it: ragged prompts left-padded with an attention mask
# (positions counted from it), logits_to_keep=1 (the vocabulary projection for the last position only),
# a KV cache whose keys and values are concatenated each step (DynamicCache), and every row computed
# until the longest is done (HF keeps finished rows in the batch). Without the cache the whole sequence
# is recomputed each step. The loop itself is a bare argmax, without HF's logits processors and stopping
# criteria. Run with Debian's /usr/bin/python3. Prints one JSON line per configuration.
import argparse
import importlib.util
import json
import os
import time

import torch

spec = importlib.util.spec_from_file_location("peer_train", os.path.join(os.path.dirname(__file__), "peer-train.py"))
peer_train = importlib.util.module_from_spec(spec)
spec.loader.exec_module(peer_train)


def prompt_lengths(batch, prompt):
    # NOTE: the same ragged lengths as bench-generate.cpp's promptLength().
    return [prompt + (b * 7) % 9 - 4 if b > 0 else prompt for b in range(batch)]


@torch.no_grad()
def greedy(model, prompts, new_tokens, use_cache):
    batch, longest = len(prompts), max(len(p) for p in prompts)
    ids = torch.zeros(batch, longest, dtype=torch.long)
    mask = torch.zeros(batch, longest, dtype=torch.long)
    for b, p in enumerate(prompts):
        ids[b, longest - len(p):] = p
        mask[b, longest - len(p):] = 1
    past, step_ids, out = None, ids, []
    for _ in range(new_tokens):
        logits, presents = model(step_ids if use_cache else ids, past if use_cache else None, mask, logits_to_keep=1)
        next_id = logits[:, -1].argmax(-1, keepdim=True)
        out.append(next_id)
        ids = torch.cat((ids, next_id), dim=1)
        mask = torch.cat((mask, torch.ones_like(next_id)), dim=1)
        past, step_ids = presents, next_id
    return torch.cat(out, dim=1)


def main():
    p = argparse.ArgumentParser()
    peer_train.add_model_arguments(p)
    p.add_argument("--prompt", type=int, default=16)
    p.add_argument("--new-tokens", type=int, default=256)
    p.add_argument("--batch", type=int, default=1)
    p.add_argument("--configs", default="cache,no-cache")
    args = p.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = peer_train.Llama(args.vocab, args.dim, args.layers, args.heads, args.ffn).eval()
    prompts = [torch.randint(0, args.vocab, (n,)) for n in prompt_lengths(args.batch, args.prompt)]
    for config in args.configs.split(","):
        greedy(model, prompts, 4, config == "cache")  # warm-up
        start = time.perf_counter()
        greedy(model, prompts, args.new_tokens, config == "cache")
        seconds = time.perf_counter() - start
        print(json.dumps({"impl": "peer", "config": config, "batch": args.batch,
                          "tokens_per_s": args.batch * args.new_tokens / seconds}), flush=True)


if __name__ == "__main__":
    main()
