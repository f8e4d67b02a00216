"""Type words and the extension lists they stand for: what the corpus writes for "images" or "图片",
and what the planner's grounding check accepts as an extension list the request did not spell out."""

from __future__ import annotations

# Type words -> the extension list a request with that word selects, in this fixed order.
# (One table for both languages so "images" and "图片" give the same plan.)
TYPE_EXTS: dict[str, tuple[str, ...]] = {
    "images": ("jpg", "jpeg", "png", "gif"),
    "documents": ("pdf", "doc", "docx"),
    "word": ("doc", "docx"),
    "spreadsheets": ("xls", "xlsx"),
    "presentations": ("ppt", "pptx"),
    "text": ("txt",),
    "markdown": ("md",),
    "python": ("py",),
    "videos": ("mp4", "mov", "mkv"),
    "audio": ("mp3", "wav", "flac"),
    "archives": ("zip", "rar", "7z"),
    "logs": ("log",),
}
# (plural, singular) English nouns per type; Chinese nouns (no number).
TYPE_WORDS_EN: dict[str, tuple[tuple[str, str], ...]] = {
    "images": (("images", "image"), ("pictures", "picture"), ("photos", "photo"), ("pics", "pic")),
    "documents": (("documents", "document"),),
    "word": (("word documents", "word document"), ("Word files", "Word file"), ("Word docs", "Word doc")),
    "spreadsheets": (("spreadsheets", "spreadsheet"), ("excel files", "excel file"), ("Excel sheets", "Excel sheet")),
    "presentations": (("presentations", "presentation"), ("slide decks", "slide deck"), ("PowerPoints", "PowerPoint")),
    "text": (("text files", "text file"), ("plain text files", "plain text file")),
    "markdown": (("markdown files", "markdown file"), ("Markdown notes", "Markdown note")),
    "python": (("python files", "python file"), ("Python scripts", "Python script")),
    "videos": (("videos", "video"), ("movies", "movie"), ("video files", "video file")),
    "audio": (("music files", "music file"), ("songs", "song"), ("audio files", "audio file")),
    "archives": (("archives", "archive"), ("compressed files", "compressed file")),
    "logs": (("log files", "log file"),),
}
TYPE_WORDS_ZH: dict[str, tuple[str, ...]] = {
    "images": ("图片", "照片", "相片"),
    "documents": ("文档",),
    "word": ("word 文档", "Word 文件"),
    "spreadsheets": ("表格", "excel 表格", "Excel 文件"),
    "presentations": ("演示文稿", "幻灯片", "PPT"),
    "text": ("文本文件", "纯文本文件"),
    "markdown": ("markdown 文件", "Markdown 笔记"),
    "python": ("python 文件", "Python 脚本"),
    "videos": ("视频", "视频文件", "影片"),
    "audio": ("音乐", "歌曲", "音频文件"),
    "archives": ("压缩包", "压缩文件"),
    "logs": ("日志文件", "日志"),
}
