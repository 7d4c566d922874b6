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
    from contentlint.content.markdown.blocks import Block
    from contentlint.context import RunContext

# Unambiguous markers only. "su", "pide", "llama", "pida" and many other forms
# are also third person ("la escuela le pide", "esto se llama"), so they say
# nothing about how the reader is addressed.
# Verb forms and pronouns of tú; a substring test on them comes before the
# (slow, case-insensitive) regex.
_TU_WORDS = (
    "tú", "contigo", "tienes", "puedes", "quieres", "debes", "necesitas", "eres", "estás", "sabes", "haces",
    "pides", "recibes", "prefieres", "hazlo", "pídele", "llámale", "escríbele", "pregúntale", "ves", "vas",
)
_TU = re.compile(r"(?<!\w)(" + "|".join(_TU_WORDS) + r")(?!\w)", re.IGNORECASE)
_TU_POSSESSIVE = re.compile(r"(?<!\w)(tu|tus|te)\s+\w", re.IGNORECASE)
_USTED = re.compile(r"(?<!\w)(usted|ustedes)(?!\w)", re.IGNORECASE)
_ANY_PRONOUN = re.compile("|".join(f"(?:{each.pattern})" for each in (_TU, _TU_POSSESSIVE, _USTED)), re.IGNORECASE)


class MixedAddress(FileRule):
    """A Spanish guide that addresses the reader as both usted and tú.

    ## What it does
    Counts unambiguous usted markers (usted, ustedes) and tú markers (tú, contigo,
    tu/tus/te before a word, second-person forms such as puedes, tienes, estás) in the
    body of each Spanish guide, and the imperatives of both forms where only an
    imperative can stand: tú "Guarda una copia y anota la fecha", "Si no responde,
    llama a la escuela", "pídele"; usted "Guarde", "Pida", "llámela". The verbs come
    from a fixed list of instruction verbs with their forms derived by morphology;
    a tú imperative counts only at the start of a list item or of a sentence in one
    (followed by an article, pronoun or preposition), joined by "y" to one, after a
    leading "Si ..."/"Cuando ..." clause, or with an attached pronoun, since "pide"
    is also "la escuela pide" and "usted pide". When both forms appear, it reports
    every marker of the less used form (ties: the tú markers, since the library's
    style is usted).

    ## Why is this bad?
    Switching between usted and tú reads as careless and changes the register
    mid-page; the library's style is usted throughout.

    ## Example
    ```markdown
    Usted puede pedir una evaluación. Si no estás de acuerdo, tienes opciones.   <- "estás", "tienes" reported

    1. Pida la decisión por escrito.
    2. Guarda una copia y anota la fecha.    <- "Guarda", "anota" reported (the guide is usted)
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
        tu: list[tuple[int, int, str]] = []
        usted: list[tuple[int, int, str]] = []
        body = target.body
        lowered = body.lower()
        blocks = [block for block in target.blocks if block.kind not in ("code", "html")]
        # Most guides use one form only: whole-body tests settle the pronouns first (a
        # plain substring test before the slow regexes).
        tu_pronoun = (
            any(word in lowered for word in _TU_WORDS) and _TU.search(body) is not None
        ) or _TU_POSSESSIVE.search(body) is not None
        usted_pronoun = "usted" in lowered
        if not (tu_pronoun and usted_pronoun):
            # A finding needs both forms. A form that no pronoun shows and no word of the
            # blocks could be an imperative of is absent: the sentence scan (most of this
            # rule's time) would find nothing to report.
            from contentlint.rules.plain.address import imperative_forms

            possible = imperative_forms((block.plain, block.kind == "list_item") for block in blocks)
            if not (tu_pronoun or "tú" in possible) or not (usted_pronoun or "usted" in possible):
                return
        pronouns = tu_pronoun or usted_pronoun
        for block in blocks:
            if pronouns:
                _pronoun_markers(target, block, tu, usted)
            _imperative_markers(target, block, tu, usted)
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


Marker = tuple[int, int, str]  # line, column, word


def _pronoun_markers(doc: Document, block: Block, tu: list[Marker], usted: list[Marker]) -> None:
    last = min(block.end_line, len(doc.lines))
    if _ANY_PRONOUN.search("\n".join(doc.lines[block.line - 1 : last])) is None:
        return  # one scan settles most blocks; the three below can overlap, so they stay apart
    for number in range(block.line, last + 1):
        text = doc.lines[number - 1]
        tu += [(number, m.start() + 1, m.group(0)) for m in _TU.finditer(text)]
        tu += [(number, m.start() + 1, m.group(1)) for m in _TU_POSSESSIVE.finditer(text)]
        usted += [(number, m.start() + 1, m.group(0)) for m in _USTED.finditer(text)]


def _imperative_markers(doc: Document, block: Block, tu: list[Marker], usted: list[Marker]) -> None:
    """Imperatives of tú and usted (see :mod:`contentlint.rules.plain.address`), at their source position."""
    from contentlint.rules.plain.address import imperatives

    found = list(imperatives(block.plain, block.kind == "list_item"))
    if not found:
        return
    taken: set[tuple[int, int]] = set()
    for imperative in found:
        position = _source_position(doc, block, imperative.word, taken)
        if position is None:
            continue
        taken.add(position)
        (tu if imperative.form == "tú" else usted).append((*position, imperative.word))


def _source_position(doc: Document, block: Block, word: str, taken: set[tuple[int, int]]) -> tuple[int, int] | None:
    """The first place of ``word`` (a whole word) in the block's source not already used."""
    pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")
    for number in range(block.line, min(block.end_line, len(doc.lines)) + 1):
        for match in pattern.finditer(doc.lines[number - 1]):
            position = (number, match.start() + 1)
            if position not in taken:
                return position
    return None
