"""The result of a run, as reporters see it: findings and rule metadata.

Imports nothing heavy, so a run answered from the result cache can print its
report without importing pydantic, ruamel.yaml or markdown-it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from contentlint.findings import Finding, Severity


@dataclass(frozen=True)
class RuleInfo:
    """What reporters may know about a rule (never the rule object itself)."""

    code: str
    name: str
    summary: str
    severity: Severity
    documentation: str


@dataclass
class Report:
    """The result of one run."""

    findings: list[Finding]
    checked: list[str]
    rules: list[RuleInfo]
    library: Any = None  # the Library, when the run parsed the files (not from cache)
    internal_errors: int = 0
    notes: list[str] = field(default_factory=list)
    from_cache: bool = False

    def count(self, severity: Severity) -> int:
        """How many findings have exactly this severity."""
        return sum(1 for f in self.findings if f.severity == severity)

    def worst(self) -> Severity | None:
        """The most severe finding's severity."""
        return max((f.severity for f in self.findings), default=None)
