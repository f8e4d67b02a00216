"""A small validator that builds nested dataclasses from parsed YAML (plain dicts, lists, scalars).

It replaces pydantic for config.yaml, whose import alone cost ~80 ms of every command. Field types
understood: str, int, bool, X | None, Literal[...], list[T], dict[str, T] and nested dataclasses.
It is as lenient as pydantic's default ("lax") mode was, so the same files are accepted: "12", " 12 "
and 12.0 are the integer 12, "yes"/"off"/1/0 are booleans, a YAML !!set is a list, !!binary is text
when it is UTF-8.

Per-field rules go in the field's metadata: ``ge`` (a number's minimum), ``min_length`` (a list's),
``check`` (a function that raises ValueError(message) for a bad value). A dataclass's __post_init__
may raise ValueError for rules across fields; that message is reported at the dataclass's own key.
Keys a dataclass does not declare are rejected ("unknown key").

Every problem is collected, not only the first: build() raises SchemaError, whose problems are
(key path, message) pairs in the order pydantic reported them (fields in declaration order, then
unknown keys in file order).
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import types
import typing
from typing import Any, Literal, TypeVar, Union

T = TypeVar("T")
Loc = tuple  # the key path: field names, dict keys, list indexes

_BAD: Any = object()  # returned for a value that was rejected (its problem is already recorded)


class SchemaError(ValueError):
    def __init__(self, problems: list[tuple[Loc, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{format_loc(loc)}: {msg}" for loc, msg in problems))


def format_loc(loc: Loc) -> str:
    """('agent', 'allow_ops', 1) -> 'agent.allow_ops.1'; the empty path is '(top level)'."""
    return ".".join(str(x) for x in loc) or "(top level)"


def build(cls: type[T], data: Any) -> T:
    """data validated into an instance of the dataclass cls; SchemaError lists every problem."""
    problems: list[tuple[Loc, str]] = []
    value = _validate(cls, data, (), problems)
    if problems:
        raise SchemaError(problems)
    return value


# ------------------------------------------------------------------ scalars (raise ValueError(message))

_INT_TEXT = re.compile(r"([+-]?[0-9]+(?:_[0-9]+)*)(?:\.0+)?")  # "1_000", "-5", "12.00"
_TRUE = frozenset({"1", "on", "t", "true", "y", "yes"})
_FALSE = frozenset({"0", "off", "f", "false", "n", "no"})


def _str(v: Any) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, (bytes, bytearray)):
        try:
            return bytes(v).decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError("Input should be a valid string, unable to parse raw data as a unicode string") from None
    raise ValueError("Input should be a valid string")


def _int(v: Any) -> int:
    if isinstance(v, int):  # a bool too (true -> 1), as pydantic did
        return int(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            raise ValueError("Input should be a finite number")
        if not v.is_integer():
            raise ValueError("Input should be a valid integer, got a number with a fractional part")
        if abs(v) >= 2**63:
            raise ValueError("Unable to parse input string as an integer, exceeded maximum size")
        return int(v)
    if isinstance(v, (bytes, bytearray)):
        v = bytes(v).decode("utf-8", "replace")
    if isinstance(v, str):
        m = _INT_TEXT.fullmatch(v.strip())
        if m:
            return int(m[1])
        raise ValueError("Input should be a valid integer, unable to parse string as an integer")
    raise ValueError("Input should be a valid integer")


def _bool(v: Any) -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, (bytes, bytearray)):
        v = bytes(v).decode("utf-8", "replace")
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, (str, int)):
        key = v.lower() if isinstance(v, str) else str(v)
        if key in _TRUE or key in _FALSE:
            return key in _TRUE
        raise ValueError("Input should be a valid boolean, unable to interpret input")
    raise ValueError("Input should be a valid boolean")


_SCALARS: dict[Any, typing.Callable[[Any], Any]] = {str: _str, int: _int, bool: _bool}


def _one_of(options: tuple) -> str:
    shown = [repr(o) for o in options]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


# ------------------------------------------------------------------ walking the types


@functools.cache
def _fields(cls: type) -> tuple[tuple[dataclasses.Field, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f, hints[f.name]) for f in dataclasses.fields(cls) if f.init)


def _validate(tp: Any, v: Any, loc: Loc, problems: list[tuple[Loc, str]]) -> Any:
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass(tp, v, loc, problems)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is Literal:
        if any(type(v) is type(a) and v == a for a in args):
            return v
        problems.append((loc, f"Input should be {_one_of(args)}"))
        return _BAD
    if origin is list:
        if not isinstance(v, (list, tuple, set, frozenset)):
            problems.append((loc, "Input should be a valid list"))
            return _BAD
        items = [_validate(args[0], x, loc + (i,), problems) for i, x in enumerate(v)]
        return _BAD if any(x is _BAD for x in items) else items
    if origin is dict:
        if not isinstance(v, dict):
            problems.append((loc, "Input should be a valid dictionary"))
            return _BAD
        out, ok = {}, True
        for k, x in v.items():
            key = _validate(args[0], k, loc + (k, "[key]"), problems)
            value = _validate(args[1], x, loc + (k,), problems)
            ok = ok and key is not _BAD and value is not _BAD
            out[key] = value
        return out if ok else _BAD
    if origin in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return None if v is None else _validate(next(a for a in args if a is not type(None)), v, loc, problems)
    if tp in _SCALARS:
        try:
            return _SCALARS[tp](v)
        except ValueError as e:
            problems.append((loc, str(e)))
            return _BAD
    raise TypeError(f"the config schema does not support the type {tp!r}")


def _apply_rules(meta: typing.Mapping[str, Any], value: Any) -> None:
    """The field's metadata rules; ValueError(message) for the first one broken."""
    if "ge" in meta and value < meta["ge"]:
        raise ValueError(f"Input should be greater than or equal to {meta['ge']}")
    if "min_length" in meta and len(value) < meta["min_length"]:
        n = meta["min_length"]
        raise ValueError(
            f"List should have at least {n} item{'' if n == 1 else 's'} after validation, not {len(value)}"
        )
    if "check" in meta:
        meta["check"](value)


def _dataclass(cls: type, v: Any, loc: Loc, problems: list[tuple[Loc, str]]) -> Any:
    if isinstance(v, cls):
        return v
    if not isinstance(v, dict):
        problems.append((loc, f"Input should be a valid dictionary or instance of {cls.__name__}"))
        return _BAD
    before = len(problems)
    kwargs: dict[str, Any] = {}
    for f, tp in _fields(cls):
        floc = loc + (f.name,)
        if f.name not in v:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                problems.append((floc, "Field required"))
            continue
        value = _validate(tp, v[f.name], floc, problems)
        if value is not _BAD:
            try:
                _apply_rules(f.metadata, value)
            except ValueError as e:
                problems.append((floc, str(e)))
        kwargs[f.name] = value
    names = {f.name for f, _ in _fields(cls)}
    for k in v:
        if not isinstance(k, str):
            problems.append((loc + (k,), "Keys should be strings"))
        elif k not in names:
            problems.append((loc + (k,), "unknown key"))
    if len(problems) > before:
        return _BAD
    try:
        return cls(**kwargs)
    except ValueError as e:  # the dataclass's own rule (__post_init__)
        problems.append((loc, str(e)))
        return _BAD
