"""
FAKE of the structlog surface one lesson uses, for tests that cannot install it
(https://www.structlog.org/en/stable/): `configure(processors=[...])`, `get_logger(name)`, a
bound logger whose `info(event, **kw)` builds the event dict {"event": event, **kw} and passes
it through the processors in order; `processors.TimeStamper(fmt="iso")` adds "timestamp";
`processors.JSONRenderer()` renders the dict with `json.dumps` (so a line break in a value
becomes the two characters \\n); the rendered string is printed to standard output, as the
default PrintLoggerFactory does.
"""
from __future__ import annotations

import datetime
import json
import sys
import types

_config: dict = {"processors": []}


def configure(processors=None, **_ignored) -> None:
    _config["processors"] = list(processors or [])


class _TimeStamper:
    def __init__(self, fmt: str | None = None) -> None:
        self.fmt = fmt

    def __call__(self, logger, method, event_dict):
        event_dict["timestamp"] = datetime.datetime.now(datetime.timezone.utc).isoformat()
        return event_dict


class _JSONRenderer:
    def __call__(self, logger, method, event_dict):
        return json.dumps(event_dict, default=repr)


processors = types.SimpleNamespace(TimeStamper=_TimeStamper, JSONRenderer=_JSONRenderer)


class _Logger:
    def __init__(self, name) -> None:
        self.name = name

    def _log(self, method: str, event: str, **kw) -> None:
        value: object = {"event": event, **kw}
        for p in _config["processors"]:
            value = p(self, method, value)
        print(value, file=sys.stdout)

    def info(self, event: str, **kw) -> None:
        self._log("info", event, **kw)


def get_logger(name=None) -> _Logger:
    return _Logger(name)
