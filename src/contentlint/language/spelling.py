"""Which words of a text no dictionary and no list knows (LQ001, LQ003, benchmarks).

A word passes when the vocabulary has it (as written or in lower case), when it
is part of a name (capitalized inside a sentence, or one of several capitalized
words: "Parent Center Hub", "Americans with Disabilities Act"), or when the
dictionary of its language (its marked language inside ``lang="en"``) knows it.
A word of a Spanish text that only the English dictionary knows is English inside
the Spanish (LQ003), not a misspelling, unless it is a Spanish word without its
accent: "areas", "decision", "television" are English words, but in Spanish text
they are "áreas", "decisión", "televisión" written on an English keyboard (LQ001,
which suggests the accent), whether or not a bracket follows them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contentlint.language.speller import Speller
    from contentlint.language.tokens import Word
    from contentlint.language.vocabulary import Vocabulary


def unknown(
    words: Iterable[Word], lang: str, vocabulary: Vocabulary, speller: Callable[[str], Speller],
    marked_vocabulary: Vocabulary | None = None,
) -> Iterator[tuple[Word, bool]]:
    """Each unknown word, with True when it is an English word in Spanish text.

    ``marked_vocabulary``: the library's words in the other language, for the words
    marked as that language (a Spanish glossary term quoted in an English guide).
    """
    own = speller(lang)
    # Why: a guide repeats its words; each distinct word of the text's own language is
    # looked up once. The dictionary first: the words it knows in the guides are the
    # ones its suggestions prefer (a library's own words stand in for a frequency list).
    passes: dict[str, bool] = {}
    for word in words:
        text = word.text
        if word.lang == lang:
            verdict = passes.get(text)
            if verdict is None:
                verdict = passes[text] = own.known(text) or text in vocabulary
            if verdict:
                continue
        elif text in vocabulary or (marked_vocabulary is not None and text in marked_vocabulary):
            continue
        if word.name or (text[0].isupper() and not word.initial):
            continue  # a name: "Parent Center Hub", "Americans with Disabilities Act", "Wrightslaw"
        if word.lang != lang and speller(word.lang).known(text):
            continue
        # English inside Spanish text (LQ003); a word marked Spanish in an English guide is Spanish.
        english = (lang == "es" and word.lang == "es" and speller("en").known(word.text)
                   and not own.accent_missing(word.text))
        if english and (word.quoted or word.set_apart):
            continue  # a kept English word, set apart as Spanish style asks: quoted, in italics or brackets
        yield word, english
