"""
FAKE of Pydantic v2: only what the lessons' fixed examples use, for tests that cannot install
the real library. Behaviour follows Pydantic's documentation for that surface:
- models: https://docs.pydantic.dev/latest/concepts/models/ (model_validate, model_validate_json,
  ValidationError; a required field has no default; frozen instances refuse assignment)
- extra="forbid"/"ignore" (ignore is the default): https://docs.pydantic.dev/latest/concepts/config/
- strict mode: https://docs.pydantic.dev/latest/concepts/strict_mode/ and the conversion table
  https://docs.pydantic.dev/latest/concepts/conversion_table/ (strict: a str is never an int,
  an int is accepted for a float; JSON input may give a date as an ISO string)
- Field constraints pattern, ge, gt, le, lt, min_length, max_length (str and list):
  https://docs.pydantic.dev/latest/concepts/fields/
- model_validator(mode="after"); a ValueError raised there becomes a ValidationError:
  https://docs.pydantic.dev/latest/concepts/validators/
Types supported: str, int, float, bool, datetime.date, list[X], Literal[...], nested models.
"""
from __future__ import annotations

import datetime
import json
import re
import sys
import typing

_MISSING = object()


class ValidationError(ValueError):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self._errors = errors

    def errors(self) -> list[str]:
        return list(self._errors)


class FieldInfo:
    def __init__(self, default=_MISSING, **constraints) -> None:
        self.default = default
        self.constraints = constraints


def Field(default=_MISSING, *, pattern=None, ge=None, gt=None, le=None, lt=None,
          min_length=None, max_length=None) -> typing.Any:
    given = dict(pattern=pattern, ge=ge, gt=gt, le=le, lt=lt, min_length=min_length, max_length=max_length)
    return FieldInfo(default, **{k: v for k, v in given.items() if v is not None})


def ConfigDict(**kwargs) -> dict:
    return dict(kwargs)


def model_validator(*, mode: str):
    def mark(fn):
        fn.__pydantic_mode__ = mode
        return fn

    return mark


class _Invalid(Exception):
    pass


