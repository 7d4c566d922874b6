"""Inflection-tolerant phrase matching for glossary terms.

Each word is reduced to a key: Spanish keys drop accents, the plural (-s,
-es) and the gender vowel (-o, -a, -e), so evaluación/evaluaciones,
independiente/independientes and público/pública/públicos share a key;
English keys drop the plural (-s, -es, -ies) and the possessive. A phrase
matches a text when its keys appear as a contiguous run of the text's keys:
no words in between, so the match stays precise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, count
from typing import Generic, TypeVar

from contentlint.content.text import strip_accents

T = TypeVar("T")
TOKEN_RE = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
BREAK = "\x00"
# A word, or a run of punctuation (with the spaces around it) between words;
# hyphens and apostrophes are not punctuation here ("stay-put", "child's").
_PIECE_RE = re.compile(
    r"([^\W_]+(?:['\u2019][^\W_]+)*)"
    r"|[^\w'\u2019\-\u2010\u2011]*[^\w\s'\u2019\-\u2010\u2011][^\w'\u2019\-\u2010\u2011]*"
)
_ES_ARTICLES = {"la": "el", "las": "el", "los": "el", "lo": "el", "una": "un", "unos": "un", "unas": "un"}


@lru_cache(maxsize=65536)
def es_key(word: str) -> str:
    """The inflection key of a Spanish word."""
    w = strip_accents(word.lower())
    if w in _ES_ARTICLES:
        return _ES_ARTICLES[w]
    if len(w) > 4 and w.endswith("es"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s"):
        w = w[:-1]
    if len(w) > 3 and w[-1] in "aoe":
        w = w[:-1]
    if w.endswith("z"):
        w = w[:-1] + "c"
    return w


@lru_cache(maxsize=65536)
def en_key(word: str) -> str:
    """The inflection key of an English word."""
    w = word.lower().replace("\u2019", "'")
    w = w.removesuffix("'s")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


class _KeyMemo(dict[str, str]):
    """word -> key, computed on first sight; ``""`` (punctuation) -> BREAK.

    A dict lookup through ``map`` runs at C speed; the words of a library
    repeat, so almost every lookup is a hit.
    """

    def __init__(self, key: Callable[[str], str]) -> None:
        super().__init__({"": BREAK})
        self.key = key

    def __missing__(self, word: str) -> str:
        found = self.key(word)
        if len(self) < 200_000:
            self[word] = found
        return found


_KEYS = {"es": _KeyMemo(es_key), "en": _KeyMemo(en_key)}


def keys(text: str, lang: str) -> list[str]:
    """The inflection keys of every word of ``text``, with BREAK at punctuation.

    Position for position the keys of :func:`key_spans`, without the offsets
    (one ``findall``: the hot path of the terminology checks and alignment).
    """
    memo = _KEYS["es" if lang == "es" else "en"]
    out = list(map(memo.__getitem__, _PIECE_RE.findall(text)))
    if out and out[0] == BREAK:
        del out[0]
    if out and out[-1] == BREAK:
        out.pop()
    return out


def key_spans(text: str, lang: str) -> list[tuple[str, int, int]]:
    """Keys with the start and end offset of their word; BREAK (an empty span) marks
    punctuation between two words, so no phrase matches across "(IEP) meeting"."""
    key = es_key if lang == "es" else en_key
    out = [
        (key(m.group(1)), m.start(), m.end()) if m.group(1) else (BREAK, m.start(), m.start())
        for m in _PIECE_RE.finditer(text)
    ]
    if out and out[0][0] == BREAK:
        del out[0]
    if out and out[-1][0] == BREAK:
        out.pop()
    return out


def phrase_keys(phrase: str, lang: str) -> tuple[str, ...]:
    """Keys of a glossary phrase; parenthesized parts (acronyms) are left out."""
    return tuple(keys(re.sub(r"\([^)]*\)", " ", phrase), lang))


def contains(text_keys: Sequence[str], phrase: Sequence[str]) -> bool:
    """True when ``phrase`` occurs as a contiguous run of ``text_keys``."""
    if not phrase:
        return False
    first, size = phrase[0], len(phrase)
    for start in range(len(text_keys) - size + 1):
        if text_keys[start] == first and tuple(text_keys[start : start + size]) == tuple(phrase):
            return True
    return False


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    """A phrase found in a text: token positions and the phrase's payload."""

    start: int
    end: int
    payload: T


@dataclass
class PhraseIndex(Generic[T]):
    """Many phrases, found in one pass, longest match first, without overlaps.

    Phrases are indexed by their first key; a candidate is rejected on its second
    key before any slice is compared, so most positions cost one set lookup.
    """

    by_first: dict[str, list[tuple[tuple[str, ...], T]]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """True when the index holds no phrase."""
        return not self.by_first

    @classmethod
    def build(cls, phrases: Iterable[tuple[tuple[str, ...], T]]) -> PhraseIndex[T]:
        """Index phrases (already reduced to keys) by their first key, longest first."""
        index: PhraseIndex[T] = cls()
        for phrase, payload in phrases:
            if phrase:
                index.by_first.setdefault(phrase[0], []).append((phrase, payload))
        for candidates in index.by_first.values():
            candidates.sort(key=lambda item: len(item[0]), reverse=True)
        return index

    def find(self, text_keys: Sequence[str]) -> list[Hit[T]]:
        """Every non-overlapping occurrence, scanning left to right."""
        by_first = self.by_first
        if by_first.keys().isdisjoint(text_keys):
            return []  # most blocks: one C-level pass, no Python loop
        hits: list[Hit[T]] = []
        total, free_from = len(text_keys), 0
        for position in compress(count(), map(by_first.__contains__, text_keys)):
            if position < free_from:
                continue  # inside the previous (longer) match
            for phrase, payload in by_first[text_keys[position]]:
                end = position + len(phrase)
                if end > total or (end > position + 1 and text_keys[position + 1] != phrase[1]):
                    continue
                if end == position + 1 or tuple(text_keys[position:end]) == phrase:
                    hits.append(Hit(position, end, payload))
                    free_from = end
                    break
        return hits
