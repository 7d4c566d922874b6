"""A Markdown summary for ``$GITHUB_STEP_SUMMARY`` (GitHub caps it at 1 MiB).

Headings, messages and notes are shown in ``options["ui_lang"]``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, TextIO

from contentlint.findings import Severity
from contentlint.i18n import localize, msg
from contentlint.report import Report
from contentlint.reporters.safe import code_span, visible
from contentlint.reporters.text import severity_label

MAX_BYTES = 1024 * 1024 - 4096  # leave room for other steps' summaries
MAX_ROWS = 200


def _cell(text: str) -> str:
    return visible(text.replace("\r\n", " ").replace("\n", " ")).replace("|", "\\|").replace("<", "&lt;")


def render_text(report: Report, full_report: str | None = None, lang: str = "en") -> str:
    """The summary as Markdown, cut to fit GitHub's limit."""
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    icon = "❌" if errors else ("⚠️" if warnings else "✅")
    lines = [
        f"## {icon} contentlint",
        "",
        localize(msg("**{errors}** errors, **{warnings}** warnings in {files} files checked.", errors=errors,
                     warnings=warnings, files=len(report.checked)), lang),
        "",
    ]
    by_rule = Counter((f.code, f.name) for f in report.findings)
    if by_rule:
        lines += [localize(msg("| rule | findings |"), lang), "|---|---|"]
        lines += [f"| {code_span(code)} {_cell(name)} | {count} |" for (code, name), count in sorted(by_rule.items())]
        lines += ["", localize(msg("| severity | where | rule | message |"), lang), "|---|---|---|---|"]
        ordered = sorted(report.findings, key=lambda f: (-f.severity, f.sort_key))
        for finding in ordered[:MAX_ROWS]:
            loc = finding.location
            where = _cell(code_span(f"{loc.path}:{loc.line}"))
            lines.append(
                f"| {severity_label(finding.severity, lang)} | {where} | {code_span(finding.code)} "
                f"| {_cell(localize(finding.message, lang))} |"
            )
        if len(ordered) > MAX_ROWS:
            lines.append("")
            lines.append(localize(msg("{count} more findings are in the full report.",
                                      count=len(ordered) - MAX_ROWS), lang))
    if full_report:
        lines += ["", localize(msg("Full report: {path}", path=full_report), lang)]
    text = "\n".join(lines) + "\n"
    encoded = text.encode("utf-8")
    if len(encoded) > MAX_BYTES:
        text = encoded[:MAX_BYTES].decode("utf-8", "ignore").rsplit("\n", 1)[0]
        text += "\n\n" + localize(msg("(summary cut to fit GitHub's 1 MiB limit; see the full report)"), lang) + "\n"
    return text


def render(report: Report, stream: TextIO, options: dict[str, Any]) -> None:
    """Write the Markdown summary."""
    stream.write(render_text(report, options.get("full_report"), options.get("ui_lang") or "en"))
