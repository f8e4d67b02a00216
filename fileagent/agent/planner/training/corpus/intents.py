"""Intent samplers: for one template, draw the values, fill the slots, build the plan steps.

Each sampler takes (ctx, L, tpl) where L is the language module (en or zh) and
returns (slots, steps). The steps are plain dicts in the Plan model's shape; the
plan text is always rendered from them, never written by hand.
"""

from __future__ import annotations

import re

from fileagent.agent.planner.training.corpus import capabilities as J
from fileagent.agent.planner.training.corpus import items as I
from fileagent.agent.planner.training.corpus import names as N
from fileagent.agent.planner.training.corpus.capabilities import slots_of
from fileagent.agent.planner.training.corpus.names import Ctx

# "put X in Y": a selection without a folder of its own would read as "X in Y"
_IN_DEST = re.compile(r"\{(sel|grp)\} (in|into|inside) \{")
# shell-like requests ("mv a.txt old") name items by their bare path
_SHELL = re.compile(r"^[!~]?(ls|cat|mv|cp|touch|mkdir|rm) ")


def _select(ctx: Ctx, L, tpl: str, kinds=None, one_p: float = 0.45, text: bool = False) -> tuple[dict, dict]:
    """Fill whichever selection slot the template has: one/item/dir/grp/sel.
    text=True: the items are text files (read, update)."""
    s = slots_of(tpl)
    bare = not _IN_DEST.search(tpl)
    plain = bool(_SHELL.match(tpl))
    file_kinds = ("file",)
    kinds = kinds or ("file",) * 8 + ("dir", "any")
    if "one" in s:
        t, sel = L.one(ctx, "file", text=text, plain=plain)
        return {"one": t}, sel
    if "dir" in s:
        t, sel = L.one(ctx, "dir", plain=plain)
        return {"dir": t}, sel
    if "item" in s:
        t, sel = L.one(ctx, "dir" if ctx.rng.random() < 0.2 else "file", plain=plain)
        return {"item": t}, sel
    if "grp" in s:
        t, sel = L.group(ctx, kinds, text=text, bare=bare)
        return {"grp": t}, sel
    if plain or ctx.rng.random() < one_p:
        t, sel = L.one(ctx, "file" if kinds == file_kinds or ctx.rng.random() < 0.85 else "dir", text=text, plain=plain)
    else:
        t, sel = L.group(ctx, kinds, text=text, bare=bare)
    return {"sel": t}, sel


FILES = ("file",)


def s_list_dir(ctx, L, tpl):
    slots, sel = _select(ctx, L, tpl)
    return slots, [{"op": "list", "select": sel}]


def s_list_grp(ctx, L, tpl):
    while True:
        slots, sel = _select(ctx, L, tpl)
        if set(sel) != {"in"}:  # "list the files in X" is list path="X" (list_dir), not in="X"
            return slots, [{"op": "list", "select": sel}]


def s_read(ctx, L, tpl):
    slots, sel = _select(ctx, L, tpl, kinds=FILES, text=True)
    return slots, [{"op": "read", "select": sel}]


def s_create_file(ctx, L, tpl):
    p, path = L.new_path(ctx, "file", text=True, plain=bool(_SHELL.match(tpl)))
    c = ctx.content()
    return {"path": p, "text": ctx.text(c)}, [{"op": "create", "path": path, "content": c}]


def s_create_empty(ctx, L, tpl):
    p, path = L.new_path(ctx, "file", plain=bool(_SHELL.match(tpl)))
    return {"path": p}, [{"op": "create", "path": path}]


def s_create_dir(ctx, L, tpl):
    p, path = L.new_path(ctx, "dir", plain=bool(_SHELL.match(tpl)))
    return {"dpath": p}, [{"op": "create", "path": path, "kind": "dir"}]


