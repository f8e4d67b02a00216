"""The preview: exactly what a ChangeSet will do, as a rich table or a JSON document.

The text form shows one line per action, or, past `max_rows` actions, one line
per kind and folder (a 100,000-line preview is not readable); the JSON document
always lists every action. Written file contents are not in the
JSON: each write carries its sha256 and size instead.
"""

from __future__ import annotations

import hashlib
import json
import json.encoder
from typing import IO, Any

from fileagent.agent.engine.changeset import OP_WORDS, Action, ChangeSet
from fileagent.display import json_text
from fileagent.display import shown as plain
from fileagent.tools.ages import age_words
from fileagent.tools.base import human_size

MAX_ROWS = 60
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_str = json.encoder.encode_basestring


def action_json(a: Action) -> dict[str, Any]:
    d: dict[str, Any] = {"seq": a.seq, "step": a.step, "kind": a.kind, "src": a.src, "dst": a.dst}
    if a.content is not None:
        d["size"] = len(a.content)
        d["sha256"] = hashlib.sha256(a.content).hexdigest()
    if a.overwrite:
        d["overwrite"] = True
    if a.tags is not None:
        d["tags"] = a.tags
    if a.note:
        d["note"] = a.note
    return d


def preview_document(plan: Any, changeset: ChangeSet) -> dict[str, Any]:
    """{"plan", "changeset": {"actions", "conflicts", "outputs"}, "totals"} (JSON-ready)."""
    return {
        "plan": plan.to_dict() if hasattr(plan, "to_dict") else plan,
        "changeset": {
            "actions": [action_json(a) for a in changeset.actions],
            "conflicts": [
                {"step": c.step, "path": c.path, "resolution": c.resolution, "result": c.result}
                for c in changeset.conflicts
            ],
            "outputs": [list(o) for o in changeset.outputs],
            "skipped": [list(x) for x in getattr(changeset, "skipped", [])],
            "notes": [list(x) for x in getattr(changeset, "notes", [])],
        },
        "totals": changeset.totals(),
    }


def _j(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, str):
        return _str(v)
    return _encode(v)


def _action_text(a: Action) -> str:
    """action_json(a) as JSON text, without building the dict (100,000-action previews)."""
    extra = ""
    if a.content is not None:
        extra += f',"size":{len(a.content)},"sha256":"{hashlib.sha256(a.content).hexdigest()}"'
    if a.overwrite:
        extra += ',"overwrite":true'
    if a.tags is not None:
        extra += f',"tags":{_encode(a.tags)}'
    if a.note:
        extra += f',"note":{_str(a.note)}'
    return f'{{"seq":{a.seq},"step":{a.step},"kind":"{a.kind}","src":{_j(a.src)},"dst":{_j(a.dst)}{extra}}}'


def preview_json(plan: Any, changeset: ChangeSet, result: dict | None = None, reading: list[str] | None = None) -> str:
    """preview_document(...) serialised (plus "result" when given); same content, built as text.
    `reading` (the plan in words) sits at the top level beside `plan`, never inside it, so the
    `plan` of `fileagent plan --json` still feeds `fileagent apply -`."""
    shell = ChangeSet(conflicts=changeset.conflicts, outputs=changeset.outputs)
    if hasattr(changeset, "skipped"):
        shell.skipped = changeset.skipped
    shell.notes = getattr(changeset, "notes", [])
    doc = preview_document(plan, shell)
    doc["totals"] = changeset.totals()
    actions = ",".join([_action_text(a) for a in changeset.actions])
    rest = {k: v for k, v in doc["changeset"].items() if k != "actions"}
    cs = _encode(rest)
    said = f'"reading":{_encode(reading)},' if reading is not None else ""
    text = (
        f'{{{said}"plan":{_encode(doc["plan"])},"changeset":{{"actions":[{actions}],{cs[1:]}'
        f',"totals":{_encode(doc["totals"])}'
    )
    if result is not None:
        text += f',"result":{_encode(result)}'
    return json_text(text + "}")


def changes(n: int) -> str:
    """'1 change' / '12 changes'."""
    return f"{n:,} change" + ("" if n == 1 else "s")


def _excerpt(data: bytes, limit: int = 40) -> str:
    """The first line of some text, shortened, quoted; or what it is when it is not text."""
    text = data.decode("utf-8", errors="replace")
    first = text.lstrip("\n").split("\n", 1)[0]
    more = len(first) > limit or "\n" in text.strip("\n")
    first = "".join(ch if ch.isprintable() else " " for ch in first[:limit])
    return '"' + first + ('…"' if more else '"')


