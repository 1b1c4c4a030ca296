#!/usr/bin/python3
# Eager-PyTorch peer of bench-train (issues #4, #14): the same Llama-shaped model written the way HF
# transformers' eager LlamaForCausalLM and PEFT's LoRA layer compute it, trained with the same loop
# (HF's ForCausalLMLoss: float32 logits, labels shifted instead of logits; backward; clip; AdamW with
# foreach=True, torch's multi-tensor path; bf16 under torch.autocast as HF Trainer's bf16=True on CPU).
# Run with Debian's /usr/bin/python3 (python3-torch 1.13); bench/run-train-bench.sh runs it beside the
# C++ benchmark. Prints one JSON line per configuration.
import argparse
import json
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class LoraLinear(nn.Module):
    # PEFT LoraLayer: base_layer frozen, lora_B(lora_A(dropout(x))) * scaling added
    def __init__(self, base, r, alpha, dropout):
        super().__init__()
        self.base_layer = base
        self.lora_A = nn.Linear(base.in_features, r, bias=False)
        self.lora_B = nn.Linear(r, base.out_features, bias=False)
        nn.init.kaiming_uniform_(self.lora_A.weight, a=math.sqrt(5))
        nn.init.zeros_(self.lora_B.weight)
        self.dropout = nn.Dropout(dropout)
        self.scaling = alpha / r

    def forward(self, x):
        return self.base_layer(x) + self.lora_B(self.lora_A(self.dropout(x))) * self.scaling


class RMSNorm(nn.Module):
    def __init__(self, dim, eps=1e-6):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))
        self.eps = eps

    def forward(self, x):
        x32 = x.to(torch.float32)
        x32 = x32 * torch.rsqrt(x32.pow(2).mean(-1, keepdim=True) + self.eps)
        return self.weight * x32.to(x.dtype)


def rotate_half(x):
    x1, x2 = x.chunk(2, dim=-1)
    return torch.cat((-x2, x1), dim=-1)


