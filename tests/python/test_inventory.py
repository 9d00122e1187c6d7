"""
Which Python fixed examples run as tests. Every `<Fixed>` block with Python must either be run
by a test module here (a module-level constant `NAME = (file, title)` that the module's tests
load with `load_fixed`) or have a stated reason it cannot run (UNTESTED, where the lesson also
says what the snippet leaves out). A new or renamed Python fixed example therefore fails here
until someone tests it or says why not. The TypeScript ones: tests/content/fixed-examples/.
"""
from __future__ import annotations

import importlib
import re

from conftest import ROOT, fixed_code

P = "content/modules/principles/"

# Python fixed examples without a runnable test, and why.
UNTESTED: dict[tuple[str, str], str] = {
    (f"{P}p06-infrastructure.mdx", "A dedicated training environment with a narrow role"):
        "declares a job; the isolation is enforced by the cloud account, network and role it names",
}

TEST_MODULES = sorted(p.stem for p in (ROOT / "tests" / "python").glob("test_*.py") if p.stem != "test_inventory")


def python_fixed_blocks() -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "content" / "modules").rglob("*.md*")):
        source = path.read_text(encoding="utf-8")
        for m in re.finditer(r'<Fixed title="([^"]*)">([\s\S]*?)</Fixed>', source):
            lang = re.search(r"```(\w+)", m.group(2))
            if lang and lang.group(1) in ("python", "py"):
                out.append((str(path.relative_to(ROOT)), m.group(1)))
    return out


def covered_examples() -> dict[tuple[str, str], str]:
    """Each (file, title) constant of a test module, with the module that runs it."""
    out = {}
    for name in TEST_MODULES:
        module = importlib.import_module(name)
        source = (ROOT / "tests" / "python" / f"{name}.py").read_text(encoding="utf-8")
        for const, value in vars(module).items():
            if (isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value)
                    and value[0].startswith("content/modules/")):
                # defined once and used at least once: a constant nobody loads is not a test
                assert len(re.findall(rf"\b{const}\b", source)) >= 2, f"{name}.{const} is never loaded"
                out[value] = name
    return out


def test_every_python_fixed_example_is_tested_or_says_why_not():
    covered = covered_examples()
    missing = [b for b in python_fixed_blocks() if b not in covered and b not in UNTESTED]
    assert missing == [], "add a test in tests/python/ (a constant loaded with load_fixed) or a reason in UNTESTED"
    assert not set(covered) & set(UNTESTED), "an example is both tested and listed as untested"


def test_every_listed_example_still_exists_in_its_lesson():
    for file, title in [*covered_examples(), *UNTESTED]:
        assert fixed_code(file, title).strip()


def test_count_of_python_fixed_examples_that_run_as_tests(capsys):
    blocks, covered = python_fixed_blocks(), covered_examples()
    with capsys.disabled():  # printed so the number is visible in the test output
        print(f"\nPython fixed examples: {len(blocks)}; run as tests: {len(covered)}; untested: {len(UNTESTED)}")
    assert len(covered) >= 31, "fewer Python fixed examples run as tests than before"
