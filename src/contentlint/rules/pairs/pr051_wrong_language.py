"""PR051 wrong-language: a block written in the other language."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from contentlint.bilingual.blocks import PROSE_KINDS
from contentlint.bilingual.inflection import en_key, es_key
from contentlint.bilingual.langid import (
    EN_STOPWORDS,
    ES_STOPWORDS,
    countable_words,
    foreign_sentence,
    guess,
)
from contentlint.bilingual.locate import locate
from contentlint.bilingual.text import snippet
from contentlint.content.library import Pair
from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule, NoOptions

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext

_NAMES = {"en": msg("English"), "es": msg("Spanish")}


class WrongLanguage(FileRule):
    """A paragraph, list item or heading of a Spanish guide written in English (or of an English guide in Spanish).

    ## What it does
    An offline detector counts function words that exist in only one of the two
    languages ("the", "and", "you" against "el", "que", "usted") and Spanish
    letters, after setting aside what a translation keeps in English: names,
    acronyms, URLs, e-mail addresses, citations, code and text in double quotes.
    A block with fewer than `min-words` countable words is not judged. A block
    of the right language that contains a whole sentence (`min-sentence-words`
    or more) in the other language is reported too. Blocks identical to their
    English counterpart are PR050's.

    ## Why is this bad?
    A sentence left in English is a sentence a Spanish-speaking parent may not
    understand, and nothing else catches it once the structure matches.

    ## Example
    ```markdown
    Guarde cada aviso en un solo lugar. Put your requests in writing and keep a copy.
                                        ^ PR051: a sentence of this block is in English
    ```

    ## Options
    - `min-words` (default 4): blocks with fewer countable words are not judged.
    - `min-sentence-words` (default 6): shortest sentence judged on its own.
    """

    code = "PR051"
    name = "wrong-language"
    default_severity = Severity.WARNING

    class Options(NoOptions):
        """Options of PR051."""

        min_words: int = 4
        min_sentence_words: int = 6

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Judge every prose block of a guide."""
        lang = target.lang
        if target.kind != "guide" or lang not in _NAMES:
            return
        copied = _copied_blocks(target, ctx)
        other = "es" if lang == "en" else "en"
        foreign_keys = _foreign_keys(lang)
        for info in ctx.blocks(target):
            if info.kind not in PROSE_KINDS or info.index in copied:
                continue
            # Cheap test first, on the word keys the terminology checks compute anyway:
            # any verdict (block or sentence) needs two function words of the other
            # language, and most blocks have none.
            if sum(1 for key in ctx.block_keys(target, info) if key in foreign_keys) < 2:
                continue
            found = guess(countable_words(info.text, info.block.source), self.options.min_words)
            if found.lang == other:
                line, column = locate(target, info.block)
                yield self.finding(
                    target,
                    line,
                    column,
                    msg("this block is in {other}, but the guide is {lang}", other=_NAMES[other], lang=_NAMES[lang]),
                    msg("Translate it; put names or terms that stay in the other language in quotes."),
                )
                continue
            if found.words < self.options.min_sentence_words:
                continue
            sentence = foreign_sentence(info.text, info.block.source, lang, self.options.min_sentence_words)
            if sentence:
                line, column = locate(target, info.block, sentence)
                yield self.finding(
                    target,
                    line,
                    column,
                    msg(
                        "a sentence of this block is in {other}: “{text}”", other=_NAMES[other], text=snippet(sentence)
                    ),
                    msg("Translate the sentence."),
                )


@lru_cache(maxsize=2)
def _foreign_keys(lang: str) -> frozenset[str]:
    """The other language's stop words, reduced to this language's word keys."""
    key = es_key if lang == "es" else en_key
    return frozenset(key(word) for word in (EN_STOPWORDS if lang == "es" else ES_STOPWORDS))


def _copied_blocks(doc: Document, ctx: RunContext) -> set[int]:
    """Spanish blocks identical to their aligned English block (PR050 reports those)."""
    if doc.lang != "es":
        return set()
    english = ctx.library.counterpart(doc)
    if english is None or not doc.doc_id:
        return set()
    alignment = ctx.alignment(Pair(doc.doc_id, english, doc))
    if not alignment.confident:
        return set()
    return {es.index for en, es in alignment.pairs() if en.text == es.text}
