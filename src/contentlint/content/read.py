"""Reading content files: bytes in, text or load problems out.

Everything a file can be (empty, binary, huge, not UTF-8, BOM, CRLF) is turned
into either clean ``\\n``-separated text or a :class:`LoadProblem`; nothing here
raises for bad content.

This is also the read half of the safe file layer (the write half is
:mod:`contentlint.fileio`): every read of content, sync marks, caches and
baselines goes through :func:`read_bytes_safely`, which opens without blocking
(O_NONBLOCK, so a FIFO cannot hang a run), reads regular files only (a device
such as ``/dev/zero`` is refused after ``fstat``), never more than a size cap,
and, given the project root, never through a symbolic link out of the project.
"""

from __future__ import annotations

import errno
import os
import stat
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


class UnsafeFileError(OSError):
    """A path the safe file layer refuses to read: outside the project, a symbolic
    link out of it, or not a regular file (a FIFO, a device, a folder)."""


class FileTooLargeError(OSError):
    """A file over the byte limit of what is being read."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size:,} bytes, over the {limit:,}-byte limit")
        self.size = size
        self.limit = limit


# Sync marks, cache files and baselines the tool writes itself stay far below this.
STATE_FILE_MAX_BYTES = 64 * 1024 * 1024


def is_inside(path: str | Path, root: str | Path) -> bool:
    """``path`` is ``root`` or below it, compared lexically (both made absolute and normalised)."""
    path_abs = os.path.normpath(os.path.abspath(path))
    root_abs = os.path.normpath(os.path.abspath(root))
    return path_abs == root_abs or path_abs.startswith(root_abs.rstrip(os.sep) + os.sep)


def check_contained(path: Path, root: Path | None) -> None:
    """Raise :class:`UnsafeFileError` unless ``path``, lexically and with every
    symbolic link resolved, is inside ``root`` (no check when ``root`` is None)."""
    if root is None:
        return
    if not is_inside(path, root):
        raise UnsafeFileError("outside the project")
    if not is_inside(os.path.realpath(path), os.path.realpath(root)):
        raise UnsafeFileError("symbolic link points outside the project; not read")


def read_bytes_safely(path: Path, max_bytes: int, root: Path | None = None, *, follow: bool = True) -> bytes:
    """The bytes of a regular file, read without ever blocking or reading unbounded.

    ``root``: the path (symbolic links resolved) must stay inside it. ``follow``:
    False refuses a symbolic link as the last component. A FIFO, a device or a
    folder raises :class:`UnsafeFileError` without being read (it is opened with
    O_NONBLOCK, so a FIFO cannot hang the run); a file over ``max_bytes``
    raises :class:`FileTooLargeError`. Every error is an OSError.
    """
    check_contained(path, root)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if not follow and exc.errno == errno.ELOOP:
            raise UnsafeFileError("a symbolic link; not read") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFileError("not a regular file; not read")
        if info.st_size > max_bytes:
            raise FileTooLargeError(info.st_size, max_bytes)
        chunks = []
        remaining = max_bytes + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > max_bytes:  # the file grew while it was read
            raise FileTooLargeError(len(data), max_bytes)
        return data
    finally:
        os.close(fd)


def read_text_safely(path: Path, max_bytes: int = STATE_FILE_MAX_BYTES, root: Path | None = None,
                     *, follow: bool = True) -> str:
    """:func:`read_bytes_safely` decoded as UTF-8 (UnicodeDecodeError when it is not)."""
    return read_bytes_safely(path, max_bytes, root, follow=follow).decode("utf-8")


def read_source(path: Path, max_bytes: int, root: Path | None = None) -> SourceText:
    """Read and decode one file, reporting instead of raising (``root``: the
    file, symbolic links resolved, must be inside it)."""
    try:
        raw = read_bytes_safely(path, max_bytes, root)
    except FileTooLargeError as exc:
        return SourceText(None, [_too_large(exc.size, exc.limit)], exc.size)
    except OSError as exc:
        return SourceText(None, [_unreadable(exc)], 0)
    return decode_source(raw)


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
    reason = exc.strerror or (str(exc.args[0]) if exc.args else exc.__class__.__name__)
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
