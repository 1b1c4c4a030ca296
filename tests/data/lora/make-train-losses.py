#!/usr/bin/python3
# Regenerates train-losses.safetensors: the first five losses of a LoRA run on tests/data/models/tiny-llama-gqa,
# computed by an eager PyTorch loop written out here (LoRA on q_proj/v_proj as W + (alpha/r)·B·A, HF's shifted
# token cross-entropy over the response, clip_grad_norm_, torch.optim.AdamW, constant lr), in float64.
# tests/core/train/test-lora-train-golden.cpp runs the C++ trainer from the same start (weights, adapters,
# examples) and compares. NOT run by CI; run with Debian's /usr/bin/python3 (python3-torch 1.13); peft is not
# packaged in Debian, so its LoRA is written out by hand.
import importlib.util
import json
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fixture = load("fixture", os.path.join(DATA, "make-safetensors-fixture.py"))
reference = load("reference", os.path.join(DATA, "reference-logits.py"))  # llama_forward, written from the equations

MODEL = os.path.join(DATA, "models", "tiny-llama-gqa")
RANK, ALPHA, LR, WEIGHT_DECAY, MAX_GRAD_NORM, STEPS = 4, 8.0, 1e-2, 0.01, 1.0, 5
EXAMPLES, LENGTH, PROMPT = 8, 12, 6
IGNORE = -100


def read_safetensors(path):
    with open(path, "rb") as f:
        size = int.from_bytes(f.read(8), "little")
        header = json.loads(f.read(size))
        data = f.read()
    out = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        assert entry["dtype"] == "F32"
        out[name] = torch.frombuffer(bytearray(data[begin:end]), dtype=torch.float32).reshape(entry["shape"]).clone()
    return out


def main():
    gen = torch.Generator().manual_seed(8)
    cfg = json.load(open(os.path.join(MODEL, "config.json")))
    weights = {k: v.double() for k, v in read_safetensors(os.path.join(MODEL, "model.safetensors")).items()}
    ids = torch.randint(3, cfg["vocab_size"], (EXAMPLES, LENGTH), generator=gen)
    ids[:, -1] = 2  # EOS
    labels = ids.clone()
    labels[:, :PROMPT] = IGNORE
    targets = [f"model.layers.{i}.self_attn.{p}" for i in range(cfg["num_hidden_layers"]) for p in ("q_proj", "v_proj")]
    adapters = {}
    for name in targets:
        out_features, in_features = weights[name + ".weight"].shape
        adapters[name + ".lora_A"] = (torch.randn(RANK, in_features, generator=gen) * 0.2).float()
        adapters[name + ".lora_B"] = (torch.randn(out_features, RANK, generator=gen) * 0.2).float()
    params = {k: v.double().clone().requires_grad_(True) for k, v in adapters.items()}
    optimizer = torch.optim.AdamW(list(params.values()), lr=LR, betas=(0.9, 0.999), eps=1e-8, weight_decay=WEIGHT_DECAY)
    mask = torch.ones_like(ids)
    losses = []
    for _ in range(STEPS):
        effective = dict(weights)
        for name in targets:  # PEFT: base(x) + B(A(x))·alpha/r, i.e. x·(W + alpha/r·B·A)ᵀ
            effective[name + ".weight"] = weights[name + ".weight"] + (ALPHA / RANK) * params[name + ".lora_B"] @ params[name + ".lora_A"]
        logits = reference.llama_forward(effective, cfg, ids, mask)  # [B,T,V]
        shifted = labels[:, 1:]
        loss = torch.nn.functional.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]), shifted.reshape(-1),
                                                 ignore_index=IGNORE, reduction="sum") / (shifted != IGNORE).sum()
        losses.append(loss.item())
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(list(params.values()), MAX_GRAD_NORM)
        optimizer.step()
    out = {"input_ids": ids, "labels": labels, "losses": torch.tensor(losses, dtype=torch.float64)}
    out.update({k: v.contiguous() for k, v in adapters.items()})
    fixture.write_safetensors(os.path.join(HERE, "train-losses.safetensors"), out, {"format": "pt"})
    print("losses", losses)


if __name__ == "__main__":
    main()
