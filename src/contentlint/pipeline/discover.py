"""Discovery: which files make up the library, and which of them a run reports on."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from contentlint.config.settings import Config
from contentlint.content.documents import DATA_SUFFIXES, GUIDE_SUFFIXES, LANGUAGES
from contentlint.errors import UsageError
from contentlint.i18n import msg

CONTENT_SUFFIXES = GUIDE_SUFFIXES | DATA_SUFFIXES
# Folders that hold tool state or drafts for other tools, never content.
# Rule families that need the whole library (counterparts, link targets).
LIBRARY_FAMILIES = ("PR", "LK")
SKIPPED_DIRS = frozenset({".git", "node_modules", "__pycache__", ".contentlint_cache"})


def discover(paths: Sequence[Path], config: Config) -> tuple[list[Path], list[Path], Path]:
    """Files of the library, the files to report on, and the library root."""
    content_root = config.content_root
    if not paths:
        if not content_root.is_dir():
            raise UsageError(
                msg(
                    "content folder {folder} does not exist (set content = ... in [tool.contentlint])",
                    folder=str(content_root),
                )
            )
        _ensure_readable(content_root)
        files = list(walk(content_root))
        return files, files, content_root
    resolved = []
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise UsageError(msg("{path}: no such file or folder", path=str(path)))
        resolved.append(path)
    targets: list[Path] = []
    for path in resolved:
        targets.extend(walk(path) if path.is_dir() else [path])
    if all(inside(p, content_root) for p in resolved):
        _ensure_readable(content_root)
        return list(walk(content_root)), targets, content_root
    if len(resolved) == 1 and resolved[0].is_dir():
        root = resolved[0].resolve()
    else:
        root = Path(os.path.commonpath([p.resolve().parent for p in resolved]))
    if any(code.startswith(LIBRARY_FAMILIES) for code in config.enabled):
        _refuse_partial_library(root, content_root)
    return targets, targets, root


def _ensure_readable(content_root: Path) -> None:
    """A content folder or language folder that cannot be listed stops the run
    (exit 2): walking past it would report every guide of the other language as
    an orphan, with hints to delete them."""
    for folder in (content_root, *(content_root / lang for lang in LANGUAGES)):
        if folder != content_root and not folder.is_dir():
            continue
        try:
            with os.scandir(folder):
                pass
        except OSError as exc:
            raise UsageError(
                msg(
                    "cannot read {folder} ({reason}): the library cannot be loaded, so nothing was checked",
                    folder=str(folder),
                    reason=exc.strerror or type(exc).__name__,
                )
            ) from None


def _refuse_partial_library(root: Path, content_root: Path) -> None:
    """Files outside the project's content folder are checked as their own small
    library; but when they are part of a bigger library (a folder above them holds
    ``en/`` and ``es/``), the pair and link rules would report false orphans and
    dead language switches without it, so the run says once that the library was
    not found."""
    for folder in (root, *root.parents):
        if all((folder / lang).is_dir() for lang in LANGUAGES):
            if folder == root:
                return
            raise UsageError(
                msg(
                    "{path} is part of the library in {library}, which is not this project's content folder"
                    " ({content}): nothing was checked. Run contentlint from that project, or set"
                    " content = \"...\" in its .contentlint.toml",
                    path=str(root),
                    library=str(folder),
                    content=str(content_root),
                )
            )


def inside(path: Path, root: Path) -> bool:
    """``path`` (symbolic links resolved) is ``root`` or below it."""
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def walk(root: Path) -> Iterable[Path]:
    """Content files under ``root``, sorted; symlinks are never followed out of it."""
    real_root = root.resolve()
    stack = [root]
    found: list[Path] = []
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name in SKIPPED_DIRS or entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                if folder == root and entry.name == "sync":
                    continue  # tool-owned sync marks; read by the sync rules
                stack.append(path)
            elif Path(entry.name).suffix.lower() in CONTENT_SUFFIXES:
                if entry.is_symlink() and not inside(path, real_root):
                    found.append(path)  # reported by load as outside the root
                    continue
                found.append(path)
    return sorted(found)
