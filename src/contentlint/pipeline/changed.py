"""``--changed-since REF``: the content files git says changed since REF.

The engine then adds each file's translation and the guides linking to it. A
deleted guide is not checked, but the guides that mentioned its file name are,
since their links may now be broken.
"""

from __future__ import annotations

from pathlib import Path

from contentlint.content.git import GitError, run_git
from contentlint.errors import UsageError
from contentlint.i18n import msg

_SUFFIXES = (".md", ".markdown", ".yaml", ".yml")


def _git(root: Path, *args: str) -> list[str]:
    try:
        out = run_git(root, list(args), timeout=60)
    except GitError as exc:
        raise UsageError(msg("--changed-since: {error}", error=str(exc))) from None
    return [line for line in out.decode("utf-8", "surrogateescape").splitlines() if line]


def changed_files(root: Path, content_root: Path, ref: str) -> tuple[list[Path], list[str]]:
    """Existing changed content files, and the names of deleted ones."""
    top = Path(_git(root, "rev-parse", "--show-toplevel")[0])
    _git(root, "rev-parse", "--verify", "--quiet", ref + "^{commit}")
    changed = _git(root, "diff", "--name-only", "--no-renames", "--diff-filter=d", ref, "--")
    deleted = _git(root, "diff", "--name-only", "--no-renames", "--diff-filter=D", ref, "--")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "--full-name")
    paths = []
    for name in sorted(set(changed) | set(untracked)):
        path = (top / name).resolve()
        if name.endswith(_SUFFIXES) and path.is_file() and _inside(path, content_root):
            paths.append(path)
    gone = [Path(name).name for name in deleted if name.endswith(_SUFFIXES)]
    return paths, gone


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True
