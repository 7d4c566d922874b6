"""PR037 acronym-mismatch: acronyms differ between aligned blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from contentlint.bilingual.describe import english_note
from contentlint.bilingual.locate import block_location, locate
from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import NoOptions, PairRule
from contentlint.rules.pairs.shortened import shortened

if TYPE_CHECKING:
    from contentlint.bilingual.blocks import BlockInfo
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


class AcronymMismatch(PairRule):
    """An aligned Spanish block that drops an acronym of the English block, or adds one.

    ## What it does
    Compares the acronyms (two or more capitals: IEP, IDEA, PWN, CFR) of two
    aligned blocks. US Spanish guides keep the English acronym ("Programa de
    Educación Individualizado (IEP, por sus siglas en inglés)"), so IEP must be
    in both. A Spanish acronym listed as `es_acronym` in `data/acronyms.yaml`
    (PEI for IEP, TDAH for ADHD) counts as the English one. An acronym used
    only inside a glossary term that the Spanish shortens to its head after
    using it whole earlier ("the IEP meeting" -> "la reunión", after "la reunión
    del IEP") is not missing, and an acronym the Spanish adds after spelling out a
    term the English block spells out too is not extra.

    ## Why is this bad?
    Parents meet the acronyms on school paperwork; a translation that drops or
    swaps one loses the link between the guide and the paper in their hand.

    ## Example
    ```markdown
    English: Ask for Prior Written Notice (PWN).
    Spanish: Solicite la notificación previa por escrito.    <- PR037: PWN missing
    ```

    ## Options
    - `ignore` (default empty): acronyms never reported.
    """

    code = "PR037"
    name = "acronym-mismatch"
    default_severity = Severity.WARNING

    class Options(NoOptions):
        """Options of PR037."""

        ignore: list[str] = Field(default_factory=list)

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Compare acronym sets block by block."""
        equivalents = ctx.acronyms().spanish
        ignored = set(self.options.ignore)
        for en, es in ctx.aligned_prose(target):
            en_set = {t[2:] for t in en.tokens if t.startswith("a:")} - ignored
            es_set = {t[2:] for t in es.tokens if t.startswith("a:")} - ignored
            if en_set == es_set:
                continue
            missing = sorted(a for a in en_set - es_set if not equivalents.get(a, set()) & es_set)
            if missing:
                missing = [a for a in missing if not _in_shortened_term(ctx, target, en, es, a)]
            allowed = en_set | {s for a in en_set for s in equivalents.get(a, ())}
            extra = sorted(es_set - allowed)
            if extra:  # "Evaluación educativa independiente (IEE)" for "Independent Educational Evaluation"
                extra = [a for a in extra if not _spelled_out(ctx, a, en.text)]
            if not missing and not extra:
                continue
            parts = []
            if missing:
                parts.append(msg("missing {ids}", ids=", ".join(missing)))
            if extra:
                parts.append(msg("not in the English: {ids}", ids=", ".join(extra)))
            line, column = locate(target.es, es.block, extra[0] if extra else "")
            yield self.finding(
                target.es,
                line,
                column,
                msg("acronyms differ from the English block: {first}", first=parts[0]) if len(parts) == 1
                else msg("acronyms differ from the English block: {first}; {second}", first=parts[0], second=parts[1]),
                msg("Keep the English acronyms (explained in Spanish at first use)."),
                related=(block_location(target.en, en.block, english_note(en), missing[0] if missing else ""),),
            )


def _in_shortened_term(ctx: RunContext, pair: Pair, en: BlockInfo, es: BlockInfo, acronym: str) -> bool:
    """Every use of ``acronym`` in the English block is inside a glossary term ("IEP meeting")
    the Spanish shortens to its head ("la reunión") after using it whole earlier."""
    hits = [hit for hit in ctx.term_hits(pair.en, en) if hit.payload is not None]
    terms = [hit.payload for hit in hits if acronym in hit.payload.en.split()]
    uses = len(re.findall(r"(?<!\w)" + re.escape(acronym) + r"(?!\w)", en.text))
    if not terms or uses > len(terms):
        return False
    return all(shortened(ctx, pair, term, es) for term in terms)


def _spelled_out(ctx: RunContext, acronym: str, english: str) -> bool:
    """The English block spells out ``acronym`` (per the decoder) without writing it: a
    Spanish block that adds it in parentheses adds nothing the English lacks."""
    folded = english.casefold()
    return any(entry.acronym == acronym and str(entry.en).casefold() in folded for entry, _ in ctx.acronyms().words)

