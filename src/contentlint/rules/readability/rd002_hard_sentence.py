"""RD002 hard-sentence: the hardest sentences of a guide, with their grade and length."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.readability.guides import sentence_inflesz
from contentlint.rules.base import FileRule, NoOptions
from contentlint.rules.readability.common import (
    hardest,
    one_decimal,
    quote,
    sentence_column,
)

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext
    from contentlint.readability import SentenceScore


class HardSentence(FileRule):
    """A sentence of 14 words or more whose own grade is 10 or above (as Hemingway marks them).

    ## What it does
    Grades every sentence of a guide on its own, the way the Hemingway editor
    highlights sentences, and reports the hardest ones at their line, hardest
    first, with their grade and word count:

    - English: the sentence's Flesch-Kincaid grade.
    - Spanish: the sentence's Szigriszt-Pazos score (INFLESZ), shown too, mapped to
      the English grade scale with the anchors the library's targets share
      (INFLESZ 65 = grade 6, INFLESZ 55 = grade 8: `grade = 6 + (65 - INFLESZ) / 5`),
      so one threshold means the same in both languages.

    Only sentences of 14 words or more are graded: a very short sentence gets an
    extreme grade from one long word ("Consider mediation." is grade 26). Grade 14
    or more is "very hard" (a warning); grade 10 to 14 "hard" (a note). At most 5
    sentences are reported per guide. Headings, code, URLs and legal citations are
    not part of any sentence (see RD001).

    ## Why is this bad?
    A guide can meet its average while a few sentences carry all the difficulty;
    parents stop at those. Listing them is the quickest way to a lower grade: fix
    the top of the list first.

    ## Example
    ```text
    content/en/x.md:65:1: RD002 very hard sentence: grade 16.0, 17 words
        ('Due process fits when you disagree about eligibility, evaluation,…')
    ```

    ## Options
    - `min-words` (default 14): shorter sentences are not graded.
    - `min-grade-en` (default 10), `min-grade-es` (default 10, on the English scale,
      i.e. INFLESZ 45): report sentences at or above this grade.
    - `very-hard-grade` (default 14): from this grade on, a warning instead of a note.
    - `max-reports` (default 5): report at most this many sentences per guide
      (0: all of them).

    `severity` sets the severity of both tiers.
    """

    code = "RD002"
    name = "hard-sentence"
    default_severity = Severity.WARNING

    class Options(NoOptions):
        """Options of RD002."""

        min_words: int = Field(default=14, ge=1)
        min_grade_en: float = 10.0
        min_grade_es: float = 10.0
        very_hard_grade: float = 14.0
        max_reports: int = Field(default=5, ge=0)

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report the hardest sentences above the threshold, hardest first."""
        score = ctx.score(target)
        if score is None:
            return
        lang = score.lang
        floor = self.options.min_grade_en if lang == "en" else self.options.min_grade_es
        ranked = hardest(score, lang, len(score.sentences_detail), self.options.min_words)
        hard = [(one_decimal(g), s) for g, s in ranked]
        hard = [(g, s) for g, s in hard if g >= floor]
        limit = self.options.max_reports or len(hard)
        for rank, (grade, sentence) in enumerate(hard[:limit], start=1):
            yield self._report(target, lang, grade, sentence, rank, len(hard), limit)

    def _report(
        self, doc: Document, lang: str, grade: float, sentence: SentenceScore, rank: int, total: int, shown: int
    ) -> Finding:
        very = grade >= self.options.very_hard_grade
        level = msg("very hard") if very else msg("hard")
        if lang == "en":
            message = msg(
                "{level} sentence: grade {grade:.1f}, {words} words ('{text}')",
                level=level, grade=grade, words=sentence.words, text=quote(sentence),
            )
        else:
            message = msg(
                "{level} sentence: grade {grade:.1f} on the English scale (INFLESZ {inflesz:.1f}), "
                "{words} words ('{text}')",
                level=level, grade=grade, inflesz=sentence_inflesz(sentence), words=sentence.words,
                text=quote(sentence),
            )
        hint = msg(
            "Split it into shorter sentences (one idea each), or use shorter, everyday words, "
            "until it grades under {grade:g}.",
            grade=self.options.min_grade_en if lang == "en" else self.options.min_grade_es,
        )
        detail = ""
        if rank == shown and total > shown:
            detail = msg("{count} more hard sentence(s) in this guide not shown (max-reports = {shown})",
                         count=total - shown, shown=shown)
        finding = self.finding(
            doc, sentence.line, sentence_column(doc, sentence), message, hint, detail=detail,
            context={"grade": grade, "words": sentence.words, "rank": rank, "total": total},
        )
        return finding if very else dataclasses.replace(finding, severity=Severity.INFO)
