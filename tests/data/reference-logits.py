#!/usr/bin/python3
# Independent reference for tests/core/model/test-model-logits.cpp: builds tiny models with seeded random
# weights, writes each as a HF folder (config.json + hand-written model.safetensors) under
# tests/data/models/, and stores inputs and expected logits in golden-logits.safetensors beside them.
# The forward passes below are written from the equations (RMSNorm, RoPE with HF rotate_half and Llama
# 3.1's rope_scaling, GQA, SwiGLU; GPT-2 with Conv1D [in,out] weights and gelu_new), in float64, sharing no
# code with the C++.
# Not run by CI; rerun with Debian's /usr/bin/python3 (python3-torch 1.13) and commit the output.
import importlib.util
import json
import math
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("fixture", os.path.join(HERE, "make-safetensors-fixture.py"))
fixture = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixture)

VOCAB, HIDDEN, LAYERS, HEADS = 64, 32, 2, 4
INPUT_IDS = torch.tensor([[5, 17, 42, 8, 63, 0, 29], [11, 11, 3, 50, 27, 9, 36]])
# Row 1 is left-padded by two tokens: positions and keys must skip them.
ATTENTION_MASK = torch.tensor([[1, 1, 1, 1, 1, 1, 1], [0, 0, 1, 1, 1, 1, 1]])


def randn(gen, *shape, scale=0.2):
    return torch.randn(*shape, generator=gen, dtype=torch.float64) * scale


def causal_allowed(mask):
    t = mask.shape[1]
    causal = torch.tril(torch.ones(t, t, dtype=torch.bool))
    return causal[None, None] & mask.bool()[:, None, None, :]  # [B,1,T,T]


def softmax_attention(q, k, v, mask):
    scores = q @ k.transpose(-1, -2) / math.sqrt(q.shape[-1])
    scores = scores.masked_fill(~causal_allowed(mask), -1e30)
    return torch.softmax(scores, dim=-1) @ v


def positions_of(mask):
    return (mask.cumsum(-1) - 1).clamp(min=0)


# ---- Llama / Qwen2 -------------------------------------------------------------------------------
def llama_weights(gen, kv_heads, inter, qkv_bias, tied):
    d = HIDDEN // HEADS
    w = {"model.embed_tokens.weight": randn(gen, VOCAB, HIDDEN, scale=1.0),
         "model.norm.weight": 1 + randn(gen, HIDDEN, scale=0.1)}
    for i in range(LAYERS):
        p = f"model.layers.{i}."
        w[p + "input_layernorm.weight"] = 1 + randn(gen, HIDDEN, scale=0.1)
        w[p + "post_attention_layernorm.weight"] = 1 + randn(gen, HIDDEN, scale=0.1)
        for name, rows in (("q", HEADS * d), ("k", kv_heads * d), ("v", kv_heads * d)):
            w[p + f"self_attn.{name}_proj.weight"] = randn(gen, rows, HIDDEN)
            if qkv_bias:
                w[p + f"self_attn.{name}_proj.bias"] = randn(gen, rows)
        w[p + "self_attn.o_proj.weight"] = randn(gen, HIDDEN, HEADS * d)
        w[p + "mlp.gate_proj.weight"] = randn(gen, inter, HIDDEN)
        w[p + "mlp.up_proj.weight"] = randn(gen, inter, HIDDEN)
        w[p + "mlp.down_proj.weight"] = randn(gen, HIDDEN, inter)
    if not tied:
        w["lm_head.weight"] = randn(gen, VOCAB, HIDDEN)
    return w


def rms_norm(x, weight, eps):
    return weight * x / torch.sqrt((x * x).mean(-1, keepdim=True) + eps)


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat([-x[..., half:], x[..., :half]], dim=-1)


def llama3_inverse_frequencies(inv, scaling):
    # transformers' _compute_llama3_parameters, written out per frequency: a wavelength longer than
    # original_max_position_embeddings / low_freq_factor is stretched by factor, one shorter than
    # .../ high_freq_factor kept, and in between the two are blended by the smoothing factor.
    factor, low, high = scaling["factor"], scaling["low_freq_factor"], scaling["high_freq_factor"]
    context = scaling["original_max_position_embeddings"]
    out = []
    for f in inv.tolist():
        wavelength = 2 * math.pi / f
        if wavelength < context / high:
            out.append(f)
        elif wavelength > context / low:
            out.append(f / factor)
        else:
            smooth = (context / wavelength - low) / (high - low)
            out.append((1 - smooth) * f / factor + smooth * f)
    return torch.tensor(out, dtype=torch.float64)


