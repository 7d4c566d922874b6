"""RD005 readability-regression: a guide that got harder to read than its baseline."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.readability.baseline import BaselineError, Entry
from contentlint.readability.guides import english_scale_grade
from contentlint.rules.base import FileRule, NoOptions
from contentlint.rules.readability.common import (
    document_position,
    hardest_detail,
    one_decimal,
)

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext
    from contentlint.readability import DocumentScore


class ReadabilityRegression(FileRule):
    """A guide whose reading level got worse than its baseline by more than a set amount.

    ## What it does
    Compares each guide's score with a baseline and reports the guide when it got
    harder by more than the allowed step, so that CI says what changed:
    "grade 7.2 to 8.9" (English, Flesch-Kincaid grade up by more than 1.0) or
    "INFLESZ 68.0 to 61.2" (Spanish, down by more than 5, which is one grade on
    the scale RD004 uses). The baseline is one of:

    - a JSON file, path relative to the project root, written for the current
      content by `python scripts/readability_baseline.py` (commit it, and rewrite
      it when a harder text is accepted on purpose);
    - `git:REF` (`git:origin/main`, `git:HEAD~1`): the guides as they are at that
      git ref, read with `git cat-file` and scored the same way. Nothing to keep
      up to date; CI needs the ref fetched (`git fetch origin main`).

    Guides that are new since the baseline, and guides with fewer than 100 words
    of prose now or then, are not compared. Scores are counted as for RD001 (legal
    citations, URLs, code and headings left out). A baseline that cannot be read
    (missing file, unknown ref) compares nothing; RD006 reports it, once per run.

    The result cache (`.contentlint_cache`) keys on the content and the
    configuration, not on the baseline: after rewriting the baseline file or moving
    the ref, run with `--no-cache`.

    ## Why is this bad?
    Readability erodes one edit at a time: each added clause seems harmless. A
    ratchet against the last accepted version catches the edit that did it, while
    it is still easy to fix, even when the guide is still under the RD001 limit.

    ## Example
    ```text
    content/en/x.md:5:8: RD005 grade 7.2 to 8.9 since git:origin/main (+1.7, more than the 1 allowed)
    ```

    ## Options
    - `baseline` (default none: the rule does nothing): a JSON file or `git:REF`,
      e.g. `baseline = "reports/readability-baseline.json"`.
    - `max-grade-increase-en` (default 1.0): largest allowed rise of the English grade.
    - `max-inflesz-drop-es` (default 5.0): largest allowed drop of the Spanish INFLESZ.
    - `min-words` (default 100): guides with less prose (now or then) are skipped.
    - `include-headings` (default false): must match how the baseline file was written.
    """

    code = "RD005"
    name = "readability-regression"
    default_severity = Severity.WARNING

    class Options(NoOptions):
        """Options of RD005."""

        baseline: str | None = None
        max_grade_increase_en: float = Field(default=1.0, ge=0)
        max_inflesz_drop_es: float = Field(default=5.0, ge=0)
        min_words: int = Field(default=100, ge=0)
        include_headings: bool = False

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Compare the guide's score now with its baseline score."""
        if not self.options.baseline:
            return
        score = ctx.score(target, self.options.include_headings)
        if score is None or score.words < self.options.min_words:
            return
        baseline = ctx.baseline(self.options.baseline, self.options.include_headings)
        if isinstance(baseline, BaselineError):
            return  # RD006 reports it, once for the run
        before = baseline.lookup(target)
        if before is None or before.lang != score.lang or before.words < self.options.min_words:
            return
        finding = self._compare(target, score, before, baseline.label)
        if finding is not None:
            yield finding

    def _compare(self, doc: Document, score: DocumentScore, before: Entry, label: str) -> Finding | None:
        if score.lang == "en":
            old, new = one_decimal(before.grade), one_decimal(score.flesch_kincaid_grade or 0.0)
            change, allowed = one_decimal(new - old), self.options.max_grade_increase_en
            if change <= allowed:
                return None
            message = msg(
                "grade {old:.1f} to {new:.1f} since {label} (+{change:.1f}, more than the {allowed:g} allowed)",
                old=old, new=new, label=label, change=change, allowed=allowed,
            )
        else:
            old, new = one_decimal(before.inflesz or 0.0), one_decimal(score.szigriszt_pazos or 0.0)
            change, allowed = one_decimal(old - new), self.options.max_inflesz_drop_es
            if change <= allowed:
                return None
            message = msg(
                "INFLESZ {old:.1f} to {new:.1f} since {label} (-{change:.1f}, more than the {allowed:g} allowed; "
                "grade {old_grade:.1f} to {new_grade:.1f} on the English scale)",
                old=old, new=new, label=label, change=change, allowed=allowed,
                old_grade=before.grade, new_grade=english_scale_grade(score) or 0.0,
            )
        hint = msg(
            "Find the sentences this change made longer or harder and split or simplify them; "
            "if the harder text is deliberate, update the baseline ({label}).",
            label=label,
        )
        line, column = document_position(doc)
        return self.finding(
            doc, line, column, message, hint,
            detail=hardest_detail(score, score.lang), context={"old": old, "new": new, "change": change},
        )
