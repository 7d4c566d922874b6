"""Looking up a linked file without ever touching anything outside the library.

A link in a guide is untrusted input: ``../../etc/passwd``, ``/root/.ssh/id_rsa``
or a symbolic link inside ``content/`` that points elsewhere must be reported,
never opened or even ``stat``-ed. So a target is first placed *lexically*
(``os.path.normpath``, no file-system access) and refused when it leaves the
allowed root; only then is it walked one component at a time with ``lstat``,
and each symbolic link met on the way is read (``readlink``, which does not
follow it) and placed lexically again before the walk goes on. The only paths
ever passed to the operating system are inside the root.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass

# More symbolic links than this on one path is a loop (Linux stops at 40 too).
MAX_SYMLINK_HOPS = 40


@dataclass(frozen=True, slots=True)
class Lookup:
    """Where a path led: ``file``, ``dir``, ``missing`` or ``escape``.

    ``path`` is the real path for ``file`` and ``dir`` (symbolic links resolved),
    the lexical candidate for ``missing``, and where the path or a symbolic link
    on it pointed for ``escape``.
    """

    status: str
    path: str
    via_symlink: bool = False


def inside(path: str, root: str) -> bool:
    """True when the normalised absolute ``path`` is ``root`` or below it (no I/O)."""
    root = root.rstrip(os.sep) or os.sep
    return path == root or path.startswith(root if root.endswith(os.sep) else root + os.sep)


def place(base_dir: str, relative: str) -> str:
    """``relative`` joined to ``base_dir`` and normalised, without any I/O."""
    return os.path.normpath(os.path.join(base_dir, relative))


def lookup(candidate: str, root: str) -> Lookup:
    """Find ``candidate`` (absolute, normalised, inside ``root``) by ``lstat`` only.

    ``root`` must be a real path (no symbolic links in it). Raises ValueError
    when ``candidate`` is not inside ``root``: callers check that first.
    """
    if not inside(candidate, root):
        raise ValueError(f"{candidate!r} is not inside {root!r}")
    pending = _parts(candidate, root)
    current = root
    hops = 0
    via_symlink = False
    info: os.stat_result | None = None
    while pending:
        name = pending.pop(0)
        step = os.path.join(current, name)
        try:
            info = os.lstat(step)
        except (OSError, ValueError):  # missing, not a folder, unreadable, NUL byte ...
            return Lookup("missing", candidate)
        if stat.S_ISLNK(info.st_mode):
            hops += 1
            via_symlink = True
            if hops > MAX_SYMLINK_HOPS:
                return Lookup("missing", candidate, via_symlink)
            try:
                pointed = place(current, os.readlink(step))
            except OSError:
                return Lookup("missing", candidate, via_symlink)
            if not inside(pointed, root):
                return Lookup("escape", pointed, via_symlink)
            pending = _parts(pointed, root) + pending
            current = root
            info = None
            continue
        if pending and not stat.S_ISDIR(info.st_mode):
            return Lookup("missing", candidate, via_symlink)
        current = step
    if info is None:  # the root itself
        return Lookup("dir", current, via_symlink)
    return Lookup("dir" if stat.S_ISDIR(info.st_mode) else "file", current, via_symlink)


def _parts(path: str, root: str) -> list[str]:
    relative = os.path.relpath(path, root)
    return [part for part in relative.split(os.sep) if part not in ("", ".")]
