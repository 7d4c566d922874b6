"""RD004 translation-reads-harder: a Spanish guide much harder to read than its English."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.readability.guides import english_scale_grade, inflesz_for_grade
from contentlint.rules.base import NoOptions, PairRule
from contentlint.rules.readability.common import (
    document_position,
    hardest_detail,
    one_decimal,
    words_per_sentence,
)

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


class TranslationReadsHarder(PairRule):
    """A Spanish guide that reads more than 2 grades harder than its English guide.

    ## What it does
    Compares the two guides of a pair on one scale: the English Flesch-Kincaid
    grade, and the Spanish Szigriszt-Pazos score (INFLESZ) mapped onto that grade
    scale through the two points where the library's thresholds agree, INFLESZ 65 =
    grade 6 (both targets) and INFLESZ 55 = grade 8 (both limits):

        Spanish grade = 6 + (65 - INFLESZ) / 5        (1 grade = 5 INFLESZ points)

    When the Spanish grade is more than 2 grades above the English one, the Spanish
    guide is reported (on its `title`, with the English guide as related location),
    with both scores and both average sentence lengths.

    Why not the Crawford grade, the engine's Spanish grade? Crawford is built for
    primary-school text and barely weighs sentence length: on the bundled pairs it
    stays within 4.1-5.3 while the English grades run 3.6-7.4. The mapping above
    lands within about a grade of the English on the same pairs (mean difference
    -0.4), so a gap of 2 grades is a real difference, not the scales. Both guides
    need 100 words of prose; legal citations, URLs, code and headings are left out
    (see RD001).

    ## Why is this bad?
    Spanish-speaking parents are owed the same guide, not a harder one. A
    translation that merges short sentences, or reaches for formal, Latinate words
    ("efectuar", "solicitud de conformidad") loses the plain language the English
    guide was written in, even when every fact is right.

    ## Example
    ```text
    content/es/x.md:5:8: RD004 Spanish reads 2.9 grades harder than the English:
        INFLESZ 50.5 (grade 8.9 on the English scale) vs English grade 6.0, more than 2 apart
        see: content/en/x.md:5:8 (English guide)
    ```

    ## Options
    - `max-gap` (default 2.0): largest allowed difference in grades (2 grades =
      10 INFLESZ points).
    - `min-words` (default 100): both guides need this much prose to be compared.
    - `include-headings` (default false): count headings as sentences too.
    """

    code = "RD004"
    name = "translation-reads-harder"
    default_severity = Severity.WARNING
    extra_groups = ("pairs",)

    class Options(NoOptions):
        """Options of RD004."""

        max_gap: float = Field(default=2.0, ge=0)
        min_words: int = Field(default=100, ge=0)
        include_headings: bool = False

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Compare the Spanish grade equivalent with the English grade."""
        headings = self.options.include_headings
        en = ctx.score(target.en, headings)
        es = ctx.score(target.es, headings)
        if en is None or es is None or min(en.words, es.words) < self.options.min_words:
            return
        en_grade, es_grade = english_scale_grade(en), english_scale_grade(es)
        if en_grade is None or es_grade is None or es.szigriszt_pazos is None:
            return
        en_grade, es_grade = one_decimal(en_grade), one_decimal(es_grade)
        gap = one_decimal(es_grade - en_grade)
        if gap <= self.options.max_gap:
            return
        line, column = document_position(target.es)
        en_line, en_column = document_position(target.en)
        yield self.finding(
            target.es,
            line,
            column,
            msg(
                "Spanish reads {gap:.1f} grades harder than the English: INFLESZ {inflesz:.1f} "
                "(grade {es_grade:.1f} on the English scale) vs English grade {en_grade:.1f}, more than {max:g} apart",
                gap=gap, inflesz=es.szigriszt_pazos, es_grade=es_grade, en_grade=en_grade, max=self.options.max_gap,
            ),
            msg(
                "Bring the Spanish to INFLESZ {inflesz:.1f} or more: split long sentences ({es_wps:.1f} words per "
                "sentence vs {en_wps:.1f} in English) and prefer everyday words to formal ones.",
                inflesz=inflesz_for_grade(en_grade + self.options.max_gap), es_wps=words_per_sentence(es),
                en_wps=words_per_sentence(en),
            ),
            related=(Location(target.en.display, en_line, en_column, note=msg("English guide")),),
            detail=hardest_detail(es, "es"),
            context={"gap": gap, "es_grade": es_grade, "en_grade": en_grade},
        )
