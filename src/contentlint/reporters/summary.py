"""A Markdown summary for ``$GITHUB_STEP_SUMMARY`` (GitHub caps it at 1 MiB)."""

from __future__ import annotations

from collections import Counter
from typing import Any, TextIO

from contentlint.report import Report
from contentlint.findings import Severity

MAX_BYTES = 1024 * 1024 - 4096  # leave room for other steps' summaries
MAX_ROWS = 200


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def render_text(report: Report, full_report: str | None = None) -> str:
    """The summary as Markdown, cut to fit GitHub's limit."""
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    icon = "❌" if errors else ("⚠️" if warnings else "✅")
    lines = [
        f"## {icon} contentlint",
        "",
        f"**{errors}** errors, **{warnings}** warnings in {len(report.checked)} files checked.",
        "",
    ]
    by_rule = Counter((f.code, f.name) for f in report.findings)
    if by_rule:
        lines += ["| rule | findings |", "|---|---|"]
        lines += [f"| `{code}` {name} | {count} |" for (code, name), count in sorted(by_rule.items())]
        lines += ["", "| severity | where | rule | message |", "|---|---|---|---|"]
        ordered = sorted(report.findings, key=lambda f: (-f.severity, f.sort_key))
        for finding in ordered[:MAX_ROWS]:
            loc = finding.location
            lines.append(
                f"| {finding.severity.label} | `{_cell(loc.path)}:{loc.line}` | `{finding.code}` | {_cell(finding.message)} |"
            )
        if len(ordered) > MAX_ROWS:
            lines.append("")
            lines.append(f"{len(ordered) - MAX_ROWS} more findings are in the full report.")
    if full_report:
        lines += ["", f"Full report: {full_report}"]
    text = "\n".join(lines) + "\n"
    encoded = text.encode("utf-8")
    if len(encoded) > MAX_BYTES:
        text = encoded[:MAX_BYTES].decode("utf-8", "ignore").rsplit("\n", 1)[0]
        text += "\n\n(summary cut to fit GitHub's 1 MiB limit; see the full report)\n"
    return text


def render(report: Report, stream: TextIO, options: dict[str, Any]) -> None:
    """Write the Markdown summary."""
    stream.write(render_text(report, options.get("full_report")))
