"""File type families by extension: used by classify by=type and by the planner corpus
("images" -> png, jpg, ...). One table, so the planner and the engine agree."""

from __future__ import annotations

TYPE_EXTS: dict[str, tuple[str, ...]] = {
    "documents": ("pdf", "doc", "docx", "odt", "rtf", "txt", "md", "tex", "epub", "pages"),
    "spreadsheets": ("xls", "xlsx", "ods", "numbers"),
    "presentations": ("ppt", "pptx", "odp", "key"),
    "images": ("png", "jpg", "jpeg", "gif", "bmp", "webp", "svg", "tif", "tiff", "heic", "ico"),
    "audio": ("mp3", "wav", "flac", "aac", "ogg", "m4a", "wma"),
    "video": ("mp4", "mkv", "mov", "avi", "webm", "wmv", "flv"),
    "archives": ("zip", "tar", "gz", "tgz", "bz2", "xz", "7z", "rar"),
    "code": (
        "py",
        "js",
        "ts",
        "java",
        "c",
        "h",
        "cpp",
        "hpp",
        "go",
        "rs",
        "rb",
        "php",
        "cs",
        "swift",
        "kt",
        "html",
        "htm",
        "css",
        "sql",
    ),
    "data": ("csv", "tsv", "json", "xml", "yaml", "yml", "toml", "parquet", "sqlite", "db"),
}
OTHER = "other"
_BY_EXT = {e: family for family, exts in TYPE_EXTS.items() for e in exts}


def family_of(ext: str) -> str:
    """'PDF' -> 'documents'; unknown or empty -> 'other'."""
    return _BY_EXT.get(ext.lower().lstrip("."), OTHER)