class Layer(nn.Module):
    def __init__(self, dim, heads, ffn):
        super().__init__()
        self.heads, self.head_dim = heads, dim // heads
        self.q_proj = nn.Linear(dim, dim, bias=False)
        self.k_proj = nn.Linear(dim, dim, bias=False)
        self.v_proj = nn.Linear(dim, dim, bias=False)
        self.o_proj = nn.Linear(dim, dim, bias=False)
        self.gate_proj = nn.Linear(dim, ffn, bias=False)
        self.up_proj = nn.Linear(dim, ffn, bias=False)
        self.down_proj = nn.Linear(ffn, dim, bias=False)
        self.input_layernorm = RMSNorm(dim)
        self.post_attention_layernorm = RMSNorm(dim)

    def forward(self, x, cos, sin, mask, past=None):
        # past: this layer's (keys, values) of earlier positions, concatenated as HF's DynamicCache does
        b, t, c = x.shape
        h = self.input_layernorm(x)
        q = self.q_proj(h).view(b, t, self.heads, self.head_dim).transpose(1, 2)
        k = self.k_proj(h).view(b, t, self.heads, self.head_dim).transpose(1, 2)
        v = self.v_proj(h).view(b, t, self.heads, self.head_dim).transpose(1, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        if past is not None:
            k, v = torch.cat((past[0], k), dim=2), torch.cat((past[1], v), dim=2)
        scores = torch.matmul(q, k.transpose(2, 3)) / math.sqrt(self.head_dim) + mask
        probs = F.softmax(scores, dim=-1, dtype=torch.float32).to(q.dtype)
        attn = torch.matmul(probs, v).transpose(1, 2).reshape(b, t, c)
        x = x + self.o_proj(attn)
        h = self.post_attention_layernorm(x)
        return x + self.down_proj(F.silu(self.gate_proj(h)) * self.up_proj(h)), (k, v)


class Llama(nn.Module):
    def __init__(self, vocab, dim, layers, heads, ffn):
        super().__init__()
        self.embed_tokens = nn.Embedding(vocab, dim)
        self.layers = nn.ModuleList([Layer(dim, heads, ffn) for _ in range(layers)])
        self.norm = RMSNorm(dim)
        self.lm_head = nn.Linear(dim, vocab, bias=False)
        self.head_dim = dim // heads
        self.inv_freq = 1.0 / (10000 ** (torch.arange(0, self.head_dim, 2, dtype=torch.float32) / self.head_dim))
        for p in self.parameters():
            if p.dim() == 2:
                nn.init.normal_(p, std=0.02)

    def forward(self, ids, past=None, attention_mask=None, logits_to_keep=0):
        # past: per layer (keys, values) from the previous call; attention_mask [B, past + T] (1 real, 0 left
        # padding; None = all real); logits_to_keep as HF: 0 all positions, n the last n. Returns logits, past.
        b, t = ids.shape
        offset = 0 if past is None else past[0][0].shape[2]
        x = self.embed_tokens(ids)
        if attention_mask is None:  # HF: position ids are arange, the mask only causal
            positions = torch.arange(offset, offset + t, dtype=torch.float32)[None]
            allowed = torch.ones(t, offset + t, dtype=torch.bool).tril(offset)[None, None]
        else:  # HF: positions count real tokens (cumsum - 1), padded keys are masked
            positions = (attention_mask.long().cumsum(-1) - 1).clamp(min=0)[:, offset:].float()
            allowed = torch.ones(t, offset + t, dtype=torch.bool).tril(offset)[None, None] & attention_mask.bool()[:, None, None, :]
        freqs = positions[..., None] * self.inv_freq  # [B|1, T, D/2]
        emb = torch.cat((freqs, freqs), dim=-1)
        cos, sin = emb.cos().to(x.dtype)[:, None], emb.sin().to(x.dtype)[:, None]
        mask = torch.zeros(allowed.shape, dtype=x.dtype).masked_fill(~allowed, torch.finfo(x.dtype).min)
        presents = []
        for i, layer in enumerate(self.layers):
            x, present = layer(x, cos, sin, mask, None if past is None else past[i])
            presents.append(present)
        return self.lm_head(self.norm(x[:, -logits_to_keep:])), presents


def run(args, mode, dtype_name):
    torch.manual_seed(0)
    model = Llama(args.vocab, args.dim, args.layers, args.heads, args.ffn)
    matmul_weights = sum(p.numel() for n, p in model.named_parameters() if p.dim() == 2 and "embed" not in n)
    if mode == "lora":
        for p in model.parameters():
            p.requires_grad_(False)
        for layer in model.layers:
            layer.q_proj = LoraLinear(layer.q_proj, args.rank, args.alpha, args.dropout)
            layer.v_proj = LoraLinear(layer.v_proj, args.rank, args.alpha, args.dropout)
    trainable = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(trainable, lr=2e-4, weight_decay=0.001, foreach=True)
    ids = torch.randint(0, args.vocab, (args.batch, args.seq))
    bf16 = dtype_name == "bf16"
    times = []
    profiler = torch.autograd.profiler.profile() if args.profile else None
    for step in range(args.warmup + args.steps):
        if step == args.warmup and profiler:
            profiler.__enter__()
        start = time.perf_counter()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            logits, _ = model(ids)
        labels = F.pad(ids, (0, 1), value=-100)[:, 1:]  # HF ForCausalLMLoss: shift the labels, not the logits
        loss = F.cross_entropy(logits.float().reshape(-1, args.vocab), labels.reshape(-1), ignore_index=-100)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(trainable, 0.3)
        opt.step()
        opt.zero_grad(set_to_none=True)
        if step >= args.warmup:
            times.append(time.perf_counter() - start)
    if profiler:
        profiler.__exit__(None, None, None)
        profiler.export_chrome_trace(f"{args.profile}-{mode}-{dtype_name}.json")
    tokens_per_s = args.batch * args.seq / (sum(times) / len(times))
    return {"impl": "peer", "mode": mode, "dtype": dtype_name, "tokens_per_s": tokens_per_s, "n_matmul": matmul_weights}


def add_model_arguments(p):
    # the benchmark model's shape, shared with peer-generate.py
    p.add_argument("--layers", type=int, default=8)
    p.add_argument("--dim", type=int, default=512)
    p.add_argument("--heads", type=int, default=8)
    p.add_argument("--ffn", type=int, default=1376)
    p.add_argument("--vocab", type=int, default=8192)
    p.add_argument("--threads", type=int, default=0)


def main():
    p = argparse.ArgumentParser()
    add_model_arguments(p)
    p.add_argument("--seq", type=int, default=256)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--rank", type=int, default=16)
    p.add_argument("--alpha", type=float, default=16)
    p.add_argument("--dropout", type=float, default=0.05)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--steps", type=int, default=3)
    p.add_argument("--configs", default="full:fp32,lora:fp32,full:bf16,lora:bf16")
    p.add_argument("--profile", default="", help="write the timed steps' operators to PROFILE-<mode>-<dtype>.json")
    args = p.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    for config in args.configs.split(","):
        mode, dtype_name = config.split(":")
        print(json.dumps(run(args, mode, dtype_name)), flush=True)


if __name__ == "__main__":
    main()
