"""
FAKE of the `safetensors` package for tests that cannot install it. It reads and writes the real
file format (https://huggingface.co/docs/safetensors/index, "Format": an 8-byte little-endian
header size, a JSON header naming each tensor's dtype, shape and data_offsets, then the raw
bytes), so a pickle or any other file is refused as the real parser refuses it, with
`SafetensorError`. Tensors come back as `FakeTensor` (dtype, shape and raw bytes), not torch tensors.
"""
from __future__ import annotations

import json
import struct
from dataclasses import dataclass


class SafetensorError(Exception):
    pass


@dataclass(frozen=True)
class FakeTensor:
    dtype: str
    shape: tuple[int, ...]
    data: bytes


_SIZES = {"F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1, "U8": 1, "BOOL": 1}


def deserialize(data: bytes) -> dict[str, FakeTensor]:
    if len(data) < 8:
        raise SafetensorError("Error while deserializing header: HeaderTooSmall")
    (n,) = struct.unpack("<Q", data[:8])
    if 8 + n > len(data):
        raise SafetensorError("Error while deserializing header: InvalidHeaderLength")
    try:
        header = json.loads(data[8:8 + n].decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise SafetensorError(f"Error while deserializing header: InvalidHeaderDeserialization ({e})") from e
    if not isinstance(header, dict):
        raise SafetensorError("Error while deserializing header: InvalidHeaderDeserialization")
    body = data[8 + n:]
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        try:
            start, end = info["data_offsets"]
            dtype, shape = info["dtype"], tuple(info["shape"])
        except (KeyError, TypeError, ValueError) as e:
            raise SafetensorError(f"Error while deserializing header: {name}: {e}") from e
        count = 1
        for d in shape:
            count *= d
        if dtype not in _SIZES or not 0 <= start <= end <= len(body) or end - start != count * _SIZES[dtype]:
            raise SafetensorError(f"Error while deserializing header: {name}: invalid offsets or dtype")
        out[name] = FakeTensor(dtype, shape, body[start:end])
    return out


def serialize(tensors: dict[str, FakeTensor]) -> bytes:
    header, body = {}, b""
    for name, t in tensors.items():
        header[name] = {"dtype": t.dtype, "shape": list(t.shape), "data_offsets": [len(body), len(body) + len(t.data)]}
        body += t.data
    raw = json.dumps(header).encode()
    return struct.pack("<Q", len(raw)) + raw + body
