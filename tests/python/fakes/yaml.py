"""
FAKE of PyYAML's `safe_load`, for tests that cannot install the real library. It reads the
block-style subset the lessons' configuration files use (a mapping of scalars, `[a, b]` flow
lists and `- item` block lists) and resolves scalars as PyYAML's YAML 1.1 resolver does
(ints, floats, true/false/yes/no/on/off, null/~, quoted strings). As documented for
`safe_load` (https://pyyaml.org/wiki/PyYAMLDocumentation, "Loading YAML": safe_load
"recognizes only standard YAML tags and cannot construct an arbitrary Python object"), any
`!!python/...` or other application tag raises `constructor.ConstructorError`.
"""
from __future__ import annotations

import re
import types


class YAMLError(Exception):
    pass


class ConstructorError(YAMLError):
    pass


constructor = types.SimpleNamespace(ConstructorError=ConstructorError)

_STANDARD_TAGS = {"!!str", "!!int", "!!float", "!!bool", "!!null", "!!seq", "!!map"}


def _scalar(text: str):
    text = text.strip()
    tag = re.match(r"(!\S*)\s*", text)
    if tag:
        if tag.group(1) not in _STANDARD_TAGS:
            raise ConstructorError(
                f"could not determine a constructor for the tag '{tag.group(1).replace('!!', 'tag:yaml.org,2002:')}'"
            )
        text = text[tag.end():]
    if text.startswith("["):
        if not text.endswith("]"):
            raise YAMLError(f"unclosed flow sequence: {text}")
        inner = text[1:-1].strip()
        return [_scalar(p) for p in inner.split(",")] if inner else []
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text.lower() in ("true", "yes", "on"):
        return True
    if text.lower() in ("false", "no", "off"):
        return False
    if re.fullmatch(r"[-+]?(0|[1-9][0-9_]*)", text):
        return int(text.replace("_", ""))
    if re.fullmatch(r"[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?", text):
        return float(text.replace("_", ""))
    return text


def safe_load(stream):
    text = stream.read() if hasattr(stream, "read") else stream
    out: dict = {}
    current = None
    for raw in text.splitlines():
        line = re.sub(r"\s+#.*$", "", raw).rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = re.match(r"\s+-\s*(.*)$", line)
        if item:
            if current is None or not (out[current] is None or isinstance(out[current], list)):
                raise YAMLError(f"a list item outside a list: {raw}")
            if out[current] is None:
                out[current] = []
            out[current].append(_scalar(item.group(1)))
            continue
        pair = re.match(r"([^\s:][^:]*):(?:\s+(.*))?$", line)
        if not pair or line[0].isspace():
            raise YAMLError(f"the YAML fake cannot read this line: {raw}")
        key, value = pair.group(1).strip(), pair.group(2)
        out[key] = None if value is None else _scalar(value)  # a repeated key: the last wins, as in PyYAML
        current = key
    return out or None
