"""
FAKE of the tiny part of PyTorch the lessons touch: `torch.nn.Module` with `load_state_dict`
and `eval`. As documented (https://pytorch.org/docs/stable/generated/torch.nn.Module.html,
load_state_dict), strict=True raises RuntimeError when the keys do not exactly match the
module's own. A test module lists its keys in `expected_keys`.
"""
from __future__ import annotations

import types


class Module:
    expected_keys: frozenset[str] = frozenset()

    def __init__(self) -> None:
        self.state: dict = {}
        self.training = True

    def load_state_dict(self, state_dict: dict, strict: bool = True):
        missing = sorted(self.expected_keys - set(state_dict))
        unexpected = sorted(set(state_dict) - self.expected_keys)
        if strict and (missing or unexpected):
            raise RuntimeError(f"Error(s) in loading state_dict: missing keys {missing}, unexpected keys {unexpected}")
        self.state.update({k: v for k, v in state_dict.items() if k in self.expected_keys})
        return types.SimpleNamespace(missing_keys=missing, unexpected_keys=unexpected)

    def eval(self):
        self.training = False
        return self


nn = types.SimpleNamespace(Module=Module)
