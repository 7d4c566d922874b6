"""PL001 acronym-not-expanded: an acronym used before it is spelled out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from contentlint.content.text import fold
from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext

_SPANISH_NOTE = "por sus siglas en ingles"


class AcronymNotExpanded(FileRule):
    """An acronym from the decoder whose first use in a guide is not spelled out.

    ## What it does
    For every acronym in `content/data/acronyms.yaml`, finds its first use in the
    body of each guide (headings skipped: they are too short to expand in). That
    paragraph or list item must spell it out: in English, the English expansion
    ("Prior Written Notice (PWN)"); in Spanish, the Spanish expansion followed by
    the English acronym and "por sus siglas en inglés" ("notificación previa por
    escrito (PWN, por sus siglas en inglés)"), unless the decoder gives a Spanish
    acronym and the guide uses that.

    ## Why is this bad?
    Parents meet "IEE" or "PWN" for the first time in these guides. Plain-language
    guidance (and the regulations' demand for language understandable to the
    general public, 34 CFR 300.503(c)) asks for every acronym to be expanded at
    first use. In Spanish, the English acronym stays because it is what school
    paperwork uses, and the note tells the reader why the letters don't match.

    ## Example
    ```markdown
    Ask for a PWN.                                          <- reported
    Ask for Prior Written Notice (PWN).                     <- fine
    Pida una notificación previa por escrito (PWN, por sus siglas en inglés).
    ```

    ## Options
    None besides `severity`.
    """

    code = "PL001"
    name = "acronym-not-expanded"
    default_severity = Severity.ERROR

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report each decoder acronym whose first use lacks its expansion."""
        table = ctx.acronyms()
        combined = table.combined
        lang = target.lang
        if combined is None or target.kind != "guide" or lang not in ("en", "es"):
            return
        by_name = {entry.acronym: (entry, pattern) for entry, pattern in table.words}
        first_use: dict[str, Any] = {}
        # One scan of the body finds the first block of every acronym.
        for block in target.blocks:
            if block.kind in ("heading", "code", "html") or not block.plain:
                continue
            for match in combined.finditer(block.plain):
                first_use.setdefault(match.group(1), block)
        for name in sorted(first_use):
            entry, pattern = by_name[name]
            first = first_use[name]
            if _expanded(first.plain, entry, lang, pattern):
                continue
            line, column = _locate(target, first.line, first.end_line, pattern)
            yield self.finding(
                target,
                line,
                column,
                msg("first use of {acronym} is not spelled out", acronym=entry.acronym),
                _hint(entry, lang),
            )


def _expanded(text: str, entry: Any, lang: str, pattern: re.Pattern[str]) -> bool:
    """The expansion stands before the acronym's first use, or in brackets right after it."""
    folded = fold(text)
    first = pattern.search(fold(text).upper())
    used_at = first.start() if first else 0
    expansion = fold(entry.en if lang == "en" else entry.es)
    where = folded.find(expansion)
    after = folded[used_at + len(entry.acronym) :].lstrip()
    if where == -1 or (where > used_at and not after.startswith("(" + expansion)):
        return False
    if lang == "en" or (entry.es_acronym and re.search(r"(?<!\w)" + re.escape(entry.es_acronym) + r"(?!\w)", text)):
        return True
    note = re.search(re.escape(entry.acronym.lower()) + r"\s*,\s*" + _SPANISH_NOTE, folded)
    return note is not None


def _hint(entry: Any, lang: str) -> str:
    if lang == "en":
        return msg("Write '{words} ({acronym})' the first time.", words=entry.en, acronym=entry.acronym)
    # A Spanish guide's hint has always been in Spanish (it shows the text to write).
    return msg("Escriba '{words} ({acronym}, por sus siglas en inglés)' la primera vez.", words=entry.es,
               acronym=entry.acronym)


def _locate(doc: Document, line: int, end_line: int, pattern: re.Pattern[str]) -> tuple[int, int]:
    for number in range(line, min(end_line, len(doc.lines)) + 1):
        match = pattern.search(doc.lines[number - 1])
        if match:
            return number, match.start() + 1
    return line, 1
