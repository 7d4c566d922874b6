"""Safe, atomic file writes: the one way contentlint writes a file.

Everything under the project can come from a pull request, so a write

* is made inside ``root`` (the project) only through real folders: a symbolic
  link as the target or as any folder between ``root`` and the target is
  refused with :class:`UnsafeWriteError` (never written through);
* replaces a regular file only (a FIFO, a device or a folder is refused);
* is atomic: a temporary file, flushed and fsynced (caches: not fsynced), then ``os.replace``. The
  temporary file is made in the project's ``.contentlint_cache/`` (ignored by
  git) when it is on the target's filesystem, else as a hidden ``.<name>.*.tmp``
  beside the target (content discovery skips hidden names), removed on any
  exception;
* gives a new file the mode ``0o666 & ~umask`` and keeps an existing file's mode
  (``keep_mode=False``, for reports: always ``0o666 & ~umask``, so a report once
  written owner-only by an older version becomes readable by a web server again).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

CACHE_DIR = ".contentlint_cache"
_GITIGNORE = "*\n"


# Why a write is refused; the CLI shows the reason in the UI language.
SYMLINK, NOT_FOLDER, NOT_REGULAR = "symlink", "not-folder", "not-regular"
_REASONS = {
    SYMLINK: "a symbolic link; not written through",
    NOT_FOLDER: "not a folder",
    NOT_REGULAR: "not a regular file; not written",
}


class UnsafeWriteError(OSError):
    """A write the safe file layer refuses (a symbolic link, or a path outside the project).

    ``shown`` is the offending path as the user should see it, ``reason`` one of
    :data:`SYMLINK`, :data:`NOT_FOLDER`, :data:`NOT_REGULAR`.
    """

    def __init__(self, shown: str, reason: str) -> None:
        super().__init__(f"{shown}: {_REASONS[reason]}")
        self.shown = shown
        self.reason = reason


def current_umask() -> int:
    """The process umask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def safe_folder(folder: Path, root: Path | None, create: bool = True) -> Path:
    """``folder`` checked (and created when ``create``) one component at a time from
    ``root``: every component must be a real folder, never a symbolic link.

    ``root`` None, or a folder outside ``root`` (a path the user named on the
    command line), is created with ``mkdir(parents=True)``.
    """
    absolute = os.path.normpath(os.path.abspath(folder))
    if root is None:
        if create:
            Path(absolute).mkdir(parents=True, exist_ok=True)
        return Path(absolute)
    root_abs = os.path.normpath(os.path.abspath(root))
    if not _inside(absolute, root_abs):  # a path the user named: made as asked
        if create:
            Path(absolute).mkdir(parents=True, exist_ok=True)
        return Path(absolute)
    if create and not os.path.lexists(root_abs):
        Path(root_abs).mkdir(parents=True, exist_ok=True)  # the root itself is trusted
    current = root_abs
    for part in Path(os.path.relpath(absolute, root_abs)).parts if absolute != root_abs else ():
        current = os.path.join(current, part)
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            if not create:
                raise
            os.mkdir(current)
            continue
        if stat.S_ISLNK(info.st_mode):
            raise UnsafeWriteError(_shown(current, root_abs), SYMLINK)
        if not stat.S_ISDIR(info.st_mode):
            raise UnsafeWriteError(_shown(current, root_abs), NOT_FOLDER)
    return Path(absolute)


def _shown(path: str, root: str) -> str:
    return os.path.relpath(path, root) if _inside(path, root) else path


def cache_folder(root: Path) -> Path:
    """``<root>/.contentlint_cache``, created (with a ``.gitignore`` of ``*``) when
    missing; UnsafeWriteError when it (or its ``.gitignore``) is a symbolic link."""
    folder = safe_folder(Path(root) / CACHE_DIR, root)
    gitignore = folder / ".gitignore"
    try:
        info = os.lstat(gitignore)
    except FileNotFoundError:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        with contextlib.suppress(FileExistsError):
            fd = os.open(gitignore, flags, 0o666)
            try:
                os.write(fd, _GITIGNORE.encode())
            finally:
                os.close(fd)
        return folder
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeWriteError(str(gitignore), NOT_REGULAR)
    return folder


def atomic_write_text(
    path: Path, text: str, root: Path | None = None, keep_mode: bool = True, *, durable: bool = True
) -> None:
    """Write ``text`` to ``path`` so readers see the old or the new file, never half."""
    atomic_write_bytes(path, text.encode("utf-8"), root, keep_mode, durable=durable)


def atomic_write_bytes(
    path: Path, data: bytes, root: Path | None = None, keep_mode: bool = True, *, durable: bool = True
) -> None:
    """Write ``data`` atomically (see the module documentation); ``root``: the project.

    ``keep_mode=False`` gives a file that exists the mode a new one gets (reports:
    readable by others, whatever an older run left). ``durable=False`` skips the
    fsync, for caches: the rename still makes the write atomic for readers, and a
    file a crash tears is a cache miss, never a result; the fsync is a disk flush
    every pre-commit run would otherwise wait for.
    """
    path = Path(os.path.normpath(os.path.abspath(path)))
    parent = safe_folder(path.parent, root)
    try:
        info: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise UnsafeWriteError(path.name, SYMLINK)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeWriteError(path.name, NOT_REGULAR)
        mode = stat.S_IMODE(info.st_mode) if keep_mode else 0o666 & ~current_umask()
    else:
        mode = 0o666 & ~current_umask()
    temp_dir = _temp_folder(parent, root)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=temp_dir)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _temp_folder(parent: Path, root: Path | None) -> Path:
    """The project's cache folder when it is on ``parent``'s filesystem, else ``parent``."""
    if root is None:
        return parent
    if parent == Path(os.path.normpath(os.path.abspath(root))) / CACHE_DIR:
        return parent
    try:
        folder = cache_folder(root)
        if os.lstat(folder).st_dev == os.lstat(parent).st_dev:
            return folder
    except OSError:
        pass
    return parent
