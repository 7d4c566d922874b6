"""GitHub Actions workflow commands: annotations within GitHub's caps, then notices.

GitHub shows at most 10 error and 10 warning annotations per step (50 per job);
the rest are dropped silently. So the findings are annotated in order of
importance (:func:`importance`), up to the caps: errors on pair facts and sync
(PR), fact contradictions (FC) and broken links (LK) first, so a missing
Spanish paragraph is never dropped for a long sentence; then other errors; then
warnings; then notes. One notice says how many more there are and where the
full report is (the job summary lists them).

With ``--only-changed-lines`` only the findings in focus (on lines the pull
request changed, or caused by them) are annotated, and a notice counts the
rest; with ``--baseline`` a notice counts what the baseline hid.
Messages, hints and the notices are shown in ``options["ui_lang"]``.
"""

from __future__ import annotations

from typing import Any, TextIO

from contentlint.findings import Finding, Severity
from contentlint.i18n import localize, msg
from contentlint.report import Report
from contentlint.reporters.safe import visible, visible_lines

CAPS = {Severity.ERROR: 10, Severity.WARNING: 10, Severity.INFO: 10}
# Rule families whose errors are annotated first: a wrong fact or a missing
# block in a translation, a contradicted deadline, a broken link.
FIRST_FAMILIES = ("PR", "FC", "LK")
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


def importance(finding: Finding) -> tuple[int, tuple[str, int, int, str, str]]:
    """Sort key, most important first: errors of the first families (or with a
    related location: a pair finding), other errors, warnings, notes."""
    if finding.severity == Severity.ERROR:
        first = finding.code.startswith(FIRST_FAMILIES) or bool(finding.related)
        tier = 0 if first else 1
    else:
        tier = 2 if finding.severity == Severity.WARNING else 3
    return tier, finding.sort_key


def plan(report: Report) -> tuple[list[Finding], int]:
    """The findings to annotate, in order, and how many in focus the caps leave out."""
    shown = {severity: 0 for severity in Severity}
    chosen, capped = [], 0
    for finding in sorted(report.focused(), key=importance):
        if shown[finding.severity] >= CAPS[finding.severity]:
            capped += 1
            continue
        shown[finding.severity] += 1
        chosen.append(finding)
    return chosen, capped


def render(report: Report, stream: TextIO, options: dict[str, Any]) -> None:
    """Write annotations for the most important findings, then notices for the rest."""
    lang = options.get("ui_lang") or "en"
    chosen, capped = plan(report)
    for finding in chosen:
        stream.write(annotation(finding, lang) + "\n")
    where = options.get("full_report") or localize(msg("the job's contentlint report (contentlint report)"), lang)
    notes = []
    if capped:
        notes.append(msg(
            "{count} more finding(s) not shown as annotations (GitHub shows at most 10 per severity per step); "
            "see the job summary and {where}", count=capped, where=where,
        ))
    scope = report.scope
    if scope is not None and scope.changed_since and scope.unfocused:
        notes.append(msg(
            "{count} finding(s) on lines not changed since {ref} are not annotated (they still count); "
            "see the job summary and {where}", count=len(scope.unfocused), ref=scope.changed_since, where=where,
        ))
    if scope is not None and scope.baseline:
        notes.append(msg("{count} finding(s) hidden by the baseline {path}", count=scope.baselined,
                         path=scope.baseline))
    for note in notes:
        stream.write(f"::notice title=contentlint::{_escape_data(localize(note, lang))}\n")
    from contentlint.reporters.text import summary_line

    stream.write(summary_line(report, lang) + "\n")
