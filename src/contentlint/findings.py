"""Findings: what a rule reports, and where.

This module imports nothing else from contentlint, so every layer (rules, engine,
reporters) can depend on it without cycles.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """How serious a finding is; the engine compares it with ``--fail-on``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Read ``error``/``warning``/``info`` (any case)."""
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (use error, warning or info)") from None

    @property
    def label(self) -> str:
        """Lower-case name used in every output format."""
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file: 1-based line and column; line 0 means the whole file."""

    path: str
    line: int = 0
    column: int = 0
    end_line: int | None = None
    end_column: int | None = None
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for JSON-like reporters."""
        out: dict[str, Any] = {"path": self.path, "line": self.line, "column": self.column}
        if self.end_line is not None:
            out["end_line"] = self.end_line
            out["end_column"] = self.end_column
        if self.note:
            out["note"] = self.note
        return out


class Applicability(enum.Enum):
    """Whether a fix may be applied without a person reading it (as ruff's are).

    ``SAFE``: the meaning of the text is kept and only the reported mistake changes;
    ``contentlint fix --apply`` applies these. ``UNSAFE``: offered in the editor only.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text from (line, column) up to (end_line, end_column) of ``path``.

    Lines and columns are 1-based and count characters (as ``Location``); the end is
    exclusive. ``old`` is the text the rule saw there: an edit whose file no longer
    holds ``old`` at that place is stale and never applied.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A mechanical fix of one finding: a title and the edits that make it."""

    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem reported by one rule at one place.

    ``location`` is always the file that needs the edit; for pair findings the
    other file of the pair is in ``related``.
    """

    code: str
    name: str
    severity: Severity
    message: str
    location: Location
    hint: str = ""
    related: tuple[Location, ...] = ()
    # Values the message was rendered from (the translation layer re-renders
    # messages from them, the way pydantic's ``ctx`` works).
    context: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    # Extra detail shown under the message (for example a word diff).
    detail: str = ""
    # The mechanical fix, when one can be made safely (``contentlint fix``, the
    # editor's code actions); not part of a finding's identity.
    fix: Fix | None = field(default=None, compare=False, hash=False)

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Deterministic order: path, line, column, code, message."""
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code, self.message)

    def as_dict(self) -> dict[str, Any]:
        """Stable JSON shape (documented in docs/json-format.md)."""
        out: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "path": self.location.path,
            "line": self.location.line,
            "column": self.location.column,
            "message": self.message,
            "hint": self.hint,
        }
        if self.location.end_line is not None:
            out["end_line"] = self.location.end_line
            out["end_column"] = self.location.end_column
        if self.detail:
            out["detail"] = self.detail
        out["related"] = [r.as_dict() for r in self.related]
        return out
