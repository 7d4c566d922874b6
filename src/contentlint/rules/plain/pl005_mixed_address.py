"""PL005 mixed-address: a Spanish guide that mixes usted and tú."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext

# Unambiguous markers only. "su", "pide", "llama", "pida" and many other forms
# are also third person ("la escuela le pide", "esto se llama"), so they say
# nothing about how the reader is addressed.
# Verb forms and pronouns of tú; a substring test on them comes before the
# (slow, case-insensitive) regex.
_TU_WORDS = (
    "tú", "contigo", "tienes", "puedes", "quieres", "debes", "necesitas", "eres", "estás", "sabes", "haces",
    "pides", "recibes", "prefieres", "hazlo", "pídele", "llámale", "escríbele", "pregúntale",
)
_TU = re.compile(r"(?<!\w)(" + "|".join(_TU_WORDS) + r")(?!\w)", re.IGNORECASE)
_TU_POSSESSIVE = re.compile(r"(?<!\w)(tu|tus|te)\s+\w", re.IGNORECASE)
_USTED = re.compile(r"(?<!\w)(usted|ustedes)(?!\w)", re.IGNORECASE)


class MixedAddress(FileRule):
    """A Spanish guide that addresses the reader as both usted and tú.

    ## What it does
    Counts unambiguous usted markers (usted, ustedes) and tú markers (tú, contigo,
    tu/tus/te before a word, second-person forms such as puedes, tienes, estás) in the
    body of each Spanish guide; when both appear, reports every marker of the
    less used form (ties: the tú markers, since the library's style is usted).

    ## Why is this bad?
    Switching between usted and tú reads as careless and changes the register
    mid-page; the library's style is usted throughout.

    ## Example
    ```markdown
    Usted puede pedir una evaluación. Si no estás de acuerdo, tienes opciones.   <- "estás", "tienes" reported
    ```

    ## Options
    None besides `severity`.
    """

    code = "PL005"
    name = "mixed-address"
    default_severity = Severity.ERROR
    extra_groups = ("spanish",)

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report the minority form of address in a Spanish guide."""
        if target.lang != "es" or target.kind != "guide":
            return
        body = target.body
        # Most guides use one form only: two whole-body searches settle them,
        # the first a plain substring test (the regexes are slow on long text).
        lowered = body.lower()
        if "usted" not in lowered or not _USTED.search(body):
            return
        tu_words = any(word in lowered for word in _TU_WORDS) and _TU.search(body)
        if not tu_words and not _TU_POSSESSIVE.search(body):
            return
        tu: list[tuple[int, int, str]] = []
        usted: list[tuple[int, int, str]] = []
        for block in target.blocks:
            if block.kind in ("code", "html"):
                continue
            for number in range(block.line, min(block.end_line, len(target.lines)) + 1):
                text = target.lines[number - 1]
                tu += [(number, m.start() + 1, m.group(0)) for m in _TU.finditer(text)]
                tu += [(number, m.start() + 1, m.group(1)) for m in _TU_POSSESSIVE.finditer(text)]
                usted += [(number, m.start() + 1, m.group(0)) for m in _USTED.finditer(text)]
        if not tu or not usted:
            return
        minority, form, other = (usted, "usted", "tú") if len(usted) < len(tu) else (tu, "tú", "usted")
        for line, column, word in sorted(set(minority)):
            yield self.finding(
                target,
                line,
                column,
                msg("'{word}' addresses the reader as {form}, but this guide mostly uses {other}", word=word, form=form,
                    other=other),
                msg("Use {other} throughout the guide.", other=other),
            )
