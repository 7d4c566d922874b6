"""GitHub Actions workflow commands: annotations within GitHub's caps, then one notice.

GitHub shows at most 10 error and 10 warning annotations per step (50 per job);
the rest are dropped silently. So the most severe findings go first, up to the
caps, and one notice says how many more there are and where the full report is.
Messages, hints and the notice are shown in ``options["ui_lang"]``.
"""

from __future__ import annotations

from typing import Any, TextIO

from contentlint.findings import Finding, Severity
from contentlint.i18n import localize, msg
from contentlint.report import Report
from contentlint.reporters.safe import visible, visible_lines

CAPS = {Severity.ERROR: 10, Severity.WARNING: 10, Severity.INFO: 10}
_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    # Control characters first (a raw one would reach the log), then GitHub's own escapes.
    return visible_lines(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(visible(text)).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, lang: str = "en") -> str:
    """One ``::error file=...::message`` line."""
    loc = finding.location
    props = [f"file={_escape_property(loc.path)}"]
    if loc.line >= 1:
        props.append(f"line={loc.line}")
        props.append(f"col={max(loc.column, 1)}")
    props.append(f"title={_escape_property(f'{finding.code} {finding.name}')}")
    body = visible(localize(finding.message, lang))
    if finding.hint:
        body += "\n" + localize(msg("Hint: {hint}", hint=visible(localize(finding.hint, lang))), lang)
    for related in finding.related:
        body += "\n" + localize(msg("See {path}:{line}", path=visible(related.path), line=related.line), lang)
    return f"::{_COMMANDS[finding.severity]} {','.join(props)}::{_escape_data(body)}"


def render(report: Report, stream: TextIO, options: dict[str, Any]) -> None:
    """Write annotations for the most severe findings, then a notice for the rest."""
    lang = options.get("ui_lang") or "en"
    ordered = sorted(report.findings, key=lambda f: (-f.severity, f.sort_key))
    shown = {severity: 0 for severity in Severity}
    hidden = 0
    for finding in ordered:
        if shown[finding.severity] >= CAPS[finding.severity]:
            hidden += 1
            continue
        shown[finding.severity] += 1
        stream.write(annotation(finding, lang) + "\n")
    if hidden:
        where = options.get("full_report") or localize(
            msg("the job's contentlint report (contentlint report)"), lang
        )
        text = localize(msg(
            "{count} more finding(s) not shown as annotations (GitHub shows at most 10 per severity per step); "
            "see {where}", count=hidden, where=where,
        ), lang)
        stream.write(f"::notice title=contentlint::{_escape_data(text)}\n")
    from contentlint.reporters.text import summary_line

    stream.write(summary_line(report, lang) + "\n")
