"""FAKE of `datasets.load_dataset` (https://huggingface.co/docs/datasets): records the builder name and arguments."""
from __future__ import annotations

CALLS: list[tuple[str, dict]] = []


def load_dataset(builder: str, **options):
    CALLS.append((builder, options))
    return ("dataset", builder, options)
