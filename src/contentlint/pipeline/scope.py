"""Narrowing a finished report: a findings baseline, then the changed-line focus.

Applied after the run (and after the result cache), so the cached report always
holds every finding and the same run can be narrowed differently.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from contentlint.findings import Finding
from contentlint.report import Report, Scope


def narrow(report: Report, root: Path, *, baseline: Path | None = None, changed_since: str | None = None) -> Report:
    """``report`` without the findings ``baseline`` accepts, and with the findings off
    the lines changed since ``changed_since`` marked as out of focus (see :mod:`.focus`)."""
    if baseline is None and not changed_since:
        return report
    findings, hidden, fixed = list(report.findings), 0, 0
    if baseline is not None:
        from contentlint.pipeline.accepted import apply_baseline, load_baseline

        findings, hidden, fixed = apply_baseline(findings, load_baseline(baseline, root), report.checked, root)
    unfocused: frozenset[Finding] = frozenset()
    if changed_since:
        from contentlint.pipeline.focus import changed_lines, in_focus

        changes = changed_lines(root, changed_since)
        unfocused = frozenset(f for f in findings if not in_focus(f, changes))
    scope = Scope(
        changed_since=changed_since or "",
        unfocused=unfocused,
        baseline=str(baseline) if baseline is not None else "",
        baselined=hidden,
        fixed=fixed,
    )
    return dataclasses.replace(report, findings=findings, scope=scope)