def llama_forward(w, cfg, ids, mask):
    d = HIDDEN // HEADS
    kv = cfg["num_key_value_heads"]
    eps = cfg["rms_norm_eps"]
    b, t = ids.shape
    inv = 1.0 / (cfg["rope_theta"] ** (torch.arange(0, d, 2, dtype=torch.float64) / d))
    if cfg.get("rope_scaling"):
        inv = llama3_inverse_frequencies(inv, cfg["rope_scaling"])
    angles = positions_of(mask).double()[..., None] * inv
    cos = torch.cat([angles, angles], -1).cos()[:, None]  # [B,1,T,D]
    sin = torch.cat([angles, angles], -1).sin()[:, None]
    x = w["model.embed_tokens.weight"][ids]
    for i in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{i}."

        def proj(name, h, heads):
            y = h @ w[p + f"self_attn.{name}_proj.weight"].T
            if p + f"self_attn.{name}_proj.bias" in w:
                y = y + w[p + f"self_attn.{name}_proj.bias"]
            return y.view(b, t, heads, d).transpose(1, 2)

        h = rms_norm(x, w[p + "input_layernorm.weight"], eps)
        q, k, v = proj("q", h, HEADS), proj("k", h, kv), proj("v", h, kv)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        k = k.repeat_interleave(HEADS // kv, dim=1)  # query head j*G+g reads key/value head j
        v = v.repeat_interleave(HEADS // kv, dim=1)
        a = softmax_attention(q, k, v, mask).transpose(1, 2).reshape(b, t, HIDDEN)
        x = x + a @ w[p + "self_attn.o_proj.weight"].T
        h = rms_norm(x, w[p + "post_attention_layernorm.weight"], eps)
        gate = h @ w[p + "mlp.gate_proj.weight"].T
        x = x + (gate * torch.sigmoid(gate) * (h @ w[p + "mlp.up_proj.weight"].T)) @ w[p + "mlp.down_proj.weight"].T
    x = rms_norm(x, w["model.norm.weight"], eps)
    return x @ w.get("lm_head.weight", w["model.embed_tokens.weight"]).T


# ---- GPT-2 ---------------------------------------------------------------------------------------
def gpt2_weights(gen, positions):
    w = {"transformer.wte.weight": randn(gen, VOCAB, HIDDEN, scale=1.0),
         "transformer.wpe.weight": randn(gen, positions, HIDDEN, scale=0.5),
         "transformer.ln_f.weight": 1 + randn(gen, HIDDEN, scale=0.1),
         "transformer.ln_f.bias": randn(gen, HIDDEN, scale=0.1)}
    for i in range(LAYERS):
        p = f"transformer.h.{i}."
        for ln in ("ln_1", "ln_2"):
            w[p + ln + ".weight"] = 1 + randn(gen, HIDDEN, scale=0.1)
            w[p + ln + ".bias"] = randn(gen, HIDDEN, scale=0.1)
        # Conv1D weights are [in, out]
        for name, (n_in, n_out) in (("attn.c_attn", (HIDDEN, 3 * HIDDEN)), ("attn.c_proj", (HIDDEN, HIDDEN)),
                                    ("mlp.c_fc", (HIDDEN, 4 * HIDDEN)), ("mlp.c_proj", (4 * HIDDEN, HIDDEN))):
            w[p + name + ".weight"] = randn(gen, n_in, n_out)
            w[p + name + ".bias"] = randn(gen, n_out, scale=0.1)
    return w


def layer_norm(x, weight, bias, eps):
    mean = x.mean(-1, keepdim=True)
    var = ((x - mean) ** 2).mean(-1, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps) * weight + bias


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))