def _check(value, tp, strict: bool, from_json: bool, where: str):
    origin = typing.get_origin(tp)
    if tp is typing.Any:
        return value
    if origin is typing.Literal:
        if not any(value == a and type(value) is type(a) for a in typing.get_args(tp)):
            raise _Invalid(f"{where}: {value!r} is not one of {typing.get_args(tp)}")
        return value
    if origin is list:
        if not isinstance(value, list) and (strict or not isinstance(value, tuple)):
            raise _Invalid(f"{where}: expected a list, got {type(value).__name__}")
        (item,) = typing.get_args(tp) or (typing.Any,)
        return [_check(v, item, strict, from_json, f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        if isinstance(value, tp):
            return value
        if not isinstance(value, dict):
            raise _Invalid(f"{where}: expected an object")
        return tp._validate(value, from_json)
    if tp is bool:
        if isinstance(value, bool):
            return value
        raise _Invalid(f"{where}: expected a boolean")
    if tp is str:
        if isinstance(value, str):
            return value
        raise _Invalid(f"{where}: expected a string, got {type(value).__name__}")
    if tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if not strict and isinstance(value, str) and re.fullmatch(r"[+-]?\d+", value.strip()):
            return int(value)
        if not strict and isinstance(value, float) and value.is_integer():
            return int(value)
        raise _Invalid(f"{where}: expected an integer, got {value!r}")
    if tp is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        if not strict and isinstance(value, str):
            try:
                return float(value)
            except ValueError:
                pass
        raise _Invalid(f"{where}: expected a number, got {value!r}")
    if tp is datetime.date:
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value
        if isinstance(value, str) and (from_json or not strict):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        raise _Invalid(f"{where}: expected a date, got {value!r}")
    raise TypeError(f"the pydantic fake does not support the type {tp!r}")


def _constrain(value, c: dict, where: str) -> None:
    if "pattern" in c and not re.search(c["pattern"], value):
        raise _Invalid(f"{where}: {value!r} does not match {c['pattern']}")
    for key, ok in (("ge", lambda v, b: v >= b), ("gt", lambda v, b: v > b),
                    ("le", lambda v, b: v <= b), ("lt", lambda v, b: v < b)):
        if key in c and not ok(value, c[key]):
            raise _Invalid(f"{where}: {value!r} fails {key} {c[key]}")
    if "max_length" in c and len(value) > c["max_length"]:
        raise _Invalid(f"{where}: longer than {c['max_length']}")
    if "min_length" in c and len(value) < c["min_length"]:
        raise _Invalid(f"{where}: shorter than {c['min_length']}")


class BaseModel:
    model_config: typing.ClassVar[dict] = {}

    @classmethod
    def _fields(cls) -> dict[str, tuple[object, FieldInfo]]:
        hints = {}
        for klass in reversed(cls.__mro__):
            if not (isinstance(klass, type) and issubclass(klass, BaseModel)) or klass is BaseModel:
                continue
            module = sys.modules.get(klass.__module__)
            for name, ann in klass.__dict__.get("__annotations__", {}).items():
                hints[name] = eval(ann, vars(module), dict(vars(klass))) if isinstance(ann, str) else ann
        out = {}
        for name, tp in hints.items():
            if typing.get_origin(tp) is typing.ClassVar or name == "model_config":
                continue
            raw = cls.__dict__.get(name, _MISSING)
            info = raw if isinstance(raw, FieldInfo) else FieldInfo(raw)
            out[name] = (tp, info)
        return out

    @classmethod
    def _validate(cls, data: dict, from_json: bool):
        config = cls.model_config
        strict = bool(config.get("strict", False))
        errors: list[str] = []
        values = {}
        fields = cls._fields()
        if config.get("extra", "ignore") == "forbid":
            errors += [f"{k}: extra inputs are not permitted" for k in data if k not in fields]
        for name, (tp, info) in fields.items():
            if name not in data:
                if info.default is _MISSING:
                    errors.append(f"{name}: field required")
                else:
                    values[name] = info.default
                continue
            try:
                v = _check(data[name], tp, strict, from_json, name)
                _constrain(v, info.constraints, name)
                values[name] = v
            except (_Invalid, ValidationError) as e:
                errors.append(str(e))
        if errors:
            raise ValidationError(errors)
        obj = object.__new__(cls)
        for k, v in values.items():
            object.__setattr__(obj, k, v)
        for attr in dir(cls):
            fn = getattr(cls, attr, None)
            if getattr(fn, "__pydantic_mode__", None) == "after":
                try:
                    obj = fn(obj)
                except ValueError as e:
                    raise ValidationError([f"value error: {e}"]) from e
        return obj

    def __init__(self, **data) -> None:
        validated = type(self)._validate(data, from_json=False)
        for k in type(self)._fields():
            object.__setattr__(self, k, getattr(validated, k))

    def __setattr__(self, name, value) -> None:
        if self.model_config.get("frozen"):
            raise ValidationError([f"{name}: instance is frozen"])
        object.__setattr__(self, name, value)

    @classmethod
    def model_validate(cls, obj):
        if isinstance(obj, cls):
            return obj
        if not isinstance(obj, dict):
            raise ValidationError([f"input should be a dict or {cls.__name__}, got {type(obj).__name__}"])
        return cls._validate(obj, from_json=False)

    @classmethod
    def model_validate_json(cls, text):
        try:
            data = json.loads(text)
        except (TypeError, ValueError) as e:
            raise ValidationError([f"invalid JSON: {e}"]) from e
        if not isinstance(data, dict):
            raise ValidationError(["input should be an object"])
        return cls._validate(data, from_json=True)

    def model_dump(self) -> dict:
        return {k: getattr(self, k) for k in type(self)._fields()}
