#!/usr/bin/python3
# Eager-PyTorch peer of bench-generate (issue #4): greedy decoding with the Llama of peer-train.py, the
# way HF transformers' generate() runs it, with a KV cache (keys/values concatenated each step) and
# without one (the whole sequence recomputed each step). Run with Debian's /usr/bin/python3.
# Prints one JSON line per configuration.
import argparse
import importlib.util
import json
import os
import time

import torch

spec = importlib.util.spec_from_file_location("peer_train", os.path.join(os.path.dirname(__file__), "peer-train.py"))
peer_train = importlib.util.module_from_spec(spec)
spec.loader.exec_module(peer_train)


@torch.no_grad()
def greedy(model, prompt, new_tokens, use_cache):
    ids, past, step_ids = prompt, None, prompt
    for _ in range(new_tokens):
        logits, presents = model(step_ids if use_cache else ids, past if use_cache else None)
        next_id = logits[:, -1].argmax(-1, keepdim=True)
        ids = torch.cat((ids, next_id), dim=1)
        past, step_ids = presents, next_id
    return ids[:, prompt.shape[1]:]


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
    prompt = torch.randint(0, args.vocab, (args.batch, args.prompt))
    greedy(model, prompt, 4, True)  # warm-up
    for config in args.configs.split(","):
        start = time.perf_counter()
        greedy(model, prompt, args.new_tokens, config == "cache")
        seconds = time.perf_counter() - start
        print(json.dumps({"impl": "peer", "config": config, "batch": args.batch,
                          "tokens_per_s": args.batch * args.new_tokens / seconds}), flush=True)


if __name__ == "__main__":
    main()
