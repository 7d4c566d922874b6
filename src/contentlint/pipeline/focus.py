"""``--only-changed-lines``: which findings are on the lines a pull request changed.

Every pull request used to re-annotate the legacy findings of each guide it
touched, burying the one it introduced. With ``check --only-changed-lines=REF``
(or ``--changed-since REF --only-changed-lines``), git says which lines changed since REF
(``git diff --unified=0``), and a finding is *in focus* when

- its own lines (``line`` to ``end_line``) include a changed line;
- or one of its related locations does: a pair finding caused by the other
  file, such as a Spanish block made stale by a changed English block (PR020),
  or a Spanish paragraph missing for a new English one (PR010);
- or it is about the whole file (line 0) and the file changed;
- or the file is new (every line is changed).

Lines deleted at a place count the lines on both sides of it as changed, so a
finding where a Spanish paragraph was removed is in focus.

The findings out of focus are not dropped: they stay in the report, are
counted and listed in the job summary, and still decide the exit code (a check
never gives up silently). Only the annotations are limited to the focus. To
fail only on new findings, use a baseline (:mod:`.accepted`).

The lines are those of the working tree that differ from where HEAD's history
left REF (``git merge-base REF HEAD``: for a pull request's merge commit, the
base itself; for a local branch, where it started), plus untracked files. The
ref is resolved to a commit first (``rev-parse --verify``), and only commit ids
are passed to git after that: a ref that looks like an option is refused.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from contentlint.content.git import GitError, run_git
from contentlint.errors import UsageError
from contentlint.findings import Finding, Location
from contentlint.i18n import msg

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_SHA = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")


@dataclass(frozen=True)
class ChangedLines:
    """The lines changed since a commit, by path relative to the project root."""

    lines: dict[str, frozenset[int]]
    new_files: frozenset[str]

    def changed(self, path: str) -> bool:
        """Whether the file changed at all."""
        return path in self.lines or path in self.new_files

    def touches(self, location: Location) -> bool:
        """Whether a changed line falls within ``location`` (line 0: anywhere in the file)."""
        if location.path in self.new_files:
            return True
        changed = self.lines.get(location.path)
        if not changed:
            return False
        if location.line < 1:
            return True
        last = max(location.line, location.end_line or location.line)
        if last - location.line < len(changed):
            return any(line in changed for line in range(location.line, last + 1))
        return any(location.line <= line <= last for line in changed)


def in_focus(finding: Finding, changes: ChangedLines) -> bool:
    """Whether a finding is on a changed line, or caused by one (its related locations)."""
    return changes.touches(finding.location) or any(changes.touches(r) for r in finding.related)


def resolve_commit(root: Path, ref: str) -> str:
    """The commit id of ``ref`` (UsageError when it is not a commit)."""
    if not ref or ref.startswith("-") or any(c in ref for c in "\0\n\r"):
        raise UsageError(msg("--only-changed-lines: {ref!r} is not a git commit", ref=ref))
    try:
        out = run_git(root, ["rev-parse", "--verify", "--quiet", ref + "^{commit}"], timeout=60)
    except GitError:
        raise UsageError(msg("--only-changed-lines: {ref!r} is not a git commit", ref=ref)) from None
    sha = out.decode("ascii", "replace").strip()
    if not _SHA.fullmatch(sha):
        raise UsageError(msg("--only-changed-lines: {ref!r} is not a git commit", ref=ref))
    return sha


def _merge_base(root: Path, sha: str) -> str:
    """Where HEAD left ``sha``'s history, so a branch behind its base is diffed
    against what it started from (a pull request's merge commit: the base
    itself); ``sha`` when they share no history."""
    try:
        out = run_git(root, ["merge-base", sha, "HEAD"], timeout=60).decode("ascii", "replace").strip()
    except GitError:
        return sha
    return out if _SHA.fullmatch(out) else sha


def changed_lines(root: Path, ref: str) -> ChangedLines:
    """The lines of files under ``root`` changed since ``ref`` (working tree and untracked files)."""
    sha = _merge_base(root, resolve_commit(root, ref))
    try:
        diff = run_git(root, [
            "-c", "core.quotePath=false", "diff", "--unified=0", "--no-color", "--no-renames", "--no-ext-diff",
            "--no-textconv", "--relative", "--src-prefix=a/", "--dst-prefix=b/", sha, "--",
        ])
        untracked = run_git(root, ["ls-files", "-z", "--others", "--exclude-standard"])
    except GitError as exc:
        raise UsageError(msg("--only-changed-lines: {error}", error=str(exc))) from None
    lines = parse_diff(diff.decode("utf-8", "surrogateescape"))
    new = {name for name in untracked.decode("utf-8", "surrogateescape").split("\0") if name}
    return ChangedLines(lines, frozenset(new))


def parse_diff(text: str) -> dict[str, frozenset[int]]:
    """Changed line numbers (in the new file) per path, from ``git diff --unified=0``."""
    found: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in text.splitlines():
        if line.startswith("+++ "):
            name = _diff_path(line[4:])
            current = found.setdefault(name, set()) if name is not None else None
            continue
        match = _HUNK.match(line)
        if match is None or current is None:
            continue
        start, count = int(match.group(1)), int(match.group(2) or "1")
        if count == 0:  # lines removed after line ``start``: the lines on both sides
            current.update(n for n in (start, start + 1) if n >= 1)
        else:
            current.update(range(start, start + count))
    return {name: frozenset(numbers) for name, numbers in found.items()}


def _diff_path(field: str) -> str | None:
    """The path of a ``+++ b/NAME`` line (None for a deleted file)."""
    field = field.rstrip("\t")
    if field.startswith('"') and field.endswith('"') and len(field) >= 2:  # C-quoted by git
        raw = codecs.escape_decode(field[1:-1].encode("utf-8", "surrogateescape"))[0]
        field = bytes(raw).decode("utf-8", "surrogateescape")
    if not field.startswith("b/"):
        return None
    return field[2:]
