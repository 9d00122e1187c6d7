"""
FAKE of `transformers.AutoModelForTokenClassification.from_pretrained`: records the folder and
options it was given (https://huggingface.co/docs/transformers/model_doc/auto) and returns a
stand-in model. Loading real weights is out of scope for these tests.
"""
from __future__ import annotations

import types

CALLS: list[tuple[str, dict]] = []


class AutoModelForTokenClassification:
    @staticmethod
    def from_pretrained(path: str, **options):
        CALLS.append((path, options))
        return types.SimpleNamespace(kind="base-model", path=path)
