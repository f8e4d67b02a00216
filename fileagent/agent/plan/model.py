"""The Plan: abstract steps the planner (or a person) writes and the compiler expands.

This module is the contract between the planner and the engine. The committed
`plan.schema.json` beside it is the source of truth: `Plan.from_dict` checks
every plan against it (schema_check's quick verdict; jsonschema words the
message of a plan it rejects), then builds these frozen dataclasses, parsing
dates and running the cross-field checks the schema cannot express. A test
holds the dataclasses to the schema (fields, required, enums, defaults), so
the two cannot drift. Every failure is one PlanError line with the JSON path
of the bad field.

Paths in a plan are always relative to the sandbox root, written with "/".
Absolute or escaping paths are legal *in the schema* (a plan says what was
asked); refusing them is the Guard's job.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Final, Literal, Union, get_args

from fileagent.errors import PlanError

SCHEMA_PATH = Path(__file__).with_name("plan.schema.json")
PLAN_VERSION: Final = 2

SelectionKind = Literal["file", "dir", "any"]
CreateKind = Literal["file", "dir"]
UpdateMode = Literal["append", "prepend", "replace", "replace_regex", "set"]
SortKey = Literal["name", "size", "mtime"]
KeepRule = Literal["oldest", "newest", "shortest_path", "in_folder"]
ClassifyBy = Literal["extension", "type", "year", "month", "size", "keywords", "rule_set", "topic"]

_model = dataclass(frozen=True, kw_only=True)


class _Node:
    """Serialising like the pydantic models did: JSON names ("in"), None fields left out,
    defaults kept, dates as YYYY-MM-DD."""

    def to_dict(self) -> dict:
        cls: type = self.__class__
        return {key: _dump(value) for name, key in _names(cls) if (value := getattr(self, name)) is not None}


def _dump(value: Any) -> Any:
    if isinstance(value, _Node):
        return value.to_dict()
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _optional(description: str) -> Any:
    """A field that defaults to None, with the description plan.schema.json gives it."""
    return field(default=None, metadata={"description": description})


@_model
class Filters(_Node):
    """Conditions every selected item must meet (all of them: AND)."""

    ext: list[str] | None = _optional("extensions without the dot, lower case: ['pdf', 'png']")
    name_regex: str | None = _optional("Python regex searched in the file name")
    larger_than: int | None = _optional("size in bytes, strictly above")
    smaller_than: int | None = _optional("size in bytes, strictly below")
    modified_after: date | None = _optional("modified on or after this day (local time)")
    modified_before: date | None = _optional("modified before this day (local time)")
    older_than: str | None = _optional(
        "modified before this age ago, counted from when the plan is compiled: a number and d (days), "
        "w (weeks), m (months) or y (years): '30d', '1y'"
    )
    newer_than: str | None = _optional(
        "modified within this age, counted from when the plan is compiled ('30d': in the last 30 days); "
        "same units as older_than"
    )
    contains: str | None = _optional("text the file's content contains (UTF-8 text files only)")
    tag: str | None = _optional("items carrying this tag")
    empty: bool | None = _optional("true: files of 0 bytes and folders that hold no file at any depth")


@_model
class Selection(_Node):
    """What a step acts on: one exact path, or a glob under a folder, then filters.

    `path` names one file or folder. Otherwise `pattern` (glob, default "*")
    is matched in folder `in` (default the root "."); `recursive` also matches
    in every subfolder (same as a "**/" prefix). `kind` says whether pattern
    matches take files, folders or both.
    """

    path: str | None = None
    in_: str | None = field(default=None, metadata={"alias": "in"})
    pattern: str | None = None
    recursive: bool = False
    kind: SelectionKind = "file"
    filters: Filters | None = None
    exclude: list[str] | None = _optional(
        "glob patterns left out of the selection: a pattern without '/' is matched against every name (a folder it matches is left out with everything in it), one with '/' against the path below 'in': ['*.exe', 'archive']"
    )
    sort: SortKey | None = _optional(
        "order the selection by name, size (a folder: the files below it) or mtime (modification time)"
    )
    desc: bool | None = _optional("true: the largest, newest or last name first")
    limit: int | None = _optional("keep only the first N items (after ordering): 'the 5 biggest'")
    duplicates: KeepRule | None = _optional(
        "select the duplicates among the selected files (content-identical: size, then hashes; never by name; empty files and hard links are not duplicates): every copy but the one each group keeps by this rule; ties go to the shortest path"
    )
    keep_in: str | None = _optional("with duplicates=in_folder: the folder whose copy each group keeps")

    def __post_init__(self) -> None:
        if self.path is not None and (self.in_ is not None or self.pattern is not None or self.recursive):
            raise ValueError("a selection has either 'path' or 'in'/'pattern'/'recursive', not both")
        if self.desc is not None and self.sort is None:
            raise ValueError("'desc' goes with 'sort'")
        if (self.duplicates == "in_folder") != (self.keep_in is not None):
            raise ValueError("'keep_in' goes with duplicates=in_folder, and in_folder needs 'keep_in'")


_KEEP_STRUCTURE = "with a selection reaching into subfolders: each item goes to the same relative folder under 'to' (the path below the selection's 'in'), instead of all into 'to' itself"


@_model
class ListStep(_Node):
    op: Literal["list"]
    select: Selection


@_model
class ReadStep(_Node):
    op: Literal["read"]
    select: Selection


@_model
class CreateStep(_Node):
    op: Literal["create"]
    path: str
    kind: CreateKind = "file"
    content: str = ""


@_model
class UpdateStep(_Node):
    """append / prepend `text`; replace `find` by `text` (literal or regex); set the whole content to `text`."""

    op: Literal["update"]
    select: Selection
    mode: UpdateMode
    text: str
    find: str | None = None

    def __post_init__(self) -> None:
        if self.mode in ("replace", "replace_regex") and not self.find:
            raise ValueError(f"update mode '{self.mode}' needs 'find'")
        if self.mode not in ("replace", "replace_regex") and self.find is not None:
            raise ValueError(f"update mode '{self.mode}' takes no 'find'")


@_model
class DeleteStep(_Node):
    op: Literal["delete"]
    select: Selection


@_model
class MoveStep(_Node):
    """Move (or copy) every selected item into folder `to` (created when missing)."""

    op: Literal["move"]
    select: Selection
    to: str
    keep_structure: bool | None = _optional(_KEEP_STRUCTURE)


@_model
class CopyStep(_Node):
    op: Literal["copy"]
    select: Selection
    to: str
    keep_structure: bool | None = _optional(_KEEP_STRUCTURE)


@_model
class RenameStep(_Node):
    """Rename one item (`path` + `new_name`) or a batch (`select` + one of the batch fields).

    Batch fields: `set_ext` (new extension, no dot), `add_prefix`, `add_suffix`
    (before the extension), `template` with {stem} {ext} {name} {n} {n:03} {date}.
    Names only: renaming never moves an item to another folder.
    """

    op: Literal["rename"]
    path: str | None = None
    new_name: str | None = None
    select: Selection | None = None
    set_ext: str | None = None
    add_prefix: str | None = None
    add_suffix: str | None = None
    template: str | None = None
    start: int | None = _optional("with a template: the number {n} counts from (default 1)")
    case: Literal["lower", "upper"] | None = _optional(
        "batch: the whole name in lower or upper case (a case-only rename goes through a temporary name)"
    )

    def __post_init__(self) -> None:
        batch = [f for f in ("set_ext", "add_prefix", "add_suffix", "template", "case") if getattr(self, f) is not None]
        if self.start is not None and self.template is None:
            raise ValueError("'start' goes with 'template'")
        if self.path is not None:
            if self.new_name is None or self.select is not None or batch:
                raise ValueError("rename of one item takes 'path' and 'new_name' only")
        elif self.select is not None:
            if self.new_name is not None or len(batch) != 1:
                raise ValueError(
                    "batch rename takes 'select' and exactly one of set_ext/add_prefix/add_suffix/template/case"
                )
        else:
            raise ValueError("rename needs 'path' + 'new_name' or 'select' + a batch field")


@_model
class KeywordRule(_Node):
    """Items whose name or text content contains any keyword (case-insensitive) go to `folder`."""

    keywords: list[str]
    folder: str


@_model
class ClassifyStep(_Node):
    """Sort the selected files into subfolders.

    by: extension (one folder per extension), type (documents/images/...),
    year / month (of mtime), size (small/medium/large), keywords (`rules`
    in order, then `default`), rule_set (a named set from the config; with
    no `rule_set` named, the config's default set: "classify docs md files").
    Folders are relative to `dest`, which defaults to the selection's folder.
    """

    op: Literal["classify"]
    select: Selection
    by: ClassifyBy = "rule_set"
    rules: list[KeywordRule] | None = None
    default: str | None = None
    rule_set: str | None = None
    dest: str | None = None
    max_groups: int | None = _optional("with by=topic: at most this many groups (default 6)")

    def __post_init__(self) -> None:
        if self.max_groups is not None and self.by != "topic":
            raise ValueError("'max_groups' only goes with by=topic")
        if self.by == "keywords" and not self.rules:
            raise ValueError("classify by keywords needs 'rules'")
        if self.by not in ("keywords",) and self.rules is not None:
            raise ValueError("'rules' only goes with by=keywords")
        if self.by != "rule_set" and self.rule_set is not None:
            raise ValueError("'rule_set' only goes with by=rule_set")


@_model
class TagStep(_Node):
    """Add (or with remove=true, take off) tags. Markdown: YAML front matter; others: the tag index."""

    op: Literal["tag"]
    select: Selection
    tags: list[str]
    remove: bool = False


@_model
class ArchiveStep(_Node):
    """Make a zip archive of the selected files (folders: the files in them) at `to` (".zip" added when
    missing). Names inside are relative to the selection's folder. The originals stay unless
    `remove_originals`."""

    op: Literal["archive"]
    select: Selection
    to: str
    remove_originals: bool | None = _optional(
        "true: delete the archived files once the archive is written (backed up, undoable)"
    )


@_model
class ExtractStep(_Node):
    """Unpack the zip or tar archive at `path` into folder `to` (default: a folder named after the
    archive, beside it). Entries that would land outside it, links and oversized archives are refused."""

    op: Literal["extract"]
    path: str
    to: str | None = _optional("the folder to unpack into (default: beside the archive, named after it)")


Step = Union[
    ListStep,
    ReadStep,
    CreateStep,
    UpdateStep,
    DeleteStep,
    MoveStep,
    CopyStep,
    RenameStep,
    ClassifyStep,
    TagStep,
    ArchiveStep,
    ExtractStep,
]
OPS = ("list", "read", "create", "update", "delete", "move", "copy", "rename", "classify", "tag", "archive", "extract")
STEP_TYPES: dict[str, type] = dict(zip(OPS, get_args(Step), strict=True))
MUTATING_OPS = frozenset(OPS) - {"list", "read"}  # every op but the two that only look


# Fields a version-1 plan may not use: (class name, JSON key). A version-1 plan keeps its meaning.
V2_FIELDS: frozenset[tuple[str, str]] = frozenset(
    {
        ("Filters", "empty"),
        ("Filters", "older_than"),
        ("Filters", "newer_than"),
        ("Selection", "exclude"),
        ("Selection", "sort"),
        ("Selection", "desc"),
        ("Selection", "limit"),
        ("Selection", "duplicates"),
        ("Selection", "keep_in"),
        ("RenameStep", "start"),
        ("RenameStep", "case"),
        ("ClassifyStep", "max_groups"),
        ("MoveStep", "keep_structure"),
        ("CopyStep", "keep_structure"),
    }
)
V2_OPS: frozenset[str] = frozenset({"archive", "extract"})
V2_VALUES: frozenset[tuple[str, str, str]] = frozenset({("ClassifyStep", "by", "topic")})


@_model
class Plan(_Node):
    version: Literal[1, 2] = PLAN_VERSION
    steps: list[Step]

    @classmethod
    def from_dict(cls, d: Any) -> Plan:
        """A decoded JSON plan -> Plan, checked against plan.schema.json first: how every plan
        from outside (the model, a file) is built; building the dataclasses directly skips the
        schema's checks. Raises PlanError('plan invalid at $.steps[0].to: ...')."""
        if not _quick_check()(d):
            raise schema_error(d)  # jsonschema (slow to import) words the message
        version = d.get("version", PLAN_VERSION)
        if version == 1:
            for i, s in enumerate(d["steps"]):
                if s["op"] in V2_OPS:
                    raise _invalid(["steps", i, "op"], f'op {s["op"]!r} needs "version": 2')
        steps = [_build(STEP_TYPES[s["op"]], s, ["steps", i], version) for i, s in enumerate(d["steps"])]
        return _build(cls, {**d, "steps": steps}, [], version)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)


