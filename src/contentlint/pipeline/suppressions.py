"""Inline suppression comments: parsing, applying, and reporting misuse.

Markdown: ``<!-- contentlint-disable-next-line LK001 -- reason -->`` (also
``disable-line``, ``disable`` ... ``enable``, ``disable-file``). YAML: the same
after ``#``. Codes match by code, prefix or rule name. A reason after ``--`` is
required. Malformed directives are CL010; directives that hid nothing are CL011.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.rules import Registry

_DIRECTIVE_RE = re.compile(
    r"(?:<!--|#)\s*contentlint-(?P<verb>[a-z-]+)(?P<rest>.*?)(?:-->|$)"
)
_VERBS = frozenset({"disable-next-line", "disable-line", "disable", "enable", "disable-file"})


@dataclass
class Directive:
    """One suppression comment."""

    verb: str
    codes: tuple[str, ...]
    reason: str
    line: int
    column: int
    start: int = 0  # first line covered
    end: int = 0  # last line covered
    used: bool = field(default=False)

    def covers(self, finding: Finding, registry: Registry) -> bool:
        """True when this directive hides ``finding``."""
        line = finding.location.line
        if not self.start <= max(line, 1) <= self.end:
            return False
        return any(_code_matches(code, finding, registry) for code in self.codes)


def _code_matches(code: str, finding: Finding, registry: Registry) -> bool:
    if code.lower() == finding.name:
        return True
    return finding.code.startswith(code.upper())


def parse_directives(doc: Document, registry: Registry) -> tuple[list[Directive], list[Finding]]:
    """Directives of a document, and CL010 findings for malformed ones."""
    if doc.text is None or "contentlint-" not in doc.text:
        return [], []
    directives: list[Directive] = []
    problems: list[Finding] = []
    last_line = len(doc.lines)
    open_ranges: dict[str, Directive] = {}
    for index, text in enumerate(doc.lines, start=1):
        for match in _DIRECTIVE_RE.finditer(text):
            directive, problem = _parse_one(match, index, doc, registry)
            if problem is not None:
                problems.append(problem)
                continue
            assert directive is not None
            _place(directive, last_line, open_ranges, directives)
    for directive in open_ranges.values():
        directive.end = last_line  # a 'disable' never re-enabled runs to the end
    return directives, problems


def _place(directive: Directive, last_line: int, open_ranges: dict[str, Directive], out: list[Directive]) -> None:
    verb = directive.verb
    if verb == "disable-next-line":
        directive.start = directive.end = directive.line + 1
    elif verb == "disable-line":
        directive.start = directive.end = directive.line
    elif verb == "disable-file":
        directive.start, directive.end = 1, last_line
    elif verb == "disable":
        directive.start, directive.end = directive.line, last_line
        for code in directive.codes:
            open_ranges[code] = directive
    elif verb == "enable":
        for code in directive.codes:
            opened = open_ranges.pop(code, None)
            if opened is not None:
                opened.end = directive.line
        return
    out.append(directive)


def _parse_one(
    match: re.Match[str], line: int, doc: Document, registry: Registry
) -> tuple[Directive | None, Finding | None]:
    verb = match.group("verb")
    rest = match.group("rest").strip()
    column = match.start() + 1
    codes_text, _, reason = rest.partition("--")
    codes = tuple(c for c in re.split(r"[\s,]+", codes_text.strip()) if c)
    error = None
    if verb not in _VERBS:
        error = msg("unknown suppression directive 'contentlint-{verb}'", verb=verb)
    elif not codes:
        error = msg("'contentlint-{verb}' names no rule; blanket suppressions are not allowed", verb=verb)
    elif unknown := [c for c in codes if not registry.matches(c) or c.upper() == "ALL"]:
        error = msg("'contentlint-{verb}' names unknown rule(s): {codes}", verb=verb, codes=", ".join(unknown))
    elif verb != "enable" and not reason.strip():
        error = msg("'contentlint-{verb} {codes}' gives no reason", verb=verb, codes=" ".join(codes))
    if error:
        finding = Finding(
            "CL010",
            "invalid-suppression",
            Severity.ERROR,
            error,
            Location(doc.display, line, column),
            msg("Write <!-- contentlint-disable-next-line CODE -- why this is fine -->."),
        )
        return None, finding
    return Directive(verb, codes, reason.strip(), line, column), None


def apply_suppressions(
    findings: Iterable[Finding], directives: dict[str, list[Directive]], registry: Registry
) -> list[Finding]:
    """Drop suppressed findings; CL900 internal errors are never suppressed."""
    kept = []
    for finding in findings:
        hidden = False
        if finding.code != "CL900":
            for directive in directives.get(finding.location.path, ()):
                if directive.covers(finding, registry):
                    directive.used = True
                    hidden = True
        if not hidden:
            kept.append(finding)
    return kept


def unused_findings(directives: dict[str, list[Directive]]) -> list[Finding]:
    """CL011 for every directive that hid nothing."""
    out = []
    for path, items in directives.items():
        for directive in items:
            if not directive.used:
                out.append(
                    Finding(
                        "CL011",
                        "unused-suppression",
                        Severity.WARNING,
                        msg("'contentlint-{verb} {codes}' suppresses nothing", verb=directive.verb,
                            codes=" ".join(directive.codes)),
                        Location(path, directive.line, directive.column),
                        msg("Remove the comment; the problem it hid is gone."),
                    )
                )
    return out
