"""PR050 untranslated-block: a Spanish block identical to its English block."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.bilingual.describe import english_note
from contentlint.bilingual.langid import countable_words
from contentlint.bilingual.locate import block_location, locate
from contentlint.bilingual.text import normalize
from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import NoOptions, PairRule

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


class UntranslatedBlock(PairRule):
    """A Spanish block (or title or description) that is word for word its English counterpart.

    ## What it does
    Compares each aligned Spanish block with its English block after
    normalization, and the front-matter `title` and `description`. Identical text
    is reported unless fewer than `min-words` words remain once names, acronyms,
    URLs, citations, code and quoted terms are set aside (a block that is only
    "IDEA, 34 CFR 300.503" legitimately reads the same).

    ## Why is this bad?
    Copied English in a Spanish guide is text the reader may not understand,
    usually a paragraph added to the English after the translation and pasted
    over as a placeholder.

    ## Example
    ```markdown
    English: Keep every email, notice, and evaluation in one place.
    Spanish: Keep every email, notice, and evaluation in one place.    <- PR050
    ```

    ## Options
    - `min-words` (default 4): blocks with fewer countable words are not judged.
    """

    code = "PR050"
    name = "untranslated-block"
    default_severity = Severity.ERROR

    class Options(NoOptions):
        """Options of PR050."""

        min_words: int = 4

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Report identical blocks and front matter texts."""
        for en, es in ctx.aligned_prose(target):
            if en.text != es.text or len(countable_words(es.text, es.block.source)) < self.options.min_words:
                continue
            line, column = locate(target.es, es.block)
            yield self.finding(
                target.es,
                line,
                column,
                msg("this block is identical to the English block: it was not translated"),
                msg("Translate it (names, acronyms and quoted English terms may stay in English)."),
                related=(block_location(target.en, en.block, english_note(en)),),
            )
        for key in ("title", "description"):
            en_value, es_value = target.en.front.get(key), target.es.front.get(key)
            if not isinstance(en_value, str) or not isinstance(es_value, str):
                continue
            if normalize(en_value) != normalize(es_value) or len(countable_words(es_value)) < self.options.min_words:
                continue
            line, column = target.es.value_position((key,))
            en_line, en_column = target.en.value_position((key,))
            yield self.finding(
                target.es,
                line,
                column,
                msg("{key} is identical to the English guide's: it was not translated", key=key),
                msg("Translate the {key}.", key=key),
                related=(Location(target.en.display, en_line, en_column, note=msg("English {key}", key=key)),),
            )
