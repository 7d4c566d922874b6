"""Text output for terminals and pre-commit, full or concise, as ruff has both.

Full (the default, ``--format text`` or ``full``): each finding's
``path:line:col: CODE message`` line, then the offending source line with the
span underlined (``^`` at the column, to the finding's end column or else to the
end of the word there), the hint, and for a pair finding the counterpart's place
and its line. Concise (``--format concise``): the one-line form with the hint
and related places, no source. ``--statistics``: one line per rule with its
count instead of the findings.

The source lines come from the report (:attr:`Report.sources`, filled by the
pipeline): this reporter never opens a file. Messages, hints, labels and the
summary line are shown in ``options["ui_lang"]``.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections import Counter
from typing import Any, TextIO

from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import localize, msg, ngettext
from contentlint.report import Report
from contentlint.reporters.safe import visible

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _BLUE, _RESET = "\033[1m", "\033[2m", "\033[34m", "\033[0m"
# The widest part of a source line shown (in terminal cells): a long line is cut
# to a window around the column, so column 209 is still on screen.
WINDOW = 100
_LEAD = 40  # cells kept before the column when a line is cut
_TAB = "    "


def render(report: Report, stream: TextIO, options: dict[str, Any]) -> None:
    """Write every finding (or, with ``statistics``, the count per rule), then a summary line."""
    lang = options.get("ui_lang") or "en"
    if options.get("statistics"):
        _render_statistics(report, stream, bool(options.get("color")), lang)
    else:
        full = not options.get("concise")
        for finding in report.findings:
            _render_finding(finding, report, stream, options, full)
    stream.write(summary_line(report, lang) + "\n")
    scope = report.scope
    if scope is not None and scope.baseline:  # a clean run that hid findings says so
        stream.write(localize(msg("{count} finding(s) hidden by the baseline {path}", count=scope.baselined,
                                  path=visible(scope.baseline)), lang) + "\n")
        if scope.fixed:
            stream.write(localize(msg(
                "{count} baseline entries no longer found (fixed, or their line changed): "
                "run `contentlint baseline` to refresh the file.", count=scope.fixed), lang) + "\n")


def _render_finding(finding: Finding, report: Report, stream: TextIO, options: dict[str, Any], full: bool) -> None:
    color = bool(options.get("color"))
    lang = options.get("ui_lang") or "en"
    loc = finding.location
    where = f"{visible(loc.path)}:{loc.line}:{loc.column}:"
    label = severity_label(finding.severity, lang)
    marker = _COLORS[finding.severity]
    if color:
        where = _BOLD + where + _RESET
        label = marker + label + _RESET
    message = visible(localize(finding.message, lang))
    stream.write(f"{where} {visible(finding.code)} {message} [{label}: {visible(finding.name)}]\n")
    if full:
        _write_lines(stream, _snippet(report.sources.get(loc.path, {}), loc, color, marker))
    if finding.hint:
        hint_label = localize(msg("hint:"), lang)
        stream.write(_dim(f"    {hint_label} " + visible(localize(finding.hint, lang)), color) + "\n")
    see_label = localize(msg("see:"), lang)
    for related in finding.related:
        note = f" ({visible(localize(related.note, lang))})" if related.note else ""
        place = f"{visible(related.path)}:{related.line}:{related.column}"
        stream.write(_dim(f"    {see_label} {place}{note}", color) + "\n")
        if full and (related.line, related.column) != (1, 1):  # 1:1 names the file as a whole
            _write_lines(stream, _snippet(report.sources.get(related.path, {}), related, color, _COLORS[Severity.INFO]))
    if finding.detail:
        for line in localize(finding.detail, lang).split("\n"):
            stream.write(_dim("    | " + visible(line), color) + "\n")
    if full:
        stream.write("\n")


def _write_lines(stream: TextIO, lines: list[str]) -> None:
    for line in lines:
        stream.write(line + "\n")


def _snippet(lines: dict[int, str], loc: Location, color: bool, marker: str) -> list[str]:
    """The location's source lines, the first with its span underlined."""
    if loc.line < 1 or loc.line not in lines:
        return []
    last = max(loc.end_line or loc.line, loc.line)
    numbers = [n for n in range(loc.line, last + 1) if n in lines]
    width = len(str(numbers[-1]))
    out: list[str] = []
    for number in numbers:
        raw = lines[number]
        start, stop = _span(raw, loc) if number == loc.line else (0, 0)
        shown, offset, length = _window(raw, start, stop)
        gutter = f"    {number:>{width}} | "
        out.append((_blue(gutter, color) if color else gutter) + shown)
        if number == loc.line and raw:
            underline = " " * offset + "^" * max(length, 1)
            pad = " " * (4 + width) + " | "
            out.append((_blue(pad, color) + marker + underline + _RESET) if color else pad + underline)
    return out


