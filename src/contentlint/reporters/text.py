"""Text output for terminals and pre-commit: ``path:line:col: CODE message``.

Messages, hints, labels and the summary line are shown in ``options["ui_lang"]``.
"""

from __future__ import annotations

from typing import Any, TextIO

from contentlint.findings import Severity
from contentlint.i18n import localize, msg, ngettext
from contentlint.report import Report
from contentlint.reporters.safe import visible

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def render(report: Report, stream: TextIO, options: dict[str, Any]) -> None:
    """Write every finding, its hint and related places, then a summary line."""
    color = bool(options.get("color"))
    lang = options.get("ui_lang") or "en"
    hint_label = localize(msg("hint:"), lang)
    see_label = localize(msg("see:"), lang)
    for finding in report.findings:
        loc = finding.location
        where = f"{visible(loc.path)}:{loc.line}:{loc.column}:"
        label = severity_label(finding.severity, lang)
        if color:
            where = _BOLD + where + _RESET
            label = _COLORS[finding.severity] + label + _RESET
        message = visible(localize(finding.message, lang))
        stream.write(f"{where} {visible(finding.code)} {message} [{label}: {visible(finding.name)}]\n")
        if finding.hint:
            stream.write(_dim(f"    {hint_label} " + visible(localize(finding.hint, lang)), color) + "\n")
        for related in finding.related:
            note = f" ({visible(localize(related.note, lang))})" if related.note else ""
            place = f"{visible(related.path)}:{related.line}:{related.column}"
            stream.write(_dim(f"    {see_label} {place}{note}", color) + "\n")
        if finding.detail:
            for line in localize(finding.detail, lang).split("\n"):
                stream.write(_dim("    | " + visible(line), color) + "\n")
    stream.write(summary_line(report, lang) + "\n")
    scope = report.scope
    if scope is not None and scope.baseline:  # a clean run that hid findings says so
        stream.write(localize(msg("{count} finding(s) hidden by the baseline {path}", count=scope.baselined,
                                  path=visible(scope.baseline)), lang) + "\n")
        if scope.fixed:
            stream.write(localize(msg(
                "{count} baseline entries no longer found (fixed, or their line changed): "
                "run `contentlint baseline` to refresh the file.", count=scope.fixed), lang) + "\n")


def _dim(text: str, color: bool) -> str:
    return _DIM + text + _RESET if color else text


def severity_label(severity: Severity, lang: str = "en") -> str:
    """``error``/``warning``/``info``, in ``lang``."""
    labels = {Severity.ERROR: msg("error"), Severity.WARNING: msg("warning"), Severity.INFO: msg("info")}
    return localize(labels[severity], lang)


def summary_line(report: Report, lang: str = "en") -> str:
    """``2 errors, 1 warning in 3 files (12 files checked)``, or a clean message."""
    errors = report.count(Severity.ERROR)
    warnings = report.count(Severity.WARNING)
    infos = report.count(Severity.INFO)
    files = len({f.location.path for f in report.findings})
    checked = len(report.checked)
    if not report.findings:
        return ngettext(
            "All clear: {count} file checked, no problems.", "All clear: {count} files checked, no problems.",
            checked, lang,
        ).format(count=checked)
    parts = [
        ngettext("{count} error", "{count} errors", errors, lang).format(count=errors),
        ngettext("{count} warning", "{count} warnings", warnings, lang).format(count=warnings),
    ]
    if infos:
        parts.append(ngettext("{count} note", "{count} notes", infos, lang).format(count=infos))
    where = ngettext("in {count} file", "in {count} files", files, lang).format(count=files)
    checked_text = ngettext("{count} file checked", "{count} files checked", checked, lang).format(count=checked)
    return f"{', '.join(parts)} {where} ({checked_text})."