def _note(a: Action) -> str:
    """What the action does beyond its paths: the text written, what is backed up, the tags."""
    parts: list[str] = []
    if a.kind == "write" and a.content is not None:
        before = a.expect.get(a.src or a.dst or "")
        old = before.size if before is not None and before.exists and not before.is_dir else 0
        if a.note == "append" and len(a.content) >= old:
            added = a.content[old:]
            parts.append(f"append {human_size(len(added))}: {_excerpt(added)}")
        else:
            what = {"create": "new file", "tag": "tags in the file", "append-stream": "append"}.get(
                a.note, a.note or "write"
            )
            parts.append(f"{what}, {human_size(len(a.content))}: {_excerpt(a.content)}")
    elif a.kind == "set_tags":
        parts.append("tags: " + ", ".join(a.tags) if a.tags else "no tags")
    elif a.note:
        parts.append(a.note)
    if a.overwrite:
        parts.append("old content backed up" if a.kind == "write" else "replaces an existing file (backed up)")
    if a.kind == "delete":
        parts.append("backed up, undoable")
    return "; ".join(parts)


def _atoms(text: str) -> list[str]:
    """Pieces a line may break between: after each '/' of a path, and at spaces."""
    out: list[str] = []
    for word in text.split(" "):
        pieces = word.split("/")
        out += [p + "/" for p in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else [])
        out.append(" ")
    return out[:-1]


def fold(head: str, text: str, width: int) -> list[str]:
    """`head` + `text` in lines of at most `width` columns, broken only at '/' or spaces, so no name is
    cut; continuation lines are indented under the text. A single name wider than the line stays whole."""
    indent = " " * len(head)
    lines, cur = [], head
    for atom in _atoms(text):
        if len(cur) + len(atom) > width and cur.strip() and cur != head and atom != " ":
            lines.append(cur.rstrip())
            cur = indent
        if atom == " " and cur == indent:
            continue
        cur += atom
    lines.append(cur.rstrip())
    return lines


def _folder_of(a: Action) -> str:
    path = a.src if a.kind in ("delete", "set_tags") else (a.dst or a.src or "")
    return (path or "").rpartition("/")[0] or "."


def _exact_size(n: int) -> str:
    return human_size(n) if n < 1024 else f"{human_size(n)} ({n:,} bytes)"


def _filters_text(f: Any) -> str:
    parts = []
    if getattr(f, "ext", None):
        parts.append("extension " + ", ".join("." + e for e in f.ext))
    if getattr(f, "name_regex", None):
        parts.append(f"name matching {f.name_regex!r}")
    if getattr(f, "larger_than", None) is not None:
        parts.append(f"larger than {_exact_size(f.larger_than)}")
    if getattr(f, "smaller_than", None) is not None:
        parts.append(f"smaller than {_exact_size(f.smaller_than)}")
    if getattr(f, "modified_after", None) is not None:
        parts.append(f"modified on or after {f.modified_after.isoformat()}")
    if getattr(f, "modified_before", None) is not None:
        parts.append(f"modified before {f.modified_before.isoformat()}")
    if getattr(f, "older_than", None):
        parts.append(f"older than {age_words(f.older_than)}")
    if getattr(f, "newer_than", None):
        parts.append(f"modified in the last {age_words(f.newer_than)}")
    if getattr(f, "empty", None):
        parts.append("empty")
    if getattr(f, "contains", None):
        parts.append(f"containing {f.contains!r}")
    if getattr(f, "tag", None):
        parts.append(f"tagged {f.tag!r}")
    return ", ".join(parts)


def _step_filters(plan: Any) -> list[tuple[int, str]]:
    out = []
    for i, step in enumerate(getattr(plan, "steps", []) or [], start=1):
        f = getattr(getattr(step, "select", None), "filters", None)
        text = _filters_text(f) if f is not None else ""
        if text:
            out.append((i, text))
    return out


def _broken_pipe() -> None:
    """rich's own reaction to a closed stdout is SystemExit(1); the command line wants the error itself
    (it stops quietly with the status a shell expects)."""
    raise BrokenPipeError


class _PlainConsole:
    """What render needs of rich's Console where no terminal reads the output (a pipe, a file, a
    test): the same lines and width, without rich's import (about a tenth of a plan's time)."""

    def __init__(self, file: IO[str], width: int | None) -> None:
        self.file = file
        self.width = width if width is not None else _width_as_rich()

    def print(self, line: str, style: str = "") -> None:
        try:
            self.file.write(line + "\n")
        except BrokenPipeError:
            _broken_pipe()


def _width_as_rich() -> int:
    """rich's width for output that is no terminal: the first standard stream that is one, then
    $COLUMNS, else 80."""
    import os

    width = None
    for fd in (0, 1, 2):
        try:
            width = os.get_terminal_size(fd).columns
            break
        except (AttributeError, ValueError, OSError):
            continue
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        width = int(columns)
    return width or 80


class _RichConsole:
    """rich's Console for a terminal: deletes in bold red unless colour is off; text is never markup."""

    def __init__(self, file: IO[str], no_color: bool, width: int | None) -> None:
        from rich.console import Console

        self.console = Console(
            file=file, no_color=no_color, highlight=False, width=width, soft_wrap=True, markup=False, emoji=False
        )
        self.console.on_broken_pipe = _broken_pipe  # type: ignore[method-assign]
        self.width = self.console.width

    def print(self, line: str, style: str = "") -> None:
        from rich.text import Text

        self.console.print(Text(line, style=style))


