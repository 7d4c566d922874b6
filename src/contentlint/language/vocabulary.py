"""The words the library itself knows, which no general dictionary has.

From the data files: glossary terms and their accepted variants in both
languages, the acronym decoder's expansions, titles and citations (never a
definition, a note or a known mistranslation: those are prose, and a misspelling
there must not become a known word). From the guides: the capitalized words of
their titles (names of programs, offices, laws). A project adds its own words in
the spelling rule's options, and a guide its own in the ``spelling_ignore`` list of
its front matter.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from contentlint.language.tokens import WORD_RE

if TYPE_CHECKING:
    from contentlint.content.library import Library

# Data-file keys whose values are prose, not names or terms.
_PROSE_KEYS = frozenset({"definition", "note", "mistranslations", "not_in", "keywords"})


@dataclass(frozen=True)
class Vocabulary:
    """Known words, compared as written and in lower case."""

    words: frozenset[str] = frozenset()

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in self.words or word.lower() in self.words)

    def with_words(self, extra: Iterable[str]) -> Vocabulary:
        """This vocabulary plus ``extra`` phrases (split into words)."""
        added = set(words_of(extra))
        return self if not added else Vocabulary(self.words | added)


def words_of(phrases: Iterable[str]) -> Iterator[str]:
    """Every word of ``phrases``, as written and in lower case."""
    for phrase in phrases:
        for match in WORD_RE.finditer(phrase):
            word = match.group(0).replace("’", "'")
            yield word
            yield word.lower()


def _data_strings(value: Any, key: str = "") -> Iterator[str]:
    if key in _PROSE_KEYS:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for child_key, child in value.items():
            yield from _data_strings(child, str(child_key))
    elif isinstance(value, list):
        for child in value:
            yield from _data_strings(child, key)


def library_vocabulary(library: Library) -> Vocabulary:
    """The words of the data files' terms and names, and the capitalized words of
    guide titles."""
    phrases: list[str] = []
    for data_type in ("glossary", "acronyms", "timelines"):
        doc = library.data(data_type)
        if doc is not None and isinstance(doc.data, dict):
            phrases += _data_strings(doc.data)
    for guide in library.guides:
        title = guide.front.get("title")
        if isinstance(title, str):
            phrases += [word for word in title.split() if word[:1].isupper()]
    return Vocabulary(frozenset(words_of(phrases)))