def _update(mode):
    def sampler(ctx, L, tpl):
        slots, sel = _select(ctx, L, tpl, kinds=FILES, one_p=0.7, text=True)
        step = {"op": "update", "select": sel, "mode": mode}
        if mode == "replace":
            find, text = ctx.pick(N.REPLACE_PAIRS)
        elif mode == "replace_regex":
            find, text = ctx.pick(N.REGEX_PAIRS)
        else:
            find, text = None, ctx.content()
        if find is not None:
            step["find"] = find
            slots["find"] = ctx.name(find, quote=True) if mode == "replace_regex" else ctx.text(find)
        step["text"] = text
        slots["text"] = ctx.text(text)
        return slots, [step]

    return sampler


def _sel_op(op):
    def sampler(ctx, L, tpl):
        slots, sel = _select(ctx, L, tpl)
        step = {"op": op, "select": sel}
        if op in ("move", "copy"):
            source = sel.get("path") or sel.get("in") or "."
            while True:
                if "dstn" in slots_of(tpl):  # "mv X DEST": a bare folder name
                    step["to"] = ctx.folder(nested=0.3)
                    slots["dstn"] = ctx.name(step["to"])
                else:
                    slots["dst"], step["to"] = L.dest(ctx)
                if step["to"] != source and not source.startswith(step["to"] + "/"):
                    break
        if "path" not in sel and "_suffix" not in slots and "exclude" not in sel:
            # version-2 phrases: a recursive move that keeps its folders, an exclusion
            r = ctx.rng.random()
            if op in ("move", "copy") and sel.get("recursive") and r < 0.25:
                step["keep_structure"] = True
                slots["_suffix"] = J.keep_structure_phrase(ctx, L)
            elif ctx.rng.random() < 0.08:
                slots["_suffix"] = J.exclusion(ctx, L, sel)
        return slots, [step]

    return sampler


def s_rename_one(ctx, L, tpl):
    slots, sel = _select(ctx, L, tpl)
    path = sel["path"]
    folder, _, old = path.rpartition("/")
    if "." in old and not old.startswith("."):
        ext = old.rsplit(".", 1)[1]
        new = f"{ctx.stem()}.{ext if ctx.rng.random() < 0.8 else ctx.pick(N.FILE_EXTS)}"
    else:
        new = ctx.folder(nested=0)
    if ctx.rng.random() < 0.08:
        # a case-only rename ("Sales.CSV" -> "sales.csv"): the new name is the old one retyped
        new = old.lower() if old != old.lower() else old[:1].upper() + old[1:]
    if new == old:
        new = "new_" + old
    if folder and not folder.startswith(("/", "~", ".")) and ctx.rng.random() < 0.3:
        slots["new"] = ctx.name(f"{folder}/{new}")  # "rename docs/a.md to docs/b.md"
    else:
        slots["new"] = ctx.name(new)
    return slots, [{"op": "rename", "path": path, "new_name": new}]


def _batch_rename(field):
    def sampler(ctx, L, tpl):
        if field == "set_ext":
            old = ctx.pick(tuple(N.SET_EXT)) if ctx.rng.random() < 0.85 else None
            t, sel = L.group(ctx, FILES, ext=old)
            slots = {"grp": t}
            had = (sel.get("filters") or {}).get("ext") or ()
            e = ctx.pick(N.SET_EXT[old] if old else [x for x in ("txt", "md", "bak", "old") if x not in had])
        else:
            slots, sel = _select(ctx, L, tpl, kinds=FILES)
        step = {"op": "rename", "select": sel}
        if field == "set_ext":
            step["set_ext"] = e
            slots["ext2"] = ctx.name(e, e.upper() if ctx.rng.random() < 0.15 else e)
        elif field == "template":
            step["template"] = v = ctx.pick(N.RENAME_TEMPLATES)
            slots["tpl"] = ctx.name(v, quote=True)
        elif field == "add_prefix":
            step["add_prefix"] = v = ctx.pick(N.PREFIXES)
            slots["pre"] = ctx.name(v)
        else:
            step["add_suffix"] = v = ctx.pick(N.SUFFIXES)
            slots["suf"] = ctx.name(v)
        return slots, [step]

    return sampler