# -------------------------------------------------- building from a schema-valid dict

_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def json_path(parts) -> str:
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out


def _invalid(loc: list, msg: str) -> PlanError:
    return PlanError(f"plan invalid at {json_path(loc)}: {msg}")


def _date(value: str, loc: list) -> date:
    """YYYY-MM-DD (the schema's format "date"); the messages are pydantic's, as before."""
    if not _DATE_RE.fullmatch(value):
        raise _invalid(loc, "Input should be a valid date in the format YYYY-MM-DD")
    y, m, d = int(value[:4]), int(value[5:7]), int(value[8:])
    if y == 0:
        raise _invalid(loc, "Input should be a valid date in the format YYYY-MM-DD, year 0 is out of range")
    if not 1 <= m <= 12:
        raise _invalid(loc, "Input should be a valid date or datetime, month value is outside expected range of 1-12")
    try:
        return date(y, m, d)
    except ValueError:
        raise _invalid(loc, "Input should be a valid date or datetime, day value is outside expected range") from None


def _int(value: int | float, loc: list) -> int:
    """The schema's "integer" takes 5.0 too: it becomes 5 (up to 2**63, as pydantic did)."""
    if isinstance(value, float) and abs(value) >= 2**63:
        raise _invalid(loc, "Unable to parse input string as an integer, exceeded maximum size")
    return int(value)