def _span(raw: str, loc: Location) -> tuple[int, int]:
    """Start and stop (character indexes in the line) of what the finding points at."""
    start = min(max(loc.column, 1) - 1, max(len(raw) - 1, 0))
    if loc.end_line == loc.line and loc.end_column is not None and loc.end_column > loc.column:
        return start, min(loc.end_column - 1, len(raw))
    if loc.end_line is not None and loc.end_line > loc.line:
        return start, len(raw)
    if raw.startswith("[", start):  # a Markdown link: the whole [text](target)
        close = raw.find("](", start)
        end = raw.find(")", close + 2) if close != -1 else -1
        if end != -1:
            return start, end + 1
    stop = start
    while stop < len(raw) and not raw[stop].isspace():
        stop += 1
    return start, max(stop, start + 1)


def _window(raw: str, start: int, stop: int) -> tuple[str, int, int]:
    """The line as shown (cut around ``start`` when too wide), the underline's
    offset and its length, both in terminal cells."""
    # One pass of cell widths and their running sums: cutting a long line by
    # re-measuring each shorter piece was quadratic (20 ms for a page of findings).
    widths = [_cell(char) for char in raw]
    before = list(itertools.accumulate(widths, initial=0))  # before[i]: cells of raw[:i]
    cut_from = 0
    if before[-1] > WINDOW and before[start] > _LEAD:
        cut_from = start
        while cut_from > 0 and before[start] - before[cut_from - 1] < _LEAD:
            cut_from -= 1
    cut_to = len(raw)
    while before[cut_to] - before[cut_from] > WINDOW:
        cut_to -= 1
    piece = raw[cut_from:cut_to]
    prefix = "…" if cut_from else ""
    suffix = "…" if cut_to < len(raw) else ""
    shown = prefix + _printable(piece) + suffix
    offset = len(prefix) + _cells(_printable(raw[cut_from:start]))
    length = _cells(_printable(raw[start : min(stop, cut_to)]))
    return shown, offset, length


def _printable(text: str) -> str:
    return visible(text.replace("\t", _TAB))


def _cells(text: str) -> int:
    """Terminal cells ``text`` takes: wide characters two, combining marks none."""
    return sum(_cell(char) for char in text)


def _cell(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _render_statistics(report: Report, stream: TextIO, color: bool, lang: str) -> None:
    """One line per rule: count, code, name and severity, most frequent first."""
    counts = Counter((f.code, f.name, f.severity) for f in report.findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0], item[0][1]))
    width = max((len(str(count)) for _, count in rows), default=1)
    name_width = max((len(name) for (_, name, _), _ in rows), default=0)
    for (code, name, severity), count in rows:
        label = severity_label(severity, lang)
        if color:
            label = _COLORS[severity] + label + _RESET
        stream.write(f"{count:>{width}}  {visible(code):<6} {visible(name):<{name_width}}  {label}\n")


def _dim(text: str, color: bool) -> str:
    return _DIM + text + _RESET if color else text


def _blue(text: str, color: bool) -> str:
    return _BLUE + text + _RESET if color else text


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
