"""RD001 reading-level-too-high: a guide above its reading-level limit or target."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule, NoOptions
from contentlint.rules.readability.common import (
    document_position,
    hardest_detail,
    one_decimal,
    words_per_sentence,
)

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext
    from contentlint.readability import DocumentScore

GuideType = Literal["how-to", "topic", "faq", "checklist", "index"]


class TypeThresholds(NoOptions):
    """Thresholds for one content type; unset keys keep the rule-wide value."""

    max_grade_en: float | None = None
    target_grade_en: float | None = None
    min_inflesz_es: float | None = None
    target_inflesz_es: float | None = None
    min_words: int | None = Field(default=None, ge=0)


@dataclasses.dataclass(frozen=True)
class _Limits:
    max_grade_en: float
    target_grade_en: float
    min_inflesz_es: float
    target_inflesz_es: float
    min_words: int


class ReadingLevelTooHigh(FileRule):
    """A guide whose reading level is above the limit (error) or the target (warning).

    ## What it does
    Scores the prose of each guide (paragraphs, list items, table cells, quotes;
    not the front matter, headings, code, URLs or legal citations) and compares it
    with the thresholds of its language and content type:

    | language | score | target (warning) | limit (error) |
    |---|---|---|---|
    | English | Flesch-Kincaid grade | above 6 | above 8 |
    | Spanish | Szigriszt-Pazos on the INFLESZ scale | below 65 | below 55 |

    A guide above its limit gets one error; a guide within the limit but past the
    target gets one warning (never both). Scores are compared as shown, to one
    decimal. Guides with fewer than 100 words of prose are not gated: their scores
    swing wildly. The finding sits on the guide's `title` and lists the hardest
    sentences (14 words or more) in its detail.

    Counting: words, sentences and syllables come from contentlint's readability
    engine (`contentlint.readability`): every list item and table cell is a
    sentence, figures are counted as read aloud, acronyms as spelled out. Legal
    citations (`34 CFR 300.503(b)`, `§300.503`, `20 U.S.C. 1415`) are left out of
    the counts, like URLs: read aloud, one adds about 14 syllables, enough to fail a
    short guide, and the reader does not need to read it to follow the sentence.

    ## Why is this bad?
    Parents read these guides under stress, often in their second language. Health-
    literacy guidance puts patient and family material at grade 6-8; IDEA notices
    themselves score grade 11-16 and are the reason these guides exist. INFLESZ 55
    ("normal") is the usual floor for Spanish patient texts, 65 ("bastante fácil")
    the aim. Formulas only see sentence and word length: use them as a signal, and
    fix the sentences, not the score.

    ## Example
    ```text
    content/en/x.md:4:8: RD001 reading grade 9.3 is above the limit of 8 for how-to guides
        (Flesch-Kincaid; 612 words, 16.1 words per sentence)
    content/es/x.md:4:8: RD001 INFLESZ 61.2 (normal) is below the target of 65 for how-to
        guides (Szigriszt-Pazos; 640 words, 17.3 words per sentence)   [warning]
    ```

    ## Options
    - `max-grade-en` (default 8), `target-grade-en` (default 6): English limit and target.
    - `min-inflesz-es` (default 55), `target-inflesz-es` (default 65): Spanish limit and target.
    - `min-words` (default 100): guides with less prose are not scored.
    - `include-headings` (default false): count headings as sentences too.
    - `per-type`: the same keys for one content type (how-to, topic, faq, checklist,
      index), e.g. `per-type = {checklist = {max-grade-en = 9, min-inflesz-es = 50}}`.

    Setting a target equal to its limit turns the warnings off. `severity` sets the
    severity of both tiers.
    """

    code = "RD001"
    name = "reading-level-too-high"
    default_severity = Severity.ERROR

    class Options(NoOptions):
        """Options of RD001."""

        max_grade_en: float = 8.0
        target_grade_en: float = 6.0
        min_inflesz_es: float = 55.0
        target_inflesz_es: float = 65.0
        min_words: int = Field(default=100, ge=0)
        include_headings: bool = False
        per_type: dict[GuideType, TypeThresholds] = Field(default_factory=dict)

    def limits(self, guide_type: str | None) -> _Limits:
        """The thresholds of a content type (rule-wide ones where it sets none)."""
        options = self.options
        merged = {name: getattr(options, name) for name in _Limits.__dataclass_fields__}
        override = options.per_type.get(guide_type) if guide_type else None
        if override is not None:
            merged.update({k: v for k, v in override.model_dump().items() if v is not None})
        return _Limits(**merged)

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Compare the guide's score with its limit and target."""
        score = ctx.score(target, self.options.include_headings)
        if score is None or score.sentences == 0:
            return
        limits = self.limits(target.guide_type)
        if score.words < limits.min_words:
            return
        finding = self._english(target, score, limits) if score.lang == "en" else self._spanish(target, score, limits)
        if finding is not None:
            yield finding

    def _english(self, doc: Document, score: DocumentScore, limits: _Limits) -> Finding | None:
        grade = one_decimal(score.flesch_kincaid_grade or 0.0)
        if grade > limits.max_grade_en:
            kind, threshold, severity = msg("limit"), limits.max_grade_en, None
        elif grade > limits.target_grade_en:
            kind, threshold, severity = msg("target"), limits.target_grade_en, Severity.WARNING
        else:
            return None
        message = msg(
            "reading grade {grade:.1f} is above the {kind} of {threshold:g} for {type} guides "
            "(Flesch-Kincaid; {words} words, {wps:.1f} words per sentence)",
            grade=grade, kind=kind, threshold=threshold, type=doc.guide_type or msg("untyped"),
            words=score.words, wps=words_per_sentence(score),
        )
        hint = msg(
            "Split sentences over 20 words and use shorter, everyday words to reach grade {target:g} or lower.",
            target=limits.target_grade_en,
        )
        return self._finding(doc, score, message, hint, severity, grade=grade, threshold=threshold)

    def _spanish(self, doc: Document, score: DocumentScore, limits: _Limits) -> Finding | None:
        inflesz = one_decimal(score.szigriszt_pazos or 0.0)
        if inflesz < limits.min_inflesz_es:
            kind, threshold, severity = msg("minimum"), limits.min_inflesz_es, None
        elif inflesz < limits.target_inflesz_es:
            kind, threshold, severity = msg("target"), limits.target_inflesz_es, Severity.WARNING
        else:
            return None
        message = msg(
            "INFLESZ {inflesz:.1f} ({band}) is below the {kind} of {threshold:g} for {type} guides "
            "(Szigriszt-Pazos; {words} words, {wps:.1f} words per sentence)",
            inflesz=inflesz, band=score.inflesz_band or "", kind=kind, threshold=threshold,
            type=doc.guide_type or msg("untyped"), words=score.words, wps=words_per_sentence(score),
        )
        hint = msg(
            "Split sentences over 25 words and use shorter, everyday words to reach INFLESZ {target:g} or more.",
            target=limits.target_inflesz_es,
        )
        return self._finding(doc, score, message, hint, severity, inflesz=inflesz, threshold=threshold)

    def _finding(
        self, doc: Document, score: DocumentScore, message: str, hint: str, severity: Severity | None, **context: float
    ) -> Finding:
        line, column = document_position(doc)
        finding = self.finding(
            doc, line, column, message, hint,
            detail=hardest_detail(score, score.lang), context={"words": score.words, **context},
        )
        return finding if severity is None else dataclasses.replace(finding, severity=severity)
