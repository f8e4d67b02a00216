"""Random but realistic values for the corpus: folder and file names, extensions, sizes,
dates, text snippets, tags, in English and Chinese (the type-word table is planner/type_words.py).

Names are what the model must copy, never rephrase: they pass through `Ctx.name`
as sentinels, so typos and spacing changes applied to the request never touch them.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

EN_FOLDERS = (
    "downloads",
    "Downloads",
    "docs",
    "Desktop",
    "inbox",
    "archive",
    "old",
    "projects",
    "notes",
    "reports",
    "backup",
    "backups",
    "src",
    "work",
    "tmp",
    "temp",
    "drafts",
    "scans",
    "invoices",
    "receipts",
    "papers",
    "misc",
    "personal",
    "school",
    "homework",
    "clients",
    "assets",
    "screenshots",
    "exports",
    "data",
    "build",
    "website",
    "budget",
    "travel",
    "recipes",
    "taxes",
    "research",
    "uploads",
    "shared",
    "samples",
    "2023-q4",
    "Camera Roll",
    "old stuff",
    "Project Alpha",
    "client files",
    "meeting notes",
    "to sort",
    "family",
    "thesis",
    "release",
    "static",
    "media",
    "letters",
    "bank",
    "contracts",
    "designs",
    "sandbox",
    "cache",
    # everyday folders whose names are also words for a kind of file
    "photos",
    "pics",
    "pictures",
    "Pictures",
    "images",
    "music",
    "Music",
    "videos",
    "documents",
    "Documents",
    "templates",
    "usb",
)
EN_SUBFOLDERS = (
    "2023",
    "2024",
    "2025",
    "final",
    "old",
    "raw",
    "api",
    "images",
    "q1",
    "q2",
    "jan",
    "misc",
    "v2",
    "drafts",
    "scans",
    "done",
    "review",
    "assets",
    "sent",
    "archive",
)
ZH_FOLDERS = (
    "下载",
    "工作",
    "项目",
    "笔记",
    "报告",
    "备份",
    "归档",
    "临时",
    "草稿",
    "发票",
    "合同",
    "旅行",
    "学习资料",
    "课件",
    "截图",
    "素材",
    "财务",
    "个人",
    "杂项",
    "新建文件夹",
    "桌面",
    "收件箱",
    "作业",
    "论文",
    "客户资料",
    "设计稿",
    "会议纪要",
    "家庭",
    "旧文件",
    "待整理",
    "扫描件",
    "相册",
    "数据",
    "周报",
    "简历",
    "图片",
    "音乐",
    "视频",
    "文档",
)
ZH_SUBFOLDERS = ("2023", "2024", "已完成", "旧版", "终稿", "原始", "第一季度", "三月", "待审", "存档")

# File stems by what such a file usually is, with the extensions that go with it.
STEM_GROUPS: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    # (English stems, Chinese stems, extensions)
    (
        (
            "report",
            "notes",
            "todo",
            "summary",
            "letter",
            "contract",
            "thesis",
            "chapter1",
            "chapter_03",
            "draft",
            "draft_v2",
            "resume",
            "cv",
            "README",
            "meeting-notes",
            "proposal",
            "paper",
            "agenda",
            "plan",
            "memo",
            "minutes_0915",
            "changelog",
            "final report",
            "trip plan",
            "shopping list",
            "report-final",
            "notes (1)",
            "lecture5",
        ),
        (
            "简历",
            "会议记录",
            "周报",
            "月报",
            "年终总结",
            "合同",
            "读书笔记",
            "旅行计划",
            "说明",
            "论文初稿",
            "项目计划",
            "待办事项",
            "2024年度报告",
            "产品需求",
            "测试报告",
            "面试题",
            "菜谱",
            "日记",
            "新建文本文档",
            "演讲稿",
        ),
        ("txt", "md", "pdf", "docx", "doc", "txt", "md"),
    ),
    (
        (
            "budget",
            "budget_2024",
            "expenses",
            "sales_q2",
            "results",
            "data",
            "export",
            "Q3 numbers",
            "invoice_0312",
            "invoice-2023-11",
            "contacts",
            "grades",
        ),
        ("发票", "预算表", "报价单", "工资条", "课程表", "通讯录", "账单_三月", "销售数据"),
        ("csv", "xlsx", "json", "csv", "pdf"),
    ),
    (
        (
            "IMG_2041",
            "DSC00123",
            "screenshot_0412",
            "photo_17",
            "logo",
            "poster",
            "scan_001",
            "holiday",
            "avatar",
            "banner",
        ),
        ("照片01", "合照", "截图_0412", "证件照", "海报"),
        ("png", "jpg", "jpeg", "gif", "heic", "png", "jpg"),
    ),
    (
        ("main", "utils", "config", "index", "server", "setup", "app", "test_utils", "settings", "styles"),
        ("配置",),
        ("py", "js", "html", "yaml", "json", "ini", "css", "py"),
    ),
    (
        ("song", "clip", "interview", "podcast_ep3", "voice memo", "intro"),
        ("录音", "会议录像", "歌曲"),
        ("mp3", "wav", "mp4", "mov", "m4a"),
    ),
    (
        ("backup_old", "export", "photos_2023", "site-backup", "release-1.2"),
        ("备份", "资料包"),
        ("zip", "7z", "rar", "tar"),
    ),
    (("server", "app", "setup", "install", "debug", "error"), ("运行日志",), ("log", "tmp", "bak", "log")),
    (("slides", "pitch", "training", "kickoff"), ("培训资料", "演讲稿", "汇报"), ("pptx", "ppt", "pdf")),
)
TEXT_GROUPS = (0, 1, 3, 6)  # stem groups whose files hold text (read, update, create with content)
TEXT_EXTS = ("txt", "md", "csv", "json", "yaml", "py", "js", "html", "ini", "log", "xml", "tex", "css")
# Extensions "change the extension of ... to X" plausibly goes between.
SET_EXT = {
    "txt": ("md", "log", "bak"),
    "md": ("txt",),
    "jpeg": ("jpg",),
    "jpg": ("jpeg",),
    "htm": ("html",),
    "html": ("htm",),
    "yml": ("yaml",),
    "yaml": ("yml",),
    "tmp": ("bak", "old"),
    "bak": ("old", "txt"),
    "log": ("txt", "old"),
    "csv": ("txt", "tsv"),
    "tif": ("tiff",),
    "ini": ("cfg", "conf"),
    "js": ("mjs", "ts"),
    "mov": ("mp4",),
    "jfif": ("jpg",),
    "tiff": ("tif",),
}
FILE_EXTS = tuple(sorted({e for g in STEM_GROUPS for e in g[2]}))
# Extensions a request names as a filter (weighted towards the common ones by repetition).
FILTER_EXTS = (
    "pdf",
    "pdf",
    "txt",
    "txt",
    "md",
    "md",
    "jpg",
    "png",
    "png",
    "docx",
    "csv",
    "log",
    "log",
    "tmp",
    "bak",
    "mp3",
    "mp4",
    "zip",
    "json",
    "py",
    "xlsx",
    "jpeg",
    "gif",
    "html",
    "doc",
    "pptx",
    "mov",
    "wav",
    "heic",
    "svg",
    "epub",
    "rar",
    "js",
    "yaml",
    "ini",
    "xml",
    "tex",
    "odt",
    # rarer ones, once each: a filter copies the extension written, whatever it is
    "pyc",
    "class",
    "swp",
    "iso",
    "dmg",
    "psd",
    "webp",
    "m4a",
    "ogg",
    "mkv",
    "flac",
    "aac",
    "tsv",
    "toml",
    "ipynb",
    "srt",
    "ics",
    "vcf",
    "sqlite",
    "db",
    "jar",
    "apk",
    "dat",
    "cfg",
    "orig",
    "pkl",
    "avi",
    "bmp",
    "tiff",
    "xls",
    "ppt",
    "7z",
)
# Extensions that read naturally in the plural ("the pdfs", "all PNGs").
PLURAL_EXTS = {
    "pdf",
    "png",
    "jpg",
    "jpeg",
    "gif",
    "csv",
    "mp3",
    "mp4",
    "zip",
    "docx",
    "xlsx",
    "pptx",
    "doc",
    "mov",
    "wav",
    "svg",
    "heic",
    "epub",
    "txt",
}

EN_TEXTS = (
    "hello world",
    "buy milk",
    "TODO: call the bank",
    "meeting moved to 3pm",
    "# Notes",
    "version 2.1",
    "see you tomorrow",
    "Remember to back up",
    "done",
    "Draft - do not share",
    "Copyright 2024 Acme Inc.",
    "status: approved",
    "pay rent on Friday",
    "- [ ] review PR",
    "Last updated by Sam",
    "TBD",
    "ok",
    "print('hi')",
    "name,email,phone",
    "Dear team,",
    "note to self: water the plants",
    "v3 final final",
    "confidential",
    "#!/usr/bin/env python3",
    "Thanks for reading!",
    "key: value",
    "lunch at noon",
    '{"debug": true}',
    "x = 1",
    "debug=true",
    "<h1>Home</h1>",
    "SELECT * FROM users;",
    "P.S. see you soon",
)
ZH_TEXTS = (
    "你好，世界",
    "明天开会",
    "记得交报告",
    "买牛奶",
    "项目已完成",
    "待办：整理发票",
    "本周五前提交",
    "会议改到下午三点",
    "仅供内部使用",
    "第一章 引言",
    "已审核",
    "草稿，请勿外传",
    "联系人：王小明",
    "备注：需要复查",
    "祝大家新年快乐",
    "版本 1.2",
    "今天天气不错",
    "下周一出差",
    "预算待确认",
    "print('你好')",
    "标题：周报",
    "端口=8080",
)
REPLACE_PAIRS = (
    ("foo", "bar"),
    ("2023", "2024"),
    ("teh", "the"),
    ("colour", "color"),
    ("http://", "https://"),
    ("v1.0", "v1.1"),
    ("TODO", "DONE"),
    ("localhost", "127.0.0.1"),
    ("draft", "final"),
    ("Alice", "Bob"),
    ("old-domain.com", "new-domain.com"),
    ("Monday", "Tuesday"),
    ("DEBUG", "INFO"),
    ("张三", "李四"),
    ("旧版", "新版"),
    ("草稿", "定稿"),
    ("北京", "上海"),
    ("debug=false", "debug=true"),
    ("port: 80", "port: 8080"),
    ("version 1", "version 2"),
    ("Acme Inc", "Acme Ltd"),
)
REGEX_PAIRS = (
    (r"\d{4}-\d{2}-\d{2}", "DATE"),
    (r"v\d+", "v2"),
    (r"foo(bar)?", "baz"),
    (r"[0-9]+", "N"),
    (r"colou?r", "color"),
    (r"\s+$", ""),
    (r"^#+ ", ""),
    (r"TODO:?", "DONE"),
    (r"[A-Z]{3}-\d+", "TICKET"),
    (r"\bteh\b", "the"),
    (r"\d+\.\d+\.\d+", "1.0.0"),
    (r"https?://\S+", "<link>"),
    (r"第\d+版", "最终版"),
)
NAME_REGEXES = (
    r"^IMG_\d+",
    r"\d{4}",
    r"^draft",
    r"_v\d+$",
    r"^[a-z]+$",
    r"(?i)invoice",
    r"copy\s*\d*",
    r"^\d{8}_",
    r"报告$",
    r"^scan_\d{3}",
    r"\(\d+\)",
)
EN_TAGS = (
    "urgent",
    "work",
    "todo",
    "review",
    "personal",
    "draft",
    "important",
    "2024",
    "q3-report",
    "finance",
    "archive",
    "to read",
    "done",
    "travel",
    "tax",
    "project-x",
    "later",
    "receipts",
    "keep",
    "obsolete",
)
ZH_TAGS = ("重要", "待办", "工作", "个人", "已完成", "紧急", "财务", "待审核", "旅行", "学习", "归档", "稍后阅读")
EN_KEYWORDS = (
    "invoice",
    "contract",
    "meeting",
    "budget",
    "python",
    "recipe",
    "travel",
    "tax",
    "receipt",
    "report",
    "design",
    "marketing",
    "salary",
    "API",
    "docker",
    "lecture",
    "interview",
    "flight",
    "TODO",
    "urgent",
    "Q3",
    "roadmap",
    "bug",
    "holiday",
)
ZH_KEYWORDS = ("发票", "合同", "会议", "预算", "旅行", "报销", "面试", "工资", "设计", "需求", "测试", "课程")
RULE_SETS = ("topics", "work", "finance", "media", "cleanup", "school", "photos", "inbox-rules", "工作", "默认规则")
CATEGORY_EN = (
    "finance",
    "legal",
    "meetings",
    "travel",
    "recipes",
    "work",
    "school",
    "ops",
    "design",
    "taxes",
    "hr",
    "clients",
    "personal",
    "dev",
    "media",
    "reading",
    "receipts",
)
CATEGORY_ZH = ("财务", "法务", "会议", "旅行", "学习", "工作", "生活", "设计", "人事", "开发", "报销")
DEFAULT_EN = ("misc", "other", "rest", "unsorted", "everything-else", "inbox")
DEFAULT_ZH = ("其他", "杂项", "未分类", "其它")
PREFIXES = ("2024_", "old_", "draft-", "IMG_", "backup_", "v2_", "archived-", "final_", "2023-", "归档_", "new_", "x")
RENAME_TEMPLATES = (
    "photo_{n:03}.{ext}",
    "{date}_{name}",
    "trip-{n}.{ext}",
    "{stem}_{date}.{ext}",
    "scan_{n:03}.{ext}",
    "{stem}-v2.{ext}",
    "会议_{n}.{ext}",
    "{date}-{stem}.{ext}",
    "{n:03}_{name}",
    "img{n}.{ext}",
    "{stem}_final.{ext}",
)
SUFFIXES = ("_old", "_backup", "-final", "_v2", "_copy", "_已审", "-2024", "_draft", "_bak", "_done", "-ok", "_1")
# End-of-stem fragments "names ending with X" uses (pattern "*X.*").
NAME_ENDINGS = ("_old", "_final", "-copy", "_v2", "_backup", "(1)", "_draft", "_signed", "副本", "_bak")
NAME_STARTS = (
    "IMG_",
    "draft",
    "scan",
    "report",
    "DSC",
    "2024",
    "tmp",
    "invoice",
    "Screenshot",
    "test_",
    "会议",
    "old",
    "copy of",
)
NAME_PARTS = ("invoice", "draft", "copy", "final", "2023", "backup", "scan", "report", "old", "temp", "合同")
GLOBS = (
    "*.log",
    "*.tmp",
    "IMG_*.jpg",
    "draft-??.txt",
    "*_old.*",
    "report*.pdf",
    "*.bak",
    "~*",
    "*.part",
    "data_20??.csv",
    "*copy*",
    "*.orig",
    "test_*.py",
    "*(1).*",
    "会议*.docx",
    "*.DS_Store",
    "backup-*.zip",
)
OUTSIDE_FILES = (
    "/etc/hosts",
    "/etc/passwd",
    "/etc/shadow",
    "/etc/ssh/sshd_config",
    "/usr/bin/python3",
    "/var/log/syslog",
    "/boot/grub/grub.cfg",
    "~/.ssh/id_rsa",
    "~/.bashrc",
    "/root/.profile",
    "../secrets.txt",
    "../../etc/passwd",
    "../other-project/notes.md",
    "../.env",
    "../config.yaml",
    "/home/alice/.netrc",
    "/etc/fstab",
    "../../private/keys.pem",
    "/Library/Preferences/x.plist",
)
OUTSIDE_DIRS = (
    "/etc",
    "/usr/local/bin",
    "/tmp",
    "/var/log",
    "/home/alice/Documents",
    "~/Desktop",
    "../backup",
    "../..",
    "/System",
    "/usr/lib",
    "~/Downloads",
    "../shared",
    "/root",
    "/opt",
    "..",
    "..",
)
PARENT_EN = ("the parent folder", "the parent directory", "the folder above this one", "one level up")
PARENT_ZH = ("上一级目录", "上级目录", "父目录", "上一层文件夹")

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SIZE_NUMBERS = (1, 2, 3, 5, 8, 10, 15, 20, 25, 50, 64, 100, 200, 250, 500, 700)
UNIT_BYTES = {"KB": 1024, "MB": 1024**2, "GB": 1024**3, "B": 1}

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_SENT = re.compile(r"\x01(\d+)\x02")

QUOTES_EN = ((None, None), ("'", "'"), ('"', '"'), ("`", "`"), ("\u201c", "\u201d"))
QUOTES_EN_W = (48, 18, 24, 4, 6)
QUOTES_ZH = ((None, None), ("\u201c", "\u201d"), ("\u300c", "\u300d"), ('"', '"'), ("'", "'"))
QUOTES_ZH_W = (45, 28, 10, 14, 3)


def is_cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))


@dataclass
class Ctx:
    """One example's random state: language, quote style, and the names it has placed.

    `name(value)` returns a sentinel standing for the (maybe quoted) value; `finish`
    turns the request skeleton into text. `outside` asks the next path-producing
    call to name something outside the sandbox root.
    """

    rng: random.Random
    lang: str  # "en" | "zh" | "mix"
    outside: bool = False
    values: list = field(default_factory=list)  # (value, surface, force_quote)
    free: set = field(default_factory=set)  # indexes of free texts (content, find/replace strings)

    def __post_init__(self) -> None:
        zh = self.lang != "en"
        self.quote = self.rng.choices(QUOTES_ZH if zh else QUOTES_EN, QUOTES_ZH_W if zh else QUOTES_EN_W)[0]

    # --------------------------------------------------------- placing values
    def name(self, value: str, surface: str | None = None, quote: bool = False) -> str:
        self.values.append((value, surface, quote))
        return f"\x01{len(self.values) - 1}\x02"

    def text(self, value: str) -> str:
        """Free text (content, find/replace strings): quoted unless it is one plain word."""
        plain = re.fullmatch(r"[A-Za-z0-9_\-.]+|[\u4e00-\u9fff]+", value) is not None
        self.free.add(len(self.values))
        return self.name(value, quote=not plain or self.rng.random() < 0.6)

    def rendered(self, i: int) -> str:
        value, surface, force = self.values[i]
        if surface is not None:
            return surface
        left, right = self.quote
        needs = force or " " in value or value == "" or value.endswith((".", ",", "?"))
        if left is None and needs:
            left, right = ("\u201c", "\u201d") if self.lang != "en" else ('"', '"')
        if left and (left in value or right in value):
            left, right = ("\u300c", "\u300d") if self.lang != "en" else ("\u201c", "\u201d")
        return f"{left}{value}{right}" if left else value

    # --------------------------------------------------------------- picking
    def pick(self, seq):
        return self.rng.choice(seq)

    def folder(self, nested: float = 0.2) -> str:
        if self.outside:
            self.outside = False
            return self.pick(OUTSIDE_DIRS)
        zh = self.lang != "en" and self.rng.random() < 0.55
        base = self.pick(ZH_FOLDERS if zh else EN_FOLDERS)
        if self.rng.random() < nested:
            base += "/" + self.pick(ZH_SUBFOLDERS if zh and self.rng.random() < 0.6 else EN_SUBFOLDERS)
        return base

    def stem(self, group: int | None = None) -> str:
        g = STEM_GROUPS[self.rng.randrange(len(STEM_GROUPS)) if group is None else group]
        zh = self.lang != "en" and self.rng.random() < 0.5
        return self.pick(g[1] if zh else g[0])

    def ext(self, text: bool = False) -> str:
        return self.pick(TEXT_EXTS if text else FILTER_EXTS)

    def filename(self, text: bool = False) -> str:
        """A plausible file name: stem and extension of the same kind; text=True: a text file."""
        g = self.pick(TEXT_GROUPS) if text else self.rng.randrange(len(STEM_GROUPS))
        exts = STEM_GROUPS[g][2]
        if text:
            exts = tuple(e for e in exts if e in TEXT_EXTS)
        return f"{self.stem(g)}.{self.pick(exts)}"

    def fresh_file(self, text: bool = False) -> tuple[str, str]:
        """(folder or "", file name): a file, sometimes in a folder."""
        if self.outside:
            self.outside = False
            p = self.pick(OUTSIDE_FILES)
            return "", p
        folder = self.folder() if self.rng.random() < 0.35 else ""
        return folder, self.filename(text)

    def tag(self) -> str:
        zh = self.lang != "en" and self.rng.random() < 0.6
        return self.pick(ZH_TAGS if zh else EN_TAGS)

    def keyword(self) -> str:
        zh = self.lang != "en" and self.rng.random() < 0.5
        return self.pick(ZH_KEYWORDS if zh else EN_KEYWORDS)

    def category(self) -> str:
        zh = self.lang != "en" and self.rng.random() < 0.5
        return self.pick(CATEGORY_ZH if zh else CATEGORY_EN)

    def default_folder(self) -> str:
        zh = self.lang != "en" and self.rng.random() < 0.5
        return self.pick(DEFAULT_ZH if zh else DEFAULT_EN)

    def content(self) -> str:
        zh = self.lang != "en" and self.rng.random() < 0.7
        return self.pick(ZH_TEXTS if zh else EN_TEXTS)

    def size(self) -> tuple[int, str, str]:
        """(bytes, number text, unit key)."""
        unit = self.rng.choices(("KB", "MB", "GB", "B"), (30, 50, 12, 8))[0]
        n = self.pick(SIZE_NUMBERS)
        if unit == "GB":
            n = self.pick((1, 2, 3, 4, 5, 10))
        if unit == "B":
            n = self.pick((0, 10, 100, 500, 1000, 4000))
        return n * UNIT_BYTES[unit], str(n), unit

    def date(self) -> tuple[int, int, int]:
        return self.rng.randint(2018, 2026), self.rng.randint(1, 12), self.rng.randint(1, 28)

    # -------------------------------------------------------------- finishing
    def _cjk_name_edge(self, i: int, pos: int) -> bool:
        """Keep the space next to an unquoted name that starts/ends with a CJK character,
        so the name's edge stays visible ("把 报告 移到" not "把报告移到")."""
        if self.values[i][1] is not None:  # a fixed surface (size, date, type word): no name edge
            return False
        s = self.rendered(i)
        return bool(s) and is_cjk(s[pos])

    def _bare_last_text(self, idx: list[int], tail: str) -> int | None:
        """The index of a free text that ends the request, to be written without quotes even with
        spaces in it ("... with the text buy milk and eggs"), as people type: it can only run to
        the end. Only in a request whose quote style is none, and only for some of them."""
        if not idx or idx[-1] not in self.free or self.quote[0] is not None or tail.strip() not in _ENDS:
            return None
        value = self.values[idx[-1]][0]
        if not value.strip() or value != value.strip() or value[-1] in _PUNCT or set(value) & _QUOTE_CHARS:
            return None
        return idx[-1] if self.rng.random() < BARE_TEXT_P else None

    def finish(self, skeleton: str, *, tighten: bool = False, typo: bool = False) -> str:
        parts = _SENT.split(skeleton)  # literal, index, literal, index, ...
        lits = parts[0::2]
        idx = [int(i) for i in parts[1::2]]
        if typo:
            lits = _typo(self.rng, lits)
        if tighten:
            for k, lit in enumerate(lits):
                prev_cjk = k > 0 and self._cjk_name_edge(idx[k - 1], -1)
                next_cjk = k < len(idx) and self._cjk_name_edge(idx[k], 0)
                new = re.sub(
                    r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) +| +(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])",
                    "",
                    lit,
                )
                if prev_cjk and lit.startswith(" ") and not new.startswith(" "):
                    new = " " + new
                if next_cjk and lit.endswith(" ") and not new.endswith(" "):
                    new = new + " "
                lits[k] = new
        bare = self._bare_last_text(idx, lits[-1])
        out = [lits[0]]
        for k, i in enumerate(idx):
            out.append(self.values[i][0] if i == bare else self.rendered(i))
            out.append(lits[k + 1])
        text = "".join(out)
        return re.sub(r" {2,}", " ", text).strip()