def gpt2_forward(w, cfg, ids, mask):
    b, t = ids.shape
    d = HIDDEN // HEADS
    eps = cfg["layer_norm_epsilon"]
    x = w["transformer.wte.weight"][ids] + w["transformer.wpe.weight"][positions_of(mask)]
    for i in range(cfg["n_layer"]):
        p = f"transformer.h.{i}."
        conv1d = lambda name, h: h @ w[p + name + ".weight"] + w[p + name + ".bias"]  # noqa: E731
        h = layer_norm(x, w[p + "ln_1.weight"], w[p + "ln_1.bias"], eps)
        q, k, v = conv1d("attn.c_attn", h).split(HIDDEN, dim=-1)
        q, k, v = (y.view(b, t, HEADS, d).transpose(1, 2) for y in (q, k, v))
        a = softmax_attention(q, k, v, mask).transpose(1, 2).reshape(b, t, HIDDEN)
        x = x + conv1d("attn.c_proj", a)
        h = layer_norm(x, w[p + "ln_2.weight"], w[p + "ln_2.bias"], eps)
        x = x + conv1d("mlp.c_proj", gelu_new(conv1d("mlp.c_fc", h)))
    x = layer_norm(x, w["transformer.ln_f.weight"], w["transformer.ln_f.bias"], eps)
    return x @ w["transformer.wte.weight"].T


# ---- fixtures ------------------------------------------------------------------------------------
def write_model(name, cfg, weights, dtype, forward):
    folder = os.path.join(HERE, "models", name)
    os.makedirs(folder, exist_ok=True)
    stored = {k: v.to(dtype) for k, v in weights.items()}
    fixture.write_safetensors(os.path.join(folder, "model.safetensors"), stored, {"format": "pt"})
    with open(os.path.join(folder, "config.json"), "w") as out:
        json.dump(cfg, out, indent=2, sort_keys=True)
    # The reference computes with the weights as stored (rounded to `dtype`), in float64.
    logits = forward({k: v.double() for k, v in stored.items()}, cfg, INPUT_IDS, ATTENTION_MASK)
    fixture.write_safetensors(os.path.join(folder, "golden-logits.safetensors"),
                              {"input_ids": INPUT_IDS, "attention_mask": ATTENTION_MASK,
                               "logits": logits.float().contiguous()})


def llama_config(arch, model_type, kv_heads, inter, tied, theta):
    return {"architectures": [arch], "model_type": model_type, "vocab_size": VOCAB, "hidden_size": HIDDEN,
            "num_hidden_layers": LAYERS, "num_attention_heads": HEADS, "num_key_value_heads": kv_heads,
            "intermediate_size": inter, "max_position_embeddings": 64, "rms_norm_eps": 1e-6,
            "rope_theta": theta, "tie_word_embeddings": tied, "hidden_act": "silu", "torch_dtype": "float32",
            "eos_token_id": 2, "bos_token_id": 1}


if __name__ == "__main__":
    gen = torch.Generator().manual_seed(20240401)
    write_model("tiny-gpt2", {"architectures": ["GPT2LMHeadModel"], "model_type": "gpt2", "vocab_size": VOCAB,
                              "n_embd": HIDDEN, "n_layer": LAYERS, "n_head": HEADS, "n_positions": 32,
                              "n_inner": None, "layer_norm_epsilon": 1e-5, "activation_function": "gelu_new",
                              "eos_token_id": 2, "bos_token_id": 2},
                gpt2_weights(gen, 32), torch.float32, gpt2_forward)
    write_model("tiny-llama-gqa", llama_config("LlamaForCausalLM", "llama", 2, 48, False, 10000.0),
                llama_weights(gen, 2, 48, False, False), torch.float32, llama_forward)
    qwen = llama_config("Qwen2ForCausalLM", "qwen2", 1, 48, True, 1000000.0)
    qwen["torch_dtype"] = "bfloat16"
    write_model("tiny-qwen2-bias", qwen, llama_weights(gen, 1, 48, True, True), torch.bfloat16, llama_forward)
    # Llama 3.1's scaled RoPE, with a context of 64 so that, at head dim 8 and theta 10000, one frequency
    # is kept (wavelength 6.3 < 16), one blended (62.8) and two stretched (628, 6283 > 64).
    llama3 = llama_config("LlamaForCausalLM", "llama", 2, 48, False, 10000.0)
    llama3["rope_scaling"] = {"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                              "original_max_position_embeddings": 64}
    write_model("tiny-llama3-rope", llama3, llama_weights(gen, 2, 48, False, False), torch.float32, llama_forward)