def _console(file: IO[str], no_color: bool, width: int | None) -> _PlainConsole | _RichConsole:
    """rich where a terminal reads the output, or where FORCE_COLOR asks for colour anyway (rich
    honours it on a pipe: `... | less -R`); plain lines elsewhere."""
    import os

    try:
        terminal = file.isatty()
    except (AttributeError, ValueError):
        terminal = False
    forced = bool(os.environ.get("FORCE_COLOR")) and not no_color
    return _RichConsole(file, no_color, width) if terminal or forced else _PlainConsole(file, width)


def render_reading(reading: list[str], file: IO[str], lang: str = "en", width: int | None = None) -> None:
    """The plan in words, one numbered line per step, as plain text (names are never markup), folded
    at '/' or spaces to the terminal's width so no name is cut."""
    import shutil

    w = max(40, width or shutil.get_terminal_size().columns)
    file.write(("我的理解：" if lang == "zh" else "What I understood:") + "\n")
    for i, line in enumerate(reading, 1):
        for part in fold(f"  {i}. ", _printable(line), w):
            file.write(part + "\n")


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def render(
    plan: Any,
    changeset: ChangeSet,
    *,
    file: IO[str],
    no_color: bool = False,
    max_rows: int = MAX_ROWS,
    width: int | None = None,
    reading: list[str] | None = None,
    lang: str = "en",
) -> None:
    """Print the plan in words (when given), then the preview: one line per action (folded at '/' to the width; deletes marked), or for
    more than `max_rows` actions one line per kind and destination folder; then what was left out,
    the conflicts and the totals. Every line is plain text (never read as markup)."""
    if reading is not None:
        render_reading(reading, file, lang, width)
        file.flush()
    console = _console(file, no_color, width)
    w = max(40, console.width)

    def say(head: str, text: str = "", style: str = "") -> None:
        for line in fold(head, plain(text), w):  # names: control characters escaped, one line
            console.print(line, style=style)

    mutating = changeset.mutating_actions
    if not changeset.actions:
        console.print("Nothing to do: the plan selects no changes.")
        return
    if not mutating:
        console.print("No changes: the plan only lists or reads.")
        return
    shown = [a for a in changeset.actions if a.mutating]
    say(f"Preview: {changes(len(mutating))}" + (", by folder:" if len(shown) > max_rows else ":"))
    for step, text in _step_filters(plan):
        say(f"  step {step} filters: ", text)
    for step, text in getattr(changeset, "notes", []):
        say(f"  step {step}: ", text)
    if len(shown) > max_rows:
        groups: dict[tuple[str, str], int] = {}
        for a in shown:
            key = (a.kind, _folder_of(a))
            groups[key] = groups.get(key, 0) + 1
        for (kind, folder), n in list(groups.items())[:max_rows]:
            word = "DELETE" if kind == "delete" else OP_WORDS.get(kind, kind)
            where = "in" if kind in ("delete", "set_tags") else "->"
            say(
                f"  {word:<7} {n:>6,} {'item ' if n == 1 else 'items'} {where} ",
                folder + "/",
                "bold red" if kind == "delete" else "",
            )
        if len(groups) > max_rows:
            say(f"  ... {len(groups) - max_rows} more folders")
        say("  (--json lists every action)")
    else:
        for a in shown:
            word = "DELETE" if a.kind == "delete" else OP_WORDS.get(a.kind, a.kind)
            path = (a.src or "") if a.kind in ("delete", "set_tags") else (a.dst or a.src or "")
            if a.kind in ("move", "copy"):
                path = f"{a.src} -> {a.dst}"
            note = _note(a)
            style = "bold red" if a.kind == "delete" else ""
            say(f"  {word:<7} ", path + (f"  ({note})" if note else ""), style)
    skipped = getattr(changeset, "skipped", [])
    if skipped:
        say(f"Skipped ({len(skipped)}):")
        for step, path, why in skipped[:max_rows]:
            say(f"  step {step}: ", f"{path}: {why}")
        if len(skipped) > max_rows:
            say(f"  ... {len(skipped) - max_rows} more")
    if changeset.conflicts:
        say(f"Conflicts ({len(changeset.conflicts)}): existing destinations")
        for c in changeset.conflicts[:max_rows]:
            result = {"skip": "skipped", "overwrite": "overwritten (backed up)"}.get(
                c.resolution, f"renamed to {c.result}"
            )
            say(f"  step {c.step}: ", f"{c.path} -> {result}")
        if len(changeset.conflicts) > max_rows:
            say(f"  ... {len(changeset.conflicts) - max_rows} more")
    totals = changeset.totals()
    parts = [f"{n:,} {OP_WORDS.get(k, k)}" for k, n in totals.items() if k not in ("conflicts", "emit") and n]
    deletes = totals.get("delete", 0)
    say(
        "Totals: ",
        (", ".join(parts) or "nothing")
        + f"; {totals.get('conflicts', 0)} conflicts"
        + (
            f"; {deletes:,} deleted item{'s' if deletes != 1 else ''} kept as backups until undo or gc"
            if deletes
            else ""
        ),
    )