def _classify(by):
    def sampler(ctx, L, tpl):
        slots, sel = J.folder_or_group(ctx, L, tpl, filters_p=0.3)
        step = {"op": "classify", "select": sel}
        if by not in ("default", "rule_set"):
            step["by"] = by
        if by == "keywords":
            rules, used = [], set()
            for _ in range(ctx.rng.choice((1, 2, 2, 3))):
                kws = []
                for _ in range(ctx.rng.choice((1, 1, 1, 2))):
                    k = ctx.keyword()
                    if k not in used:
                        used.add(k)
                        kws.append(k)
                folder = ctx.category()
                if kws and folder not in {r[1] for r in rules}:
                    rules.append((kws, folder))
            default = ctx.default_folder() if ctx.rng.random() < 0.7 else None
            step["rules"] = [{"keywords": k, "folder": f} for k, f in rules]
            if default is not None:
                step["default"] = default
            slots["rules"] = L.rules_phrase(ctx, rules, default)
        if by == "rule_set":
            step["by"] = "rule_set"
            step["rule_set"] = v = ctx.pick(N.RULE_SETS)
            slots["rs"] = ctx.name(v)
        if by != "keywords" and ctx.rng.random() < 0.12:
            d = ctx.folder()
            step["dest"] = d
            slots["_suffix"] = ctx.pick(L.CLASSIFY_DEST).format(d=L.folder_ref(ctx, d))
        return slots, [step]

    return sampler


def _tag(remove):
    def sampler(ctx, L, tpl):
        slots, sel = _select(ctx, L, tpl)
        tags = [ctx.tag()]
        if ctx.rng.random() < 0.2:
            t = ctx.tag()
            if t not in tags:
                tags.append(t)
        slots["tags"] = L.tags_phrase(ctx, tags)
        step = {"op": "tag", "select": sel, "tags": tags}
        if remove:
            step["remove"] = True
        return slots, [step]

    return sampler


# ------------------------------------------------------- multi-step with a pronoun


def s_seq_mkdir(op):
    def sampler(ctx, L, tpl):
        t, sel = L.group(ctx, FILES)
        d = ctx.folder(nested=0.2)
        while d == sel.get("in"):  # "make src, then move the files in src into it" asks nothing
            d = ctx.folder(nested=0.2)
        return (
            {"D": ctx.name(d), "grp": t},
            [{"op": "create", "path": d, "kind": "dir"}, {"op": op, "select": sel, "to": d}],
        )

    return sampler


def s_seq_rename_move(ctx, L, tpl):
    old = ctx.filename()
    new = f"{ctx.stem()}.{old.rsplit('.', 1)[1]}"  # may be any stem: people do rename photo.jpg to trip.jpg
    if new == old:
        new = "new_" + old
    dst_t, dst = L.dest(ctx)
    return (
        {"B": ctx.name(old), "new": ctx.name(new), "dst": dst_t},
        [{"op": "rename", "path": old, "new_name": new}, {"op": "move", "select": {"path": new}, "to": dst}],
    )


def s_seq_create_tag(ctx, L, tpl):
    p, path = L.new_path(ctx, "file", text=True)
    c = ctx.content()
    tags = [ctx.tag()]
    return (
        {"path": p, "text": ctx.text(c), "tags": L.tags_phrase(ctx, tags)},
        [{"op": "create", "path": path, "content": c}, {"op": "tag", "select": {"path": path}, "tags": tags}],
    )


def s_seq_read_delete(ctx, L, tpl):
    t, sel = L.one(ctx, "file", text=True)
    return {"one": t}, [{"op": "read", "select": sel}, {"op": "delete", "select": sel}]