BARE_TEXT_P = 0.6  # free texts ending a request with no quote style: written bare
_ENDS = ("", ".", "。", "!", "！")
_PUNCT = set(".,;:?!。，；：？！、")
_QUOTE_CHARS = set("\"'`\u201c\u201d\u2018\u2019\u300c\u300d")


_TYPO_SKIP = set(m.lower() for m in MONTHS) | {
    # number words: a count must be written as the request's number (values_v2)
    "four",
    "five",
    "seven",
    "eight",
    "nine",
    "three",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "bytes",
    "megabytes",
    "kilobytes",
    "gigabytes",
    "regex",
    "expression",
    "regular",
}
_KEYS = "qwertyuiopasdfghjklzxcvbnm"


def _typo(rng: random.Random, lits: list[str]) -> list[str]:
    """One typo in one common word of the request's own wording (never in a name)."""
    spots = [
        (k, m) for k, lit in enumerate(lits) for m in re.finditer(r"[a-z]{4,}", lit) if m.group(0) not in _TYPO_SKIP
    ]
    if not spots:
        return lits
    k, m = rng.choice(spots)
    w = m.group(0)
    i = rng.randrange(1, len(w) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        new = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    elif kind == 1:
        new = w[:i] + w[i + 1 :]
    elif kind == 2:
        new = w[:i] + w[i] + w[i:]
    else:
        new = w[:i] + rng.choice(_KEYS) + w[i + 1 :]
    lits = list(lits)
    lits[k] = lits[k][: m.start()] + new + lits[k][m.end() :]
    return lits
