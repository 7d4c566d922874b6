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

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contentlint.language.tokens import WORD_RE

if TYPE_CHECKING:
    from contentlint.content.library import Library

# Data-file keys whose values are prose, not names or terms.
_PROSE_KEYS = frozenset({"definition", "note", "mistranslations", "not_in", "keywords"})
# Keys whose values are ids and dates, not words of either language.
_ID_KEYS = frozenset({"id", "type", "updated", "unit"})
_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


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


def _data_strings(value: Any, lang: str, key: str = "", side: str = "") -> Iterator[str]:
    """The term and name strings of a data file for ``lang``: a value under an
    ``en``/``es`` key (``es_acronym`` too) belongs to that language only."""
    if key in _PROSE_KEYS or key in _ID_KEYS:
        return
    side = "es" if key.startswith("es") else "en" if key == "en" else side
    if isinstance(value, str):
        if side in ("", lang) and not _ID_RE.fullmatch(value):
            yield value
    elif isinstance(value, dict):
        for child_key, child in value.items():
            yield from _data_strings(child, lang, str(child_key), side)
    elif isinstance(value, list):
        for child in value:
            yield from _data_strings(child, lang, key, side)


def library_vocabulary(library: Library, lang: str) -> Vocabulary:
    """The words of the data files' terms and names in ``lang``, and the capitalized
    words of the titles of the guides in ``lang``."""
    phrases: list[str] = []
    for data_type in ("glossary", "acronyms", "timelines"):
        doc = library.data(data_type)
        if doc is not None and isinstance(doc.data, dict):
            phrases += _data_strings(doc.data, lang)
    for guide in library.guides:
        title = guide.front.get("title")
        if isinstance(title, str) and guide.lang == lang:
            phrases += [word for word in title.split() if word[:1].isupper()]
    return Vocabulary(frozenset(words_of(phrases)) | shipped_words(lang))


def shipped_words(lang: str) -> frozenset[str]:
    """The special-education words the dictionaries lack (``data/words-<lang>.txt``)."""
    path = Path(__file__).resolve().parent / "data" / f"words-{lang}.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(words_of(line.strip() for line in lines if line.strip() and not line.startswith("#")))