def _build(cls: type, d: dict, loc: list, version: int = PLAN_VERSION) -> Any:
    kw: dict[str, Any] = {}
    for name, key in _names(cls):  # in declaration order: the first error is pydantic's
        if key not in d:
            continue
        value, at = d[key], loc + [key]
        if version == 1 and (
            (cls.__name__, key) in V2_FIELDS or (isinstance(value, str) and (cls.__name__, key, value) in V2_VALUES)
        ):
            raise _invalid(
                at,
                f'{key!r} needs "version": 2'
                if (cls.__name__, key) in V2_FIELDS
                else f'{key}={value} needs "version": 2',
            )
        if value is None or key == "steps":
            pass
        elif key == "select":
            value = _build(Selection, value, at, version)
        elif key == "filters":
            value = _build(Filters, value, at, version)
        elif key == "rules":
            value = [_build(KeywordRule, r, at + [i], version) for i, r in enumerate(value)]
        elif key in ("modified_after", "modified_before"):
            value = _date(value, at)
        elif key in ("larger_than", "smaller_than", "version", "limit", "start", "max_groups"):
            value = _int(value, at)
        elif isinstance(value, list):
            value = list(value)  # the plan owns its lists
        kw[name] = value
    try:
        return cls(**kw)
    except ValueError as e:  # a cross-field check in __post_init__
        raise _invalid(loc, str(e)) from None


