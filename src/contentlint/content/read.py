"""Reading content files: bytes in, text or load problems out.

Everything a file can be (empty, binary, huge, not UTF-8, BOM, CRLF) is turned
into either clean ``\\n``-separated text or a :class:`LoadProblem`; nothing here
raises for bad content.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from contentlint.i18n import msg

UTF8_BOM = b"\xef\xbb\xbf"
# A NUL in the first 8 KiB is how git and grep decide a file is binary.
BINARY_SNIFF_BYTES = 8192


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """A problem found while loading a file, before any rule runs."""

    code: str
    message: str
    line: int = 1
    column: int = 1
    hint: str = ""
    loc: tuple[str | int, ...] = ()


@dataclass(slots=True)
class SourceText:
    """A file's decoded text, or the reason there is none."""

    text: str | None
    problems: list[LoadProblem]
    size: int


def display_path(path: Path, root: Path) -> str:
    """Path shown to users: relative to the project root when inside it, POSIX style."""
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = path
    text = rel.as_posix()
    # Non-UTF-8 file names arrive as surrogate escapes; show them, never crash on them.
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def read_source(path: Path, max_bytes: int) -> SourceText:
    """Read and decode one file, reporting instead of raising."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return SourceText(None, [_unreadable(exc)], 0)
    if size > max_bytes:
        return SourceText(None, [_too_large(size, max_bytes)], size)
    try:
        raw = _read_bytes(path)
    except OSError as exc:
        return SourceText(None, [_unreadable(exc)], size)
    return decode_source(raw)


def _read_bytes(path: Path) -> bytes:
    # O_NONBLOCK keeps a FIFO planted in content/ from hanging the run.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)


def decode_source(raw: bytes) -> SourceText:
    """Decode bytes as UTF-8 (BOM allowed) with newlines normalized to ``\\n``."""
    size = len(raw)
    if raw.startswith(UTF8_BOM):
        raw = raw[len(UTF8_BOM):]
    if not raw.strip():
        problem = LoadProblem(
            "CL004",
            msg("file is empty"),
            hint=msg("Add the front matter and body, or delete the file."),
        )
        return SourceText(None, [problem], size)
    nul = raw.find(b"\x00", 0, BINARY_SNIFF_BYTES)
    if nul != -1:
        line, column = _byte_position(raw, nul)
        problem = LoadProblem(
            "CL003",
            msg("file looks binary (NUL byte at offset {offset})", offset=nul),
            line,
            column,
            hint=msg("Content files must be UTF-8 text; remove the file or exclude it in config."),
        )
        return SourceText(None, [problem], size)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        bad = raw[exc.start : exc.start + 4].hex(" ")
        problem = LoadProblem(
            "CL002",
            msg(
                "invalid UTF-8 at byte offset {offset} (bytes {bytes})", offset=exc.start + (size - len(raw)), bytes=bad
            ),
            line,
            column,
            hint=msg("Re-save the file as UTF-8 (for example from Windows-1252 or Latin-1)."),
        )
        return SourceText(None, [problem], size)
    return SourceText(normalize_newlines(text), [], size)


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so line numbers match what editors show."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    line = raw.count(b"\n", 0, offset) + 1
    start = raw.rfind(b"\n", 0, offset) + 1
    # Column in characters: decode what precedes the offset on its line.
    column = len(raw[start:offset].decode("utf-8", "replace")) + 1
    return line, column


def _unreadable(exc: OSError) -> LoadProblem:
    reason = exc.strerror or exc.__class__.__name__
    return LoadProblem(
        "CL001",
        msg("cannot read file: {reason}", reason=reason),
        hint=msg("Check the file's permissions, or exclude it in config."),
    )


def _too_large(size: int, limit: int) -> LoadProblem:
    return LoadProblem(
        "CL005",
        msg("file is {size:,} bytes, over the {limit:,}-byte limit; not checked", size=size, limit=limit),
        hint=msg("Split the guide, or raise max-file-bytes in [tool.contentlint]."),
    )
