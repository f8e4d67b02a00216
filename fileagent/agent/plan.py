"""The Plan: abstract steps the planner (or a person) writes and the compiler expands.

This module is the contract between the planner and the engine. The committed
`plan.schema.json` beside it is `plan_json_schema()` written out; a test keeps
the two identical. Every plan is checked against that schema (jsonschema)
before the pydantic models parse it.

Paths in a plan are always relative to the sandbox root, written with "/".
Absolute or escaping paths are legal *in the schema* (a plan says what was
asked); refusing them is the Guard's job.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_PATH = Path(__file__).with_name("plan.schema.json")
PLAN_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Filters(_Model):
    """Conditions every selected item must meet (all of them: AND)."""
    ext: list[str] | None = Field(None, description="extensions without the dot, lower case: ['pdf', 'png']")
    name_regex: str | None = Field(None, description="Python regex searched in the file name")
    larger_than: int | None = Field(None, ge=0, description="size in bytes, strictly above")
    smaller_than: int | None = Field(None, ge=0, description="size in bytes, strictly below")
    modified_after: date | None = Field(None, description="modified on or after this day (local time)")
    modified_before: date | None = Field(None, description="modified before this day (local time)")
    contains: str | None = Field(None, description="text the file's content contains (UTF-8 text files only)")
    tag: str | None = Field(None, description="items carrying this tag")


class Selection(_Model):
    """What a step acts on: one exact path, or a glob under a folder, then filters.

    `path` names one file or folder. Otherwise `pattern` (glob, default "*")
    is matched in folder `in` (default the root "."); `recursive` also matches
    in every subfolder (same as a "**/" prefix). `kind` says whether pattern
    matches take files, folders or both.
    """
    path: str | None = None
    in_: str | None = Field(None, alias="in")
    pattern: str | None = None
    recursive: bool = False
    kind: Literal["file", "dir", "any"] = "file"
    filters: Filters | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _path_or_pattern(self) -> "Selection":
        if self.path is not None and (self.in_ is not None or self.pattern is not None or self.recursive):
            raise ValueError("a selection has either 'path' or 'in'/'pattern'/'recursive', not both")
        return self


class ListStep(_Model):
    op: Literal["list"]
    select: Selection


class ReadStep(_Model):
    op: Literal["read"]
    select: Selection


class CreateStep(_Model):
    op: Literal["create"]
    path: str
    kind: Literal["file", "dir"] = "file"
    content: str = ""


class UpdateStep(_Model):
    """append / prepend `text`; replace `find` by `text` (literal or regex); set the whole content to `text`."""
    op: Literal["update"]
    select: Selection
    mode: Literal["append", "prepend", "replace", "replace_regex", "set"]
    text: str
    find: str | None = None

    @model_validator(mode="after")
    def _find_needed(self) -> "UpdateStep":
        if self.mode in ("replace", "replace_regex") and not self.find:
            raise ValueError(f"update mode '{self.mode}' needs 'find'")
        if self.mode not in ("replace", "replace_regex") and self.find is not None:
            raise ValueError(f"update mode '{self.mode}' takes no 'find'")
        return self


class DeleteStep(_Model):
    op: Literal["delete"]
    select: Selection


class MoveStep(_Model):
    """Move (or copy) every selected item into folder `to` (created when missing)."""
    op: Literal["move"]
    select: Selection
    to: str


class CopyStep(_Model):
    op: Literal["copy"]
    select: Selection
    to: str


class RenameStep(_Model):
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

    @model_validator(mode="after")
    def _one_form(self) -> "RenameStep":
        batch = [f for f in ("set_ext", "add_prefix", "add_suffix", "template") if getattr(self, f) is not None]
        if self.path is not None:
            if self.new_name is None or self.select is not None or batch:
                raise ValueError("rename of one item takes 'path' and 'new_name' only")
        elif self.select is not None:
            if self.new_name is not None or len(batch) != 1:
                raise ValueError("batch rename takes 'select' and exactly one of set_ext/add_prefix/add_suffix/template")
        else:
            raise ValueError("rename needs 'path' + 'new_name' or 'select' + a batch field")
        return self


class KeywordRule(_Model):
    """Items whose name or text content contains any keyword (case-insensitive) go to `folder`."""
    keywords: list[str] = Field(min_length=1)
    folder: str


class ClassifyStep(_Model):
    """Sort the selected files into subfolders.

    by: extension (one folder per extension), type (documents/images/...),
    year / month (of mtime), size (small/medium/large), keywords (`rules`
    in order, then `default`), rule_set (a named set from the config; with
    no `rule_set` named, the config's default set: "classify docs md files").
    Folders are relative to `dest`, which defaults to the selection's folder.
    """
    op: Literal["classify"]
    select: Selection
    by: Literal["extension", "type", "year", "month", "size", "keywords", "rule_set"] = "rule_set"
    rules: list[KeywordRule] | None = None
    default: str | None = None
    rule_set: str | None = None
    dest: str | None = None

    @model_validator(mode="after")
    def _by_fields(self) -> "ClassifyStep":
        if self.by == "keywords" and not self.rules:
            raise ValueError("classify by keywords needs 'rules'")
        if self.by not in ("keywords",) and self.rules is not None:
            raise ValueError("'rules' only goes with by=keywords")
        if self.by != "rule_set" and self.rule_set is not None:
            raise ValueError("'rule_set' only goes with by=rule_set")
        return self


class TagStep(_Model):
    """Add (or with remove=true, take off) tags. Markdown: YAML front matter; others: the tag index."""
    op: Literal["tag"]
    select: Selection
    tags: list[str] = Field(min_length=1)
    remove: bool = False


Step = Annotated[
    Union[ListStep, ReadStep, CreateStep, UpdateStep, DeleteStep, MoveStep, CopyStep,
          RenameStep, ClassifyStep, TagStep],
    Field(discriminator="op"),
]

OPS = ("list", "read", "create", "update", "delete", "move", "copy", "rename", "classify", "tag")


class Plan(_Model):
    version: Literal[1] = PLAN_VERSION
    steps: list[Step] = Field(min_length=1)

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True, exclude_none=True, exclude_defaults=False, indent=2)

    def to_dict(self) -> dict:
        return json.loads(self.model_dump_json(by_alias=True, exclude_none=True))


def plan_json_schema() -> dict:
    schema = Plan.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://fileagent.local/plan.schema.json"
    return schema
