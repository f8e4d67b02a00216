"""The plan said back in words, one line per step, in the request's language.

    Delete 3 files: every .csv file in downloads (backed up)
    删除 downloads 中所有 .csv 文件（3 个，已备份）

Counts come from the compiled ChangeSet, so the words say what will really happen; a misread
("thanks" read as a delete) is obvious before anyone answers y.
"""

from __future__ import annotations

from typing import Any

from fileagent.agent.engine.changeset import ChangeSet
from fileagent.tools.ages import age_words, parse_age
from fileagent.tools.select import every_depth, transfer_selection


def read_back(plan: Any, changes: ChangeSet | None, lang: str = "en") -> list[str]:
    """One line per step of `plan`, with the number of items each step acts on."""
    counts: dict[int, int] = {}
    if changes is not None:
        for a in changes.actions:
            if a.kind not in ("mkdir",) and not (a.kind == "set_tags" and a.note == "tags follow"):
                counts[a.step] = counts.get(a.step, 0) + 1
    say = _ZH if lang == "zh" else _EN
    lines, zips = [], set()
    for i, step in enumerate(plan.steps, 1):
        line = say(step, counts.get(i, 0) if changes is not None else None)
        if step.op == "archive":
            if step.to in zips:  # a later step into the same zip adds to it
                line = _adds_zh(step) if lang == "zh" else _adds_en(step)
            zips.add(step.to)
        lines.append(line)
    return lines


def _adds_en(step: Any) -> str:
    also = " and delete the originals (backed up)" if step.remove_originals else ""
    return f"Add to the zip {step.to!r}{also}: {_what_en(step.select)}"


def _adds_zh(step: Any) -> str:
    also = "，并删除原文件（已备份）" if step.remove_originals else ""
    return f"把{_what_zh(step.select)}加进“{step.to}”{also}"


# ------------------------------------------------------------------ English


def _what_en(sel: Any) -> str:
    if sel is None:
        return "the selection"
    if sel.path is not None:
        return repr(sel.path)
    noun = {"file": "file", "dir": "folder", "any": "item"}[sel.kind]
    f = sel.filters
    exts = f.ext if f is not None and f.ext else None
    if exts:
        noun = "/".join("." + e for e in exts) + " " + noun
    pattern = f" named {sel.pattern!r}" if sel.pattern not in (None, "*") else ""
    where = f"in {sel.in_!r}" if sel.in_ not in (None, ".") else "in the root folder"
    if every_depth(sel):
        where += " and its subfolders"
    return f"every {noun}{pattern} {where}{_filters_en(f)}{_extras_en(sel)}"


def _extras_en(sel: Any) -> str:
    """Version-2 selection fields: exclusions, duplicates, order and limit."""
    out = []
    if getattr(sel, "exclude", None):
        out.append("except " + ", ".join(repr(p) for p in sel.exclude))
    if getattr(sel, "duplicates", None):
        keep = {
            "oldest": "the oldest",
            "newest": "the newest",
            "shortest_path": "the shortest path",
            "in_folder": f"the one in {sel.keep_in!r}",
        }[sel.duplicates]
        out.append(f"only duplicates (each group keeps {keep})")
    if getattr(sel, "sort", None):
        order = {
            ("size", True): "largest first",
            ("size", False): "smallest first",
            ("mtime", True): "newest first",
            ("mtime", False): "oldest first",
            ("name", True): "by name, Z to A",
            ("name", False): "by name",
        }[sel.sort, bool(sel.desc)]
        out.append(order)
    if getattr(sel, "limit", None):
        out.append(f"the first {sel.limit}")
    return (", " + ", ".join(out)) if out else ""


def _filters_en(f: Any) -> str:
    if f is None:
        return ""
    out = []
    if f.name_regex:
        out.append(f"whose name matches /{f.name_regex}/")
    if f.larger_than is not None:
        out.append(f"larger than {_size(f.larger_than)}")
    if f.smaller_than is not None:
        out.append(f"smaller than {_size(f.smaller_than)}")
    if f.modified_after is not None:
        out.append(f"modified on or after {f.modified_after}")
    if f.modified_before is not None:
        out.append(f"modified before {f.modified_before}")
    if getattr(f, "older_than", None):
        out.append(f"older than {age_words(f.older_than)}")
    if getattr(f, "newer_than", None):
        out.append(f"modified in the last {age_words(f.newer_than)}")
    if getattr(f, "empty", None):
        out.append("empty")
    if f.contains:
        out.append(f"containing {f.contains!r}")
    if f.tag:
        out.append(f"tagged {f.tag!r}")
    return (", " + ", ".join(out)) if out else ""


def _size(n: int) -> str:
    for unit, mult in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= mult and n % mult == 0:
            return f"{n // mult} {unit}"
    return f"{n} bytes"


def _n(count: int | None, one: str, many: str) -> str:
    if count is None:
        return many
    return f"{count} {one if count == 1 else many}"


