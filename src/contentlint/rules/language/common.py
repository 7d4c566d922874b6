"""What the LQ rules share: the unknown words of a guide (not a rule module)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.language.tokens import document_words

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext
    from contentlint.language.tokens import Word

GUIDE_LANGUAGES = ("en", "es")


def guide_words(doc: Document) -> list[str]:
    """The guide's own ``spelling_ignore`` words (front matter)."""
    value = doc.front.get("spelling_ignore")
    return [str(word) for word in value if isinstance(word, str)] if isinstance(value, list) else []


def unknown_words(doc: Document, ctx: RunContext, project_words: list[str]) -> Iterator[tuple[Word, bool]]:
    """Each word of the guide's prose that neither the library's vocabulary nor the
    dictionary of its language knows, with True when it is an English word inside a
    Spanish guide (the English dictionary knows it)."""
    lang = doc.lang or "en"
    vocabulary = ctx.vocabulary().with_words([*project_words, *guide_words(doc)])
    speller = ctx.speller(lang)
    for word in document_words(ctx.prose_lines(doc), lang):
        if word.text in vocabulary:
            continue
        if word.text[0].isupper() and not word.initial:
            continue  # a name inside a sentence ("Parent Center Hub", "Wrightslaw")
        checker = speller if word.lang == lang else ctx.speller(word.lang)
        if checker.known(word.text):
            continue
        english = word.lang == "es" and ctx.speller("en").known(word.text)
        yield word, english
