"""A Markdown summary for ``$GITHUB_STEP_SUMMARY`` (GitHub caps it at 1 MiB).

It says what the annotations could not: how many findings GitHub's caps left
unannotated (``options["annotate"]``: the check printed annotations), how many
are off the lines a pull request changed, what a baseline hid, and links to
the full report (``options["run_url"]``: the run's page, whose artifacts hold
it). The table lists findings in the order they are annotated, most important
first. Headings, messages and notes are shown in ``options["ui_lang"]``.
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


def _scope_lines(report: Report, annotate: bool, lang: str) -> list[str]:
    """What the baseline, the changed-line focus and the annotation caps left out."""
    lines = []
    scope = report.scope
    if scope is not None and scope.baseline:
        lines.append(localize(msg("{count} findings hidden by the baseline {path}.", count=scope.baselined,
                                  path=code_span(scope.baseline)), lang))
        if scope.fixed:
            lines.append(localize(msg(
                "{count} baseline entries no longer found (fixed, or their line changed): "
                "run `contentlint baseline` to refresh the file.", count=scope.fixed), lang))
    if scope is not None and scope.changed_since:
        lines.append(localize(msg(
            "{focused} findings on lines changed since {ref}; {other} elsewhere in the checked files "
            "(not annotated, listed below; they still count).",
            focused=len(report.findings) - len(scope.unfocused), ref=code_span(scope.changed_since),
            other=len(scope.unfocused)), lang))
    if annotate:
        from contentlint.reporters.github import plan

        capped = plan(report)[1]
        if capped:
            lines.append(localize(msg(
                "{count} findings not shown as annotations (GitHub shows at most 10 per severity per step); "
                "they are listed below.", count=capped), lang))
    return [*lines, ""] if lines else []


def render_text(report: Report, full_report: str | None = None, lang: str = "en", *, run_url: str = "",
                annotate: bool = False) -> str:
    """The summary as Markdown, cut to fit GitHub's limit."""
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    icon = "❌" if errors else ("⚠️" if warnings else "✅")
    lines = [
        f"## {icon} contentlint",
        "",
        localize(msg("**{errors}** errors, **{warnings}** warnings in {files} files checked.", errors=errors,
                     warnings=warnings, files=len(report.checked)), lang),
        "",
        *_scope_lines(report, annotate, lang),
    ]
    by_rule = Counter((f.code, f.name) for f in report.findings)
    if by_rule:
        lines += [localize(msg("| rule | findings |"), lang), "|---|---|"]
        lines += [f"| {code_span(code)} {_cell(name)} | {count} |" for (code, name), count in sorted(by_rule.items())]
        lines += ["", localize(msg("| severity | where | rule | message |"), lang), "|---|---|---|---|"]
        from contentlint.reporters.github import importance

        unfocused = report.scope.unfocused if report.scope is not None else frozenset()
        ordered = sorted(report.findings, key=lambda f: (f in unfocused, importance(f)))
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
    if full_report or run_url:
        where = _cell(full_report or localize(msg("the artifacts of this run"), lang))
        link = f"[{where}]({run_url}#artifacts)" if run_url else where
        lines += ["", localize(msg("Full report: {path}", path=link), lang)]
    text = "\n".join(lines) + "\n"
    encoded = text.encode("utf-8")
    if len(encoded) > MAX_BYTES:
        text = encoded[:MAX_BYTES].decode("utf-8", "ignore").rsplit("\n", 1)[0]
        text += "\n\n" + localize(msg("(summary cut to fit GitHub's 1 MiB limit; see the full report)"), lang) + "\n"
    return text


def render(report: Report, stream: TextIO, options: dict[str, Any]) -> None:
    """Write the Markdown summary."""
    stream.write(render_text(report, options.get("full_report"), options.get("ui_lang") or "en",
                             run_url=options.get("run_url") or "", annotate=bool(options.get("annotate"))))