@cache
def _names(cls: type) -> tuple[tuple[str, str], ...]:
    """(attribute, JSON key) of each field: in_ is "in"."""
    return tuple((f.name, f.metadata.get("alias", f.name)) for f in fields(cls))


@lru_cache(maxsize=1)
def _quick_check():
    from fileagent.agent.plan.schema_check import compile_schema

    return compile_schema(plan_json_schema())


def plan_json_schema() -> dict:
    """The committed plan.schema.json (Draft 2020-12), freshly loaded."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


# -------------------------------------------------- messages for plans the schema rejects


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(plan_json_schema())


def _best_error(errors: list) -> Any:
    from jsonschema.exceptions import best_match

    return best_match(errors)


def _specific(err: Any) -> Any:
    """Inside the oneOf over step kinds, report the branch whose `op` matched (the step the plan
    meant), not the first branch tried."""
    while err.context:
        branches: dict[Any, list] = {}
        for sub in err.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        matched = [
            subs
            for subs in branches.values()
            if not any(s.validator == "const" and list(s.relative_path)[-1:] == ["op"] for s in subs)
        ]
        if not matched and isinstance(err.instance, dict) and "op" in err.instance:
            err.message = f"unknown op {err.instance['op']!r} (one of {', '.join(OPS)})"
            return err
        err = _best_error(matched[0] if len(matched) == 1 else err.context)
    return err


def schema_error(d: Any) -> PlanError:
    """The PlanError for a plan that fails plan.schema.json, in jsonschema's words."""
    errors = list(_validator().iter_errors(d))
    if not errors:  # cannot happen: schema_check is held to jsonschema's verdict by its tests
        return PlanError("plan invalid at $: it does not match plan.schema.json")
    err = _specific(_best_error(errors))
    msg = err.message if len(err.message) <= 200 else err.message[:197] + "..."
    return PlanError(f"plan invalid at {json_path(err.absolute_path)}: {msg}")