def _short(text: str, limit: int = 40) -> str:
    text = text.replace("\n", "\\n")
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _EN(step: Any, n: int | None) -> str:
    op = step.op
    if op == "list":
        return f"List {_what_en(step.select)}"
    if op == "read":
        return f"Show the contents of {_what_en(step.select)}"
    if op == "create":
        if step.kind == "dir":
            return f"Create the folder {step.path!r}"
        return f"Create the file {step.path!r}" + (
            f" containing {_short(step.content)}" if step.content else " (empty)"
        )
    if op == "update":
        verb = {
            "append": f"Append {_short(step.text)} to",
            "prepend": f"Add {_short(step.text)} at the start of",
            "replace": f"Replace {_short(step.find or '')} with {_short(step.text)} in",
            "replace_regex": f"Replace /{step.find}/ with {_short(step.text)} in",
            "set": f"Overwrite with {_short(step.text)}",
        }[step.mode]
        return f"{verb} {_n(n, 'file', 'files')}: {_what_en(step.select)} (backed up)"
    if op == "delete":
        return f"Delete {_n(n, 'item', 'items')}: {_what_en(step.select)} (backed up)"
    if op in ("move", "copy"):
        keep = ", keeping the folder structure" if getattr(step, "keep_structure", None) else ""
        return (
            f"{op.capitalize()} {_n(n, 'item', 'items')} into {step.to!r}{keep}: {_what_en(transfer_selection(step))}"
        )
    if op == "archive":
        also = " and delete the originals (backed up)" if step.remove_originals else ""
        return f"Make the zip {step.to!r}{also}: {_what_en(step.select)}"
    if op == "extract":
        where = f" into {step.to!r}" if step.to else ""
        return f"Extract {_n(n, 'file', 'files')} from {step.path!r}{where}"
    if op == "rename":
        if step.path is not None:
            return f"Rename {step.path!r} to {step.new_name!r}"
        how = (
            f"change the extension to .{step.set_ext}"
            if step.set_ext
            else f"add the prefix {step.add_prefix!r}"
            if step.add_prefix
            else f"add the suffix {step.add_suffix!r}"
            if step.add_suffix
            else f"{step.case}case the names"
            if getattr(step, "case", None)
            else f"rename by {step.template!r}"
        )
        if getattr(step, "start", None) is not None:
            how += f", numbers from {step.start}"
        return f"Rename {_n(n, 'item', 'items')} ({how}): {_what_en(step.select)}"
    if op == "classify":
        by = {
            "extension": "extension",
            "type": "type",
            "year": "year",
            "month": "month",
            "size": "size",
            "keywords": "keywords",
            "rule_set": f"rule set {step.rule_set!r}" if step.rule_set else "the default rules",
            "topic": "topic (what the text is about)",
        }
        dest = f" under {step.dest!r}" if step.dest else ""
        return f"Sort {_n(n, 'file', 'files')} into folders by {by[step.by]}{dest}: {_what_en(step.select)}"
    if op == "tag":
        verb = "Remove the tags" if step.remove else "Tag"
        return f"{verb} {', '.join(repr(t) for t in step.tags)} on {_n(n, 'item', 'items')}: {_what_en(step.select)}"
    return f"{op} {_n(n, 'item', 'items')}"


# ------------------------------------------------------------------ Chinese


def _what_zh(sel: Any) -> str:
    if sel is None:
        return "所选项目"
    if sel.path is not None:
        return f"“{sel.path}”"
    noun = {"file": "文件", "dir": "文件夹", "any": "项目"}[sel.kind]
    f = sel.filters
    exts = f.ext if f is not None and f.ext else None
    if exts:
        noun = "/".join("." + e for e in exts) + " " + noun
    pattern = f"名称匹配“{sel.pattern}”的" if sel.pattern not in (None, "*") else ""
    where = f"“{sel.in_}”" if sel.in_ not in (None, ".") else "根目录"
    where += "及其子目录中" if every_depth(sel) else "中"
    return f"{where}{_filters_zh(f)}所有{pattern}{noun}{_extras_zh(sel)}"


def _extras_zh(sel: Any) -> str:
    out = []
    if getattr(sel, "exclude", None):
        out.append("除了" + "、".join(f"“{p}”" for p in sel.exclude))
    if getattr(sel, "duplicates", None):
        keep = {
            "oldest": "最早的",
            "newest": "最新的",
            "shortest_path": "路径最短的",
            "in_folder": f"“{sel.keep_in}”中的",
        }[sel.duplicates]
        out.append(f"只取重复的（每组保留{keep}一份）")
    if getattr(sel, "sort", None):
        out.append(
            {
                ("size", True): "从大到小",
                ("size", False): "从小到大",
                ("mtime", True): "从新到旧",
                ("mtime", False): "从旧到新",
                ("name", True): "按名称倒序",
                ("name", False): "按名称",
            }[sel.sort, bool(sel.desc)]
        )
    if getattr(sel, "limit", None):
        out.append(f"前 {sel.limit} 个")
    return ("（" + "，".join(out) + "）") if out else ""


