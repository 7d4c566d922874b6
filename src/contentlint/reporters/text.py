"""Text output for terminals and pre-commit: ``path:line:col: CODE message``."""

from __future__ import annotations

from typing import Any, TextIO

from contentlint.report import Report
from contentlint.findings import Severity

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def render(report: Report, stream: TextIO, options: dict[str, Any]) -> None:
    """Write every finding, its hint and related places, then a summary line."""
    color = bool(options.get("color"))
    for finding in report.findings:
        loc = finding.location
        where = f"{loc.path}:{loc.line}:{loc.column}:"
        label = finding.severity.label
        if color:
            where = _BOLD + where + _RESET
            label = _COLORS[finding.severity] + label + _RESET
        stream.write(f"{where} {finding.code} {finding.message} [{label}: {finding.name}]\n")
        if finding.hint:
            stream.write(_dim("    hint: " + finding.hint, color) + "\n")
        for related in finding.related:
            note = f" ({related.note})" if related.note else ""
            stream.write(_dim(f"    see: {related.path}:{related.line}:{related.column}{note}", color) + "\n")
        if finding.detail:
            for line in finding.detail.splitlines():
                stream.write(_dim("    | " + line, color) + "\n")
    stream.write(summary_line(report) + "\n")


def _dim(text: str, color: bool) -> str:
    return _DIM + text + _RESET if color else text


def summary_line(report: Report) -> str:
    """``2 errors, 1 warning in 3 files (12 files checked)``, or a clean message."""
    errors = report.count(Severity.ERROR)
    warnings = report.count(Severity.WARNING)
    infos = report.count(Severity.INFO)
    files = len({f.location.path for f in report.findings})
    checked = len(report.checked)
    if not report.findings:
        return f"All clear: {checked} file{_s(checked)} checked, no problems."
    parts = [f"{errors} error{_s(errors)}", f"{warnings} warning{_s(warnings)}"]
    if infos:
        parts.append(f"{infos} note{_s(infos)}")
    return f"{', '.join(parts)} in {files} file{_s(files)} ({checked} file{_s(checked)} checked)."


def _s(count: int) -> str:
    return "" if count == 1 else "s"
