"""FAKE of `peft.PeftModel.from_pretrained(base, path)` (https://huggingface.co/docs/peft): records the call."""
from __future__ import annotations

import types

CALLS: list[tuple[object, str]] = []


class PeftModel:
    @staticmethod
    def from_pretrained(base, path: str, **options):
        CALLS.append((base, path))
        return types.SimpleNamespace(kind="adapted-model", base=base, path=path)