def s_seq_backup_set(ctx, L, tpl):
    t, sel = L.one(ctx, "file", text=True)
    dst_t, dst = L.dest(ctx)
    parent = sel["path"].rsplit("/", 1)[0] if "/" in sel["path"] else "."
    while dst == parent:  # a backup copy goes to another folder
        dst_t, dst = L.dest(ctx)
    c = ctx.content()
    return (
        {"one": t, "dst": dst_t, "text": ctx.text(c)},
        [{"op": "copy", "select": sel, "to": dst}, {"op": "update", "select": sel, "mode": "set", "text": c}],
    )


def s_seq_list_delete(ctx, L, tpl):
    t, sel = L.one(ctx, "dir")
    e = ctx.ext()
    return (
        {"dir": t, "e": L.ext_word(ctx, e)},
        [{"op": "list", "select": sel}, {"op": "delete", "select": {"in": sel["path"], "filters": {"ext": [e]}}}],
    )


SAMPLERS = {
    "list_dir": s_list_dir,
    "list_grp": s_list_grp,
    "read_one": s_read,
    "read_grp": s_read,
    "create_file": s_create_file,
    "create_empty": s_create_empty,
    "create_dir": s_create_dir,
    "append": _update("append"),
    "prepend": _update("prepend"),
    "replace": _update("replace"),
    "replace_regex": _update("replace_regex"),
    "set": _update("set"),
    "delete": _sel_op("delete"),
    "move": _sel_op("move"),
    "copy": _sel_op("copy"),
    "rename_one": s_rename_one,
    "rename_ext": _batch_rename("set_ext"),
    "rename_prefix": _batch_rename("add_prefix"),
    "rename_suffix": _batch_rename("add_suffix"),
    "rename_template": _batch_rename("template"),
    "classify_ext": _classify("extension"),
    "classify_type": _classify("type"),
    "classify_year": _classify("year"),
    "classify_month": _classify("month"),
    "classify_size": _classify("size"),
    "classify_keywords": _classify("keywords"),
    "classify_default": _classify("default"),
    "classify_ruleset": _classify("rule_set"),
    "tag_add": _tag(False),
    "tag_remove": _tag(True),
    "seq_mkdir_move": s_seq_mkdir("move"),
    "seq_mkdir_copy": s_seq_mkdir("copy"),
    "seq_rename_move": s_seq_rename_move,
    "seq_create_tag": s_seq_create_tag,
    "seq_read_delete": s_seq_read_delete,
    "seq_backup_set": s_seq_backup_set,
    "seq_list_delete": s_seq_list_delete,
}
# Relative weight of each single-step intent in the corpus (multi-step and outside are added on top).
WEIGHTS = {
    "list_dir": 2.0,
    "list_grp": 2.0,
    "read_one": 2.0,
    "read_grp": 0.5,
    "create_file": 1.4,
    "create_empty": 0.8,
    "create_dir": 1.2,
    "append": 1.3,
    "prepend": 0.8,
    "replace": 1.2,
    "replace_regex": 0.7,
    "set": 1.0,
    "delete": 2.6,
    "move": 3.2,
    "copy": 2.4,
    "rename_one": 1.6,
    "rename_ext": 0.8,
    "rename_prefix": 0.7,
    "rename_suffix": 0.7,
    "rename_template": 0.4,
    "classify_ext": 0.8,
    "classify_type": 0.7,
    "classify_year": 0.6,
    "classify_month": 0.5,
    "classify_size": 0.5,
    "classify_keywords": 1.2,
    "classify_default": 1.1,
    "classify_ruleset": 0.5,
    "tag_add": 1.4,
    "tag_remove": 0.8,
}
SAMPLERS.update(J.SAMPLERS)
WEIGHTS.update(J.WEIGHTS)
SAMPLERS.update(I.SAMPLERS)
WEIGHTS.update(I.WEIGHTS)
SEQ_INTENTS = tuple(k for k in SAMPLERS if k.startswith("seq_"))
# Intents whose first path may be swapped for one outside the root.
OUTSIDE_INTENTS = (
    "read_one",
    "delete",
    "move",
    "copy",
    "list_dir",
    "create_file",
    "create_dir",
    "append",
    "set",
    "rename_one",
    "tag_add",
    "list_grp",
)
