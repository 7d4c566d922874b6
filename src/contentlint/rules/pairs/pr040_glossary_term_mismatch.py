"""PR040 glossary-term-mismatch: a glossary term not rendered with its Spanish term."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.bilingual.glossary import Term
from contentlint.bilingual.inflection import contains, key_spans
from contentlint.bilingual.locate import locate
from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import PairRule
from contentlint.rules.pairs.shortened import shortened

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


class GlossaryTermMismatch(PairRule):
    """An English block uses a glossary term, and its Spanish block uses neither the
    preferred Spanish term nor an accepted variant.

    ## What it does
    Finds the English terms of `data/glossary.yaml` in each English block (case
    ignored, plurals allowed; the longest term wins, so "Independent Educational
    Evaluation" is one term, not also "evaluation"). The aligned Spanish block
    must contain the preferred term (`es.term`) or one of `es.variants`,
    matched word by word with Spanish inflection (evaluación/evaluaciones,
    independiente/independientes, público/pública/públicos) and without accents
    mattering, and with no other words in between. A multi-word term whose
    English words stand in the Spanish block as they are is a proper name kept
    in English ("Office of Special Education Programs (OSEP)"): not reported.
    Nor is a term the Spanish shortens to its head after using it whole in an
    earlier block ("la reunión" after "la reunión del IEP").

    ## Why is this bad?
    Parents learn a term once and meet it on school paperwork; a guide that
    says "notificación previa por escrito" here and "aviso" there (or invents a
    third rendering) makes them wonder whether these are different rights.

    ## Example
    ```markdown
    English: Ask for an Independent Educational Evaluation.
    Spanish: Pida una valoración externa.     <- PR040: use "evaluación educativa independiente"
    ```

    ## Options
    None besides `severity`. The glossary itself is the configuration.
    """

    code = "PR040"
    name = "glossary-term-mismatch"
    default_severity = Severity.WARNING

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Check each English glossary term against the aligned Spanish block."""
        index = ctx.glossary()
        if index is None:
            return
        for en, es in ctx.aligned_prose(target):
            hits = ctx.term_hits(target.en, en)
            if not hits:
                continue
            es_keys = ctx.block_keys(target.es, es)
            spans: list[tuple[str, int, int]] = []
            seen: set[str] = set()
            for hit in hits:
                term: Term = hit.payload
                if term.term_id in seen:
                    continue
                seen.add(term.term_id)
                if any(contains(es_keys, accepted) for accepted in term.accepted):
                    continue
                if shortened(ctx, target, term, es):
                    continue  # "la reunión" after "la reunión del IEP" earlier in the guide
                spans = spans or key_spans(en.text, "en")  # offsets only for what is reported
                used = en.text[spans[hit.start][1] : spans[hit.end - 1][2]]
                if _kept_in_english(used, es.text):
                    continue  # a proper name kept in English ("Office of Special Education Programs")
                line, column = locate(target.es, es.block)
                en_line, en_column = locate(target.en, en.block, used)
                accepted = ", ".join(f"“{text}”" for text in term.accepted_text[1:])
                yield self.finding(
                    target.es,
                    line,
                    column,
                    msg("the English uses “{used}”; the Spanish should say “{term}” (or {accepted})", used=used,
                        term=term.es, accepted=accepted) if accepted
                    else msg("the English uses “{used}”; the Spanish should say “{term}”", used=used, term=term.es),
                    msg("Use the glossary term (see {path}, id {id}).", path=index.display, id=term.term_id),
                    related=(
                        Location(target.en.display, en_line, en_column, note=msg("English term “{used}”", used=used)),
                    ),
                )


def _kept_in_english(used: str, spanish: str) -> bool:
    """The English words of the term stand in the Spanish block as they are: the translator
    kept the name (an office, a center, a case) in English, often with a gloss beside it.
    Only multi-word terms count: a lone "appeal" in a Spanish sentence is not a name."""
    return " " in used.strip() and used.casefold() in spanish.casefold()

