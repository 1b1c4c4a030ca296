#!/usr/bin/python3
# Regenerates lora-golden.safetensors: an independent Python (PyTorch 1.13) computation of the LoRA
# forward / merge (PEFT's formulas) and of NF4 + double quantization (bitsandbytes' algorithm), which
# tests/core/lora/test-lora-golden.cpp compares the C++ engine against.
# NOT run by CI. Run with Debian's interpreter: /usr/bin/python3 tests/data/lora/make-lora-golden.py
# (peft and bitsandbytes are not packaged in Debian, so this script re-implements their math directly).
import json
import math
import os
import struct

import torch

torch.manual_seed(1234)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lora-golden.safetensors")


def lora_forward(x, weight, bias, a, b, scaling):
    # PEFT LoraLayer.forward: result = base_layer(x) + lora_B(lora_A(dropout(x))) * scaling
    base = torch.nn.functional.linear(x, weight, bias)
    return base + torch.nn.functional.linear(torch.nn.functional.linear(x, a), b) * scaling


def nf4_code():
    # bitsandbytes functional.get_4bit_type("nf4")
    return torch.tensor([-1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453,
                         -0.28444138169288635, -0.18477343022823334, -0.09105003625154495, 0.0,
                         0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
                         0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0])


def dynamic_map():
    # bitsandbytes functional.create_dynamic_map(signed=True, max_exponent_bits=7, total_bits=8)
    data = []
    for i in range(7):
        boundaries = torch.linspace(0.1, 1, 2 ** i + 1)
        means = (boundaries[:-1] + boundaries[1:]) / 2.0
        data += ((10 ** (-6 + i)) * means).tolist()
        data += (-(10 ** (-6 + i)) * means).tolist()
    data += [0.0, 1.0]
    return torch.tensor(sorted(data))


def nearest(values, table):
    # argmin distance; ties resolve to the lower index (the first minimum)
    return (values.unsqueeze(-1) - table).abs().argmin(-1)


def nf4_roundtrip(w):
    flat = w.flatten()
    pad = (-flat.numel()) % 64
    blocks = torch.cat([flat, torch.zeros(pad)]).view(-1, 64)
    absmax = blocks.abs().amax(1)
    codes = nearest(blocks / absmax.unsqueeze(1), nf4_code())
    offset = absmax.mean()
    centred = absmax - offset
    pad2 = (-centred.numel()) % 256
    sblocks = torch.cat([centred, torch.zeros(pad2)]).view(-1, 256)
    sabs = sblocks.abs().amax(1)
    scodes = nearest(sblocks / sabs.unsqueeze(1), dynamic_map())
    absmax_dq = (dynamic_map()[scodes] * sabs.unsqueeze(1)).flatten()[: absmax.numel()] + offset
    deq = (nf4_code()[codes] * absmax_dq.unsqueeze(1)).flatten()[: w.numel()].view_as(w)
    return deq, codes.flatten()[: w.numel()].to(torch.uint8), absmax_dq


def save_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        t = tensors[name].contiguous()
        dtype = {torch.float32: "F32", torch.uint8: "U8"}[t.dtype]
        raw = t.numpy().tobytes()
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":"))
    text += " " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text.encode())
        for raw in blobs:
            f.write(raw)


out = {}
x = torch.randn(3, 5, 24)
weight = torch.randn(20, 24) * 0.1
bias = torch.randn(20) * 0.1
a = torch.randn(4, 24) * 0.2
b = torch.randn(20, 4) * 0.2
alpha, r = 8.0, 4
for name, scaling in (("plain", alpha / r), ("rslora", alpha / math.sqrt(r))):
    out[f"{name}.y"] = lora_forward(x, weight, bias, a, b, scaling)
    out[f"{name}.merged_weight"] = weight + (b @ a) * scaling
out.update({"x": x, "weight": weight, "bias": bias, "lora_A": a, "lora_B": b})

nf4_weight = torch.randn(48, 80) * 0.05  # 3840 elements = 60 blocks; 60 scales < one 256-block
nf4_weight[7, 3] = 0.4                  # one outlier block
deq, codes, absmax_dq = nf4_roundtrip(nf4_weight)
out.update({"nf4.weight": nf4_weight, "nf4.dequantized": deq, "nf4.codes": codes, "nf4.absmax": absmax_dq})
save_safetensors(OUT, out)
print("wrote", OUT)
