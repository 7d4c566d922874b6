"""RD003 long-sentence: a sentence longer than the plain-language limit."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule, NoOptions
from contentlint.rules.readability.common import quote, sentence_column

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class LongSentence(FileRule):
    """A sentence of more than 20 words (English) or 25 words (Spanish).

    ## What it does
    Counts the words of every sentence of a guide's prose (each list item and
    table cell is at least one sentence; headings, code, URLs and legal citations
    are left out, see RD001) and reports, at its line, each sentence over the
    limit of its language: a warning above 20 words in English and 25 in Spanish,
    an error above 30 and 35. Spanish gets more room because a translation runs
    about 15-25 % longer in words for the same content.

    ## Why is this bad?
    Sentence length is the half of every readability formula a writer controls
    most directly. Plain-language practice keeps sentences around 15-20 words; a
    reader who loses the start of a 35-word sentence before its end rereads it or
    gives up.

    ## Example
    ```text
    content/en/x.md:12:1: RD003 sentence has 27 words, more than 20
        ('If you disagree with the evaluation, you can ask…')
    ```

    ## Options
    - `max-words-en` (default 20), `max-words-es` (default 25): longer is a warning.
    - `error-words-en` (default 30), `error-words-es` (default 35): longer is an error.

    `severity` sets the severity of both tiers.
    """

    code = "RD003"
    name = "long-sentence"
    default_severity = Severity.WARNING

    class Options(NoOptions):
        """Options of RD003."""

        max_words_en: int = Field(default=20, ge=1)
        max_words_es: int = Field(default=25, ge=1)
        error_words_en: int = Field(default=30, ge=1)
        error_words_es: int = Field(default=35, ge=1)

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report every sentence over the limit of the guide's language."""
        score = ctx.score(target)
        if score is None:
            return
        english = score.lang == "en"
        limit = self.options.max_words_en if english else self.options.max_words_es
        error = self.options.error_words_en if english else self.options.error_words_es
        for sentence in score.sentences_detail:
            if sentence.words <= limit:
                continue
            over = sentence.words > error
            message = msg(
                "sentence has {words} words, more than {limit} ('{text}')",
                words=sentence.words, limit=error if over else limit, text=quote(sentence),
            )
            hint = msg(
                "Split it into sentences of {limit} words or fewer: one idea per sentence; "
                "turn a series of items into a list.",
                limit=limit,
            )
            finding = self.finding(
                target, sentence.line, sentence_column(target, sentence), message, hint,
                context={"words": sentence.words, "limit": limit},
            )
            yield dataclasses.replace(finding, severity=Severity.ERROR) if over else finding
