"""The findings baseline: accepted legacy findings, so a gate fails only on new ones.

``contentlint baseline`` writes every current finding to a JSON file (default
``contentlint-baseline.json``); ``check --baseline FILE`` then hides the findings
the file lists, says how many it hid, and counts the entries no longer found
(fixed, or their line was edited) so the file can be refreshed.

A finding is keyed by a **fingerprint that survives line shifts**, the way SARIF's
``partialFingerprints`` (``primaryLocationLineHash``) and mypy/ruff baseline tools
do: a SHA-256 of

- the rule code and the file path (as reported, relative to the project);
- the text of the finding's first line, whitespace collapsed (its content, not
  its number: adding a paragraph above it does not change it; editing that line
  does, which is what should bring the finding back);
- the message with line and block numbers and ``path:line`` references replaced
  by ``#`` (a pair finding names the other file's line, which shifts too).

Identical fingerprints (the same problem on two identical lines) are counted: a
baseline that accepted one hides one, and a second copy is new.

The file (``"contentlint-baseline": 1``) lists, per fingerprint, its ``count`` and,
for people reading a diff of it, the ``code``, ``path``, ``line`` and ``message``
seen when it was written; only ``fingerprint`` and ``count`` are used to match.
A file that is missing, too large or not a baseline is a usage error (exit 2).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contentlint.content.read import is_inside, read_text_safely
from contentlint.errors import UsageError
from contentlint.findings import Finding
from contentlint.i18n import msg

FORMAT_KEY = "contentlint-baseline"
FORMAT_VERSION = 1
DEFAULT_NAME = "contentlint-baseline.json"
MAX_BYTES = 32 * 1024 * 1024
# A larger file has no line text in its fingerprints (code, path and message still count).
SOURCE_MAX_BYTES = 16 * 1024 * 1024
_NUMBERED = re.compile(r"\b(lines?|blocks?|l[ií]neas?|bloques?) \d+(?:\s*[-–]\s*\d+)?", re.IGNORECASE)
_PATH_LINE = re.compile(r":\d+(?::\d+)?\b")


@dataclass
class SourceLines:
    """The lines of the files findings point at, each file read once (safely, bounded)."""

    root: Path
    files: dict[str, list[str]]

    def line(self, path: str, number: int) -> str:
        """Line ``number`` of ``path`` with white space collapsed ("" when unknown)."""
        if number < 1:
            return ""
        if path not in self.files:
            self.files[path] = self._read(path)
        lines = self.files[path]
        return " ".join(lines[number - 1].split()) if number <= len(lines) else ""

    def _read(self, path: str) -> list[str]:
        try:
            text = read_text_safely(self.root / path, SOURCE_MAX_BYTES, self.root)
        except (OSError, UnicodeDecodeError, ValueError):
            return []
        return text.splitlines()


def fingerprint(finding: Finding, sources: SourceLines) -> str:
    """The finding's line-shift-stable key (see the module documentation)."""
    loc = finding.location
    message = _PATH_LINE.sub(":#", _NUMBERED.sub(lambda m: f"{m.group(1)} #", str(finding.message)))
    parts = (finding.code, loc.path, sources.line(loc.path, loc.line), " ".join(message.split()))
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def baseline_text(findings: Iterable[Finding], root: Path) -> str:
    """The baseline file for ``findings``, as JSON text (sorted, so diffs stay small)."""
    sources = SourceLines(root, {})
    entries: dict[str, dict[str, Any]] = {}
    for finding in sorted(findings, key=lambda f: f.sort_key):
        key = fingerprint(finding, sources)
        if key in entries:
            entries[key]["count"] += 1
            continue
        loc = finding.location
        entries[key] = {"fingerprint": key, "count": 1, "code": finding.code, "path": loc.path,
                        "line": loc.line, "message": str(finding.message)}
    data = {FORMAT_KEY: FORMAT_VERSION, "findings": list(entries.values())}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class Baseline:
    """A loaded baseline: how many findings of each fingerprint it accepts, and in which file."""

    counts: Counter[str]
    paths: dict[str, str]


def load_baseline(path: Path, root: Path) -> Baseline:
    """The baseline file at ``path`` (UsageError when it cannot be used)."""
    inside = root if is_inside(path.absolute(), root) else None  # a path outside was named by the user
    try:
        data = json.loads(read_text_safely(path, MAX_BYTES, inside))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise UsageError(msg("--baseline {path}: cannot read it ({reason})", path=str(path), reason=reason)) from None
    accepted: Counter[str] = Counter()
    paths: dict[str, str] = {}
    entries = data.get("findings") if isinstance(data, dict) and data.get(FORMAT_KEY) == FORMAT_VERSION else None
    if not isinstance(entries, list):
        raise UsageError(msg("--baseline {path}: not a contentlint baseline (write one with `contentlint baseline`)",
                             path=str(path)))
    for entry in entries:
        key = entry.get("fingerprint") if isinstance(entry, dict) else None
        count = entry.get("count", 1) if isinstance(entry, dict) else None
        if not isinstance(key, str) or not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise UsageError(msg("--baseline {path}: an entry has no valid fingerprint and count", path=str(path)))
        accepted[key] += count
        where = entry.get("path")
        paths[key] = where if isinstance(where, str) else ""
    return Baseline(accepted, paths)


def apply_baseline(
    findings: list[Finding], baseline: Baseline, checked: Iterable[str], root: Path
) -> tuple[list[Finding], int, int]:
    """The findings the baseline does not accept, how many it hid, and how many of its
    entries for the ``checked`` files were not found (fixed); entries for files this
    run did not check (``--changed-since``, paths) are not counted as fixed."""
    sources = SourceLines(root, {})
    left = Counter(baseline.counts)
    kept = []
    for finding in findings:
        key = fingerprint(finding, sources)
        if left[key] > 0:
            left[key] -= 1
            continue
        kept.append(finding)
    hidden = len(findings) - len(kept)
    files = set(checked)
    fixed = sum(count for key, count in left.items() if baseline.paths.get(key) in files)
    return kept, hidden, fixed