def _filters_zh(f: Any) -> str:
    if f is None:
        return ""
    out = []
    if f.name_regex:
        out.append(f"名称匹配 /{f.name_regex}/")
    if f.larger_than is not None:
        out.append(f"大于 {_size(f.larger_than)}")
    if f.smaller_than is not None:
        out.append(f"小于 {_size(f.smaller_than)}")
    if f.modified_after is not None:
        out.append(f"{f.modified_after} 及以后修改")
    if f.modified_before is not None:
        out.append(f"{f.modified_before} 以前修改")
    if getattr(f, "older_than", None):
        out.append(f"{_age_zh(f.older_than)}以前修改")
    if getattr(f, "newer_than", None):
        out.append(f"最近{_age_zh(f.newer_than)}内修改")
    if getattr(f, "empty", None):
        out.append("空")
    if f.contains:
        out.append(f"内容包含“{f.contains}”")
    if f.tag:
        out.append(f"带标签“{f.tag}”")
    return ("、".join(out) + "的") if out else ""


def _age_zh(age: str) -> str:
    n, unit = parse_age(age)
    return f"{n} {dict(d='天', w='周', m='个月', y='年')[unit]}"


def _k(n: int | None) -> str:
    return "" if n is None else f"{n} 个，"


def _zh_text(text: str, limit: int = 40) -> str:
    text = text.replace("\n", "\\n")
    return "“" + (text if len(text) <= limit else text[: limit - 1] + "…") + "”"


def _ZH(step: Any, n: int | None) -> str:
    op = step.op
    if op == "list":
        return f"列出{_what_zh(step.select)}"
    if op == "read":
        return f"显示{_what_zh(step.select)}的内容"
    if op == "create":
        if step.kind == "dir":
            return f"新建文件夹“{step.path}”"
        return f"新建文件“{step.path}”" + (f"，内容为{_zh_text(step.content)}" if step.content else "（空文件）")
    if op == "update":
        verb = {
            "append": f"在末尾追加{_zh_text(step.text)}",
            "prepend": f"在开头加上{_zh_text(step.text)}",
            "replace": f"把{_zh_text(step.find or '')}替换为{_zh_text(step.text)}",
            "replace_regex": f"把 /{step.find}/ 替换为{_zh_text(step.text)}",
            "set": f"把内容改写为{_zh_text(step.text)}",
        }[step.mode]
        return f"修改{_what_zh(step.select)}：{verb}（{_k(n)}已备份）"
    if op == "delete":
        return f"删除{_what_zh(step.select)}（{_k(n)}已备份）"
    if op in ("move", "copy"):
        verb = "移动" if op == "move" else "复制"
        tail = f"（{n} 个）" if n is not None else ""
        keep = "，保留目录结构" if getattr(step, "keep_structure", None) else ""
        return f"把{_what_zh(transfer_selection(step))}{verb}到“{step.to}”{keep}{tail}"
    if op == "archive":
        also = "，并删除原文件（已备份）" if step.remove_originals else ""
        return f"把{_what_zh(step.select)}打包成“{step.to}”{also}"
    if op == "extract":
        where = f"到“{step.to}”" if step.to else ""
        tail = f"（{n} 个文件）" if n is not None else ""
        return f"解压“{step.path}”{where}{tail}"
    if op == "rename":
        if step.path is not None:
            return f"把“{step.path}”重命名为“{step.new_name}”"
        how = (
            f"扩展名改为 .{step.set_ext}"
            if step.set_ext
            else f"加前缀“{step.add_prefix}”"
            if step.add_prefix
            else f"加后缀“{step.add_suffix}”"
            if step.add_suffix
            else ("改为小写" if step.case == "lower" else "改为大写")
            if getattr(step, "case", None)
            else f"按“{step.template}”命名"
        )
        tail = f"（{n} 个）" if n is not None else ""
        return f"重命名{_what_zh(step.select)}：{how}{tail}"
    if op == "classify":
        by = {
            "extension": "扩展名",
            "type": "类型",
            "year": "年份",
            "month": "月份",
            "size": "大小",
            "keywords": "关键词",
            "rule_set": f"规则集“{step.rule_set}”" if step.rule_set else "默认规则",
            "topic": "主题",
        }
        dest = f"，放到“{step.dest}”下" if step.dest else ""
        tail = f"（{n} 个）" if n is not None else ""
        return f"按{by[step.by]}把{_what_zh(step.select)}分到子文件夹{dest}{tail}"
    if op == "tag":
        verb = "去掉标签" if step.remove else "加上标签"
        tail = f"（{n} 个）" if n is not None else ""
        return f"给{_what_zh(step.select)}{verb}{'、'.join('“' + t + '”' for t in step.tags)}{tail}"
    return op
