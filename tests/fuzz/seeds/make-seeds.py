#!/usr/bin/env python3
# Writes the binary and generated seeds of the fuzz targets (tests/fuzz/targets.txt) into this folder.
# Not run by CI; rerun by hand after changing it: python3 tests/fuzz/seeds/make-seeds.py
# The selector byte a target reads first (see tests/fuzz/fuzz-*.cpp) leads each seed that needs one.
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def write(relative, data):
    path = os.path.join(HERE, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


# --- tokenizer-json (selector % 4: 0 tokenizer.json, 1 vocab.json NUL merges.txt, 2 tokenizer_config, 3 generation_config)
LLAMA3_SPLIT = (r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*"
                r"|\s*[\r\n]+|\s+(?!\S)|\s+")


def added(token_id, content):
    return {"id": token_id, "content": content, "single_word": False, "lstrip": False, "rstrip": False,
            "normalized": False, "special": True}


def template(token, token_id):
    return {"type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": token, "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
            "pair": [], "special_tokens": {token: {"id": token, "ids": [token_id], "tokens": [token]}}}


def byte_level_tokenizer():
    pieces = ["H", "e", "l", "o", "Ġ", "w", "r", "d", "!", "He", "ll", "Hell", "Hello", "Ġw", "or", "Ġwor", "Ġworld"]
    vocab = {p: i for i, p in enumerate(pieces)}
    bos, eos = len(vocab), len(vocab) + 1
    vocab.update({"<|begin_of_text|>": bos, "<|end_of_text|>": eos})
    return {"version": "1.0", "added_tokens": [added(bos, "<|begin_of_text|>"), added(eos, "<|end_of_text|>")],
            "normalizer": None,
            "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
                {"type": "Split", "pattern": {"Regex": LLAMA3_SPLIT}, "behavior": "Isolated", "invert": False},
                {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": False}]},
            "post_processor": {"type": "Sequence", "processors": [
                {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": False, "use_regex": True},
                template("<|begin_of_text|>", bos)]},
            "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
            "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                      "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False, "ignore_merges": True,
                      "vocab": vocab,
                      "merges": [["H", "e"], ["l", "l"], ["He", "ll"], ["Hell", "o"], ["Ġ", "w"], ["o", "r"],
                                 ["Ġw", "or"], "Ġwor d"]}}


def metaspace_tokenizer():
    pieces = (["<unk>", "<s>", "</s>"] + ["<0x%02X>" % b for b in range(0x41, 0x45)] +
              ["▁", "H", "e", "l", "o", "▁H", "ll", "▁He", "llo", "▁Hello"])
    return {"version": "1.0", "added_tokens": [added(i, p) for i, p in enumerate(pieces[:3])],
            "normalizer": {"type": "Sequence", "normalizers": [
                {"type": "Prepend", "prepend": "▁"}, {"type": "Replace", "pattern": {"String": " "}, "content": "▁"}]},
            "pre_tokenizer": None,
            "post_processor": template("<s>", 1),
            "decoder": {"type": "Sequence", "decoders": [
                {"type": "Replace", "pattern": {"String": "▁"}, "content": " "}, {"type": "ByteFallback"},
                {"type": "Fuse"}, {"type": "Strip", "content": " ", "start": 1, "stop": 0}]},
            "model": {"type": "BPE", "unk_token": "<unk>", "fuse_unk": True, "byte_fallback": True,
                      "vocab": {p: i for i, p in enumerate(pieces)},
                      "merges": ["▁ H", "l l", "▁H e", "ll o", "▁He llo"]}}


write("tokenizer-json/byte-level.json", "0" + json.dumps(byte_level_tokenizer(), ensure_ascii=False))
write("tokenizer-json/metaspace.json", "0" + json.dumps(metaspace_tokenizer(), ensure_ascii=False))
gpt2_vocab = {"H": 0, "e": 1, "l": 2, "o": 3, "He": 4, "ll": 5, "Hell": 6, "Hello": 7, "<|endoftext|>": 8}
write("tokenizer-json/vocab-merges.bin", b"1" + json.dumps(gpt2_vocab).encode() + b"\0#version: 0.2\nH e\nl l\r\nHe ll\n")
write("tokenizer-json/tokenizer-config.json",
      '2{"add_bos_token":true,"add_eos_token":false,"bos_token":{"content":"<s>","lstrip":false},'
      '"eos_token":"</s>","pad_token":null}')
write("tokenizer-json/generation-config.json", '3{"bos_token_id":5,"eos_token_id":6,"pad_token_id":null}')


# --- sentencepiece-model: ModelProto in protobuf wire format (sentencepiece_model.proto)
def varint(value):
    value &= (1 << 64) - 1  # negative int32 values are sign-extended to ten bytes
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def field_varint(number, value):
    return varint(number << 3) + varint(value)


def field_bytes(number, payload):
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def field_float(number, value):
    return varint(number << 3 | 5) + struct.pack("<f", value)


NORMAL, UNKNOWN, CONTROL, BYTE = 1, 2, 3, 6


def sentencepiece_model(pieces, byte_fallback, normalizer, pad_id=-1):
    body = b""
    for text, score, kind in pieces:
        body += field_bytes(1, field_bytes(1, text.encode()) + field_float(2, score) + field_varint(3, kind))
    trainer = (field_varint(3, 2) + field_varint(35, int(byte_fallback)) + field_varint(40, 0) +
               field_varint(41, 1) + field_varint(42, 2) + field_varint(43, pad_id))
    body += field_bytes(2, trainer)
    body += field_bytes(3, field_bytes(1, normalizer.encode()) + field_varint(3, 1) + field_varint(4, 0))
    return body


specials = [("<unk>", 0.0, UNKNOWN), ("<s>", 0.0, CONTROL), ("</s>", 0.0, CONTROL)]
words = [("▁", -1.0, NORMAL), ("H", -2.0, NORMAL), ("e", -3.0, NORMAL), ("l", -4.0, NORMAL), ("o", -5.0, NORMAL),
         ("ll", -6.0, NORMAL), ("▁H", -7.0, NORMAL), ("llo", -8.0, NORMAL), ("▁He", -9.0, NORMAL),
         ("▁Hello", -10.0, NORMAL), ("日本", -11.0, NORMAL), ("日", -12.0, NORMAL), ("本", -13.0, NORMAL)]
byte_pieces = [("<0x%02X>" % b, 0.0, BYTE) for b in range(256)]
write("sentencepiece-model/bpe-byte-fallback.model", sentencepiece_model(specials + byte_pieces[:16] + words, True, "identity"))
write("sentencepiece-model/bpe-nmt-nfkc.model", sentencepiece_model(specials + words, False, "nmt_nfkc", pad_id=3))


# --- safetensors-header: small whole files (8-byte length, JSON header padded to 8 bytes, data)
def safetensors(tensors, metadata=None):
    header, data = {}, b""
    for name, (dtype, shape, raw) in tensors.items():
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    if metadata:
        header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + data


write("safetensors-header/mixed.safetensors", safetensors({
    "a.weight": ("F16", [2, 3], struct.pack("<6e", *range(6))),
    "b.empty": ("F32", [0, 4], b""),
    "c.ids": ("I64", [2], struct.pack("<2q", -1, 7)),
    "d.flag": ("BOOL", [], b"\x01"),
}, {"format": "pt", "note": "fuzz seed"}))
write("safetensors-header/bf16-scalar.safetensors", safetensors({"x": ("BF16", [1, 1, 1], b"\x80\x3f")}))
