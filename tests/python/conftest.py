"""
Runs a lesson's Python fixed example as it appears in the lesson, as harness.ts does for
TypeScript. `fixed_code` takes the Python out of the `<Fixed title="...">` block of a module
file, so editing that code (or the title) re-runs, or breaks, its test. `load_fixed` executes
it in a fresh module whose free names (the helpers a snippet uses but does not define: a
database, a model client, a queue...) come from the test's `scope`. Imports of third-party
libraries resolve to the documented fakes in tests/python/fakes/ (CI has only the standard
library and pytest); standard-library imports are real.
"""
from __future__ import annotations

import __future__
import builtins
import importlib
import itertools
import os
import re
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Third-party packages a snippet may import: each is a fake in tests/python/fakes/<name>.
FAKED = {"pydantic", "yaml", "safetensors", "torch", "structlog", "fastapi", "psycopg", "numpy", "sklearn", "pandas",
         "huggingface_hub", "transformers", "peft", "datasets"}

# To check a fake against the real library where one is installed, name it here, e.g.
# REAL_LIBRARIES=pydantic,yaml,numpy python3 -m pytest tests/python (CI always uses the fakes).
REAL = {name for name in os.environ.get("REAL_LIBRARIES", "").split(",") if name}

_counter = itertools.count()


def _block(file: str, title: str) -> tuple[str, int]:
    source = (ROOT / file).read_text(encoding="utf-8")
    start = source.find(f'<Fixed title="{title}">')
    if start < 0:
        raise LookupError(
            f'{file}: no <Fixed title="{title}"> block. If you renamed it, rename it in tests/python too.'
        )
    end = source.find("</Fixed>", start)
    m = re.search(r"```(?:python|py)\n([\s\S]*?)\n\s*```", source[start:end])
    if m is None:
        raise LookupError(f'{file}: <Fixed title="{title}"> holds no Python block')
    line = source.count("\n", 0, start + m.start(1))
    return m.group(1), line


def fixed_code(file: str, title: str) -> str:
    """The Python inside `<Fixed title="...">` in a module file (path from the project root)."""
    return _block(file, title)[0]


def _importer(modules: dict[str, types.ModuleType]):
    real_import = builtins.__import__

    def fake_import(name, globals=None, locals=None, fromlist=(), level=0):
        top = name.split(".")[0]
        if name in modules:
            if fromlist or "." not in name:
                return modules[name]
            if top not in modules:
                raise ImportError(f"`import {name}`: map {top!r} in load_fixed's modules as well")
            return modules[top]
        if top in FAKED and top not in REAL and level == 0:
            module = importlib.import_module(f"fakes.{name}")
            return module if fromlist else importlib.import_module(f"fakes.{top}")
        return real_import(name, globals, locals, fromlist, level)

    return fake_import


def load_fixed(
    file: str,
    title: str,
    scope: dict[str, object] | None = None,
    modules: dict[str, types.ModuleType] | None = None,
    placeholders: dict[str, str] | None = None,
) -> types.ModuleType:
    """
    Executes the fixed example in a new module and returns it. `scope` supplies its free
    names; `modules` replaces imports by name; `placeholders` swaps a value the lesson shows
    as a placeholder (such as an elided hash) for a real one, and fails if it is not there.
    Type annotations are not evaluated (as with `from __future__ import annotations`), so a
    snippet's undefined type names need no fakes. Tracebacks point at the lesson's lines.
    """
    code, line = _block(file, title)
    for old, new in (placeholders or {}).items():
        if code.count(old) != 1:
            raise LookupError(f'{file}: <Fixed title="{title}"> no longer contains {old!r} exactly once')
        code = code.replace(old, new)
    name = f"fixed_example_{next(_counter)}"
    module = types.ModuleType(name)
    module.__file__ = str(ROOT / file)
    own_builtins = dict(vars(builtins))
    own_builtins["__import__"] = _importer(modules or {})
    module.__dict__["__builtins__"] = own_builtins
    module.__dict__.update(scope or {})
    sys.modules[name] = module  # dataclasses and the pydantic fake resolve annotations here
    compiled = compile("\n" * line + code, str(ROOT / file), "exec",
                       flags=__future__.annotations.compiler_flag, dont_inherit=True)
    exec(compiled, module.__dict__)
    return module


class Recorder:
    """A stand-in object that records every call made on it: `rec.calls` lists (name, args, kwargs)."""

    def __init__(self, **returns: object) -> None:
        self.calls: list[tuple[str, tuple, dict]] = []
        self._returns = returns

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)

        def call(*args, **kwargs):
            self.calls.append((name, args, kwargs))
            value = self._returns.get(name)
            return value(*args, **kwargs) if callable(value) else value

        return call

    def called(self, name: str) -> list[tuple[tuple, dict]]:
        return [(a, k) for n, a, k in self.calls if n == name]
