"""Example requests: the gallery `fileagent examples` prints, and the two or three a refusal offers,
picked as the ones closest to the user's words (shared words and Chinese character pairs)."""

from __future__ import annotations

import re

GALLERY: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("list the pdf files in downloads", "list"),
        ("show me what is in notes/todo.txt", "read"),
        ("create a folder called reports", "create"),
        ("create notes/ideas.md containing '# Ideas'", "create"),
        ("append 'call the bank' to todo.txt", "update"),
        ("replace 'colour' with 'color' in every md file in docs", "update"),
        ("delete all .tmp files in downloads", "delete"),
        ("move the png files in downloads to pictures", "move"),
        ("copy report.docx to backup", "copy"),
        ("rename draft.md to final.md", "rename"),
        ("change the .htm files in site to .html", "rename"),
        ("sort the files in downloads into folders by type", "classify"),
        ("classify docs md files", "classify"),
        ("tag notes/plan.md with urgent", "tag"),
    ),
    "zh": (
        ("列出 downloads 里的 pdf 文件", "list"),
        ("看看 notes/todo.txt 的内容", "read"),
        ("新建一个叫 reports 的文件夹", "create"),
        ("在 todo.txt 末尾加上“给银行打电话”", "update"),
        ("删除 downloads 里所有的 tmp 文件", "delete"),
        ("把 downloads 里的所有 pdf 移动到 docs/papers", "move"),
        ("把 report.docx 复制到 backup", "copy"),
        ("把 draft.md 重命名为 final.md", "rename"),
        ("把 downloads 里的文件按类型分类", "classify"),
        ("给 notes/plan.md 加上标签 urgent", "tag"),
    ),
}


def _units(text: str) -> set[str]:
    text = text.lower()
    units = set(re.findall(r"[a-z0-9]+", text))
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        units |= {run[i : i + 2] for i in range(len(run) - 1)} | set(run)
    return units


def closest(request: str, lang: str, k: int = 3) -> list[str]:
    """The k gallery requests of `lang` sharing the most words with `request` (ties: gallery order)."""
    mine = _units(request)
    pool = GALLERY.get(lang, GALLERY["en"])
    ranked = sorted(range(len(pool)), key=lambda i: (-len(mine & _units(pool[i][0])), i))
    picked, ops = [], set()
    for i in ranked:  # one example per op: three different things it can do
        text, op = pool[i]
        if op not in ops:
            picked.append(text)
            ops.add(op)
        if len(picked) == k:
            break
    return picked
