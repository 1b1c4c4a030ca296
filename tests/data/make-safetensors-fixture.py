#!/usr/bin/python3
# Writes tests/data/safetensors/all-dtypes.safetensors by hand (struct + json, no safetensors package), the
# independent reference for tests/core/io/test-safetensors.cpp. Not run by CI; rerun with Debian's
# /usr/bin/python3 (python3-torch 1.13) only when the fixture must change, and commit its output.
# Also the safetensors writer that reference-logits.py imports.
import json
import os
import struct

import torch

DTYPE_NAMES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16", torch.float64: "F64",
               torch.int8: "I8", torch.uint8: "U8", torch.int16: "I16", torch.int32: "I32",
               torch.int64: "I64", torch.bool: "BOOL"}


def tensor_bytes(t):
    t = t.contiguous()
    if t.dtype == torch.bfloat16:  # numpy has no bfloat16: reinterpret the same 2 bytes as int16
        t = t.view(torch.int16)
    return t.numpy().astype(t.numpy().dtype.newbyteorder("<")).tobytes()


def write_safetensors(path, tensors, metadata=None):
    """Sorted keys, compact JSON, header padded with spaces to 8 bytes (the convention of the Rust crate)."""
    header, blobs, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = metadata
    for name in sorted(tensors):
        data = tensor_bytes(tensors[name])
        header[name] = {"dtype": DTYPE_NAMES[tensors[name].dtype], "shape": list(tensors[name].shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(text)))
        out.write(text)
        for data in blobs:
            out.write(data)


def fixture_tensors():
    # NOTE: the values are asserted in tests/core/io/test-safetensors.cpp; change both together.
    return {
        "f32": torch.arange(6, dtype=torch.float32).reshape(2, 3) * 0.5,
        "f16": torch.tensor([1.5, -2.25, 65504.0], dtype=torch.float16),
        "bf16": torch.tensor([1.0, -3.5, 256.0], dtype=torch.bfloat16),
        "f64": torch.tensor([[1e-300], [2.5]], dtype=torch.float64),
        "i8": torch.tensor([-128, 0, 127], dtype=torch.int8),
        "u8": torch.tensor([0, 200, 255], dtype=torch.uint8),
        "i16": torch.tensor([-32768, 7], dtype=torch.int16),
        "i32": torch.tensor([-2147483648, 2147483647], dtype=torch.int32),
        "i64": torch.tensor([-(2 ** 63), 2 ** 40 + 3], dtype=torch.int64),
        "bool": torch.tensor([True, False, True], dtype=torch.bool),
        "scalar": torch.tensor(3.25, dtype=torch.float32),
        "empty": torch.zeros(0, 4, dtype=torch.float32),
    }


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(os.path.join(here, "safetensors"), exist_ok=True)
    write_safetensors(os.path.join(here, "safetensors", "all-dtypes.safetensors"), fixture_tensors(),
                      {"format": "pt", "note": "hand-written by make-safetensors-fixture.py"})
