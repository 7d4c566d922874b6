"""The meaning lexicons: phrases by kind and class, in English and Spanish.

The bundled lists live in ``data/lexicon.toml``; a project adds its own phrases in
``content/data/meaning.yaml`` (``type: meaning``, validated by the schema like the
other data files), which extend the bundled lists. Parties linked to a glossary entry (``glossary = "iep-team"``)
also match that entry's English term and every accepted Spanish rendering, so a
new variant added to ``content/data/glossary.yaml`` is a party at once.

Matching is on normalized text (:func:`normalize`): lower case, accents removed,
typographic apostrophes straightened, English contractions expanded. A phrase
matches whole words; a trailing ``*`` matches any ending.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from contentlint.content.text import strip_accents

# A matched phrase carries the classes it may mean ("hasta": until or at most).
Classes = frozenset[str]

_CONTRACTION = re.compile(r"n't\b")
_CANNOT = re.compile(r"\bcannot\b")
_WORD = re.compile(r"\w+")


# The accented letters of Spanish and the typographic apostrophe, folded without
# Unicode decomposition (the common case; anything else goes through strip_accents).
_FOLD = str.maketrans("áéíóúüñàèìòù\u2019", "aeiouunaeiou'")


def normalize(text: str, lang: str) -> str:
    """Lower case, no accents, straight apostrophes; English "don't" -> "do not".

    Offsets may shift only by the contraction expansion, which the callers do not
    map back to the source (findings quote the sentence, not an offset in it).
    """
    low = text.lower().translate(_FOLD)
    if not low.isascii():
        low = strip_accents(low, keep_tilde=False)
    if lang == "en":
        low = _CANNOT.sub("can not", low)
        low = _CONTRACTION.sub(" not", low).replace("won not", "will not")
    return low


_TOKEN = re.compile(r"\w+|[^\w\s]")


@lru_cache(maxsize=512)
def tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, token) of a normalized text: words, and each punctuation mark
    on its own (so a phrase never matches across a comma)."""
    return tuple((m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text))


@dataclass(frozen=True, slots=True)
class Entry:
    """One phrase as tokens; ``wild``: its last token is a prefix ("rechaz*")."""

    words: tuple[str, ...]
    wild: bool
    classes: Classes

    def matches(self, found: tuple[tuple[int, int, str], ...], at: int) -> bool:
        """The phrase starts at token ``at``."""
        words = self.words
        if at + len(words) > len(found):
            return False
        last = len(words) - 1
        for k, word in enumerate(words):
            token = found[at + k][2]
            if token != word and not (k == last and self.wild and token.startswith(word)):
                return False
        return True


_PREFIX = 3  # wildcard phrases are indexed by the first letters of their first word


@dataclass(frozen=True)
class Matcher:
    """Finds the phrases of one list in a text, longest first, without overlaps.

    Phrases are indexed by their first token (a dictionary, not one big regular
    expression: building one costs more than a whole small run), and a wildcard
    first word by its first letters.
    """

    exact: dict[str, tuple[Entry, ...]]
    prefixed: dict[str, tuple[Entry, ...]]
    phrases: tuple[str, ...]

    @classmethod
    def build(cls, entries: Iterable[tuple[str, str]], lang: str) -> Matcher:
        """``entries``: (phrase, class) pairs; a phrase listed twice gets both classes."""
        merged: dict[str, set[str]] = {}
        for phrase, cls_name in entries:
            key = " ".join(normalize(phrase, lang).split())
            if key.rstrip("*").strip():
                merged.setdefault(key, set()).add(cls_name)
        exact: dict[str, list[Entry]] = {}
        prefixed: dict[str, list[Entry]] = {}
        for phrase, classes in merged.items():
            wild = phrase.endswith("*")
            words = tuple(token for _, _, token in tokens(phrase.rstrip("*").strip()))
            entry = Entry(words, wild, frozenset(classes))
            if wild and len(words) == 1:
                prefixed.setdefault(words[0][:_PREFIX], []).append(entry)
            else:
                exact.setdefault(words[0], []).append(entry)

        def longest_first(table: dict[str, list[Entry]]) -> dict[str, tuple[Entry, ...]]:
            return {key: tuple(sorted(found, key=lambda e: (-len(e.words), -sum(map(len, e.words)))))
                    for key, found in table.items()}

        return cls(longest_first(exact), longest_first(prefixed), tuple(sorted(merged)))

    def find(self, text: str) -> Iterator[tuple[int, int, str, Classes]]:
        """(start, end, matched text, classes) of each phrase found in normalized ``text``."""
        found = tokens(text)
        exact, prefixed = self.exact, self.prefixed
        at = 0
        while at < len(found):
            token = found[at][2]
            best: Entry | None = None
            for entry in (*exact.get(token, ()), *prefixed.get(token[:_PREFIX], ())):
                if (best is None or len(entry.words) > len(best.words)) and entry.matches(found, at):
                    best = entry
            if best is None:
                at += 1
                continue
            start, end = found[at][0], found[at + len(best.words) - 1][1]
            yield start, end, text[start:end], best.classes
            at += len(best.words)


Found = tuple[int, int, str, Classes]  # start, end, matched text, classes
KINDS = ("negation", "neutral", "absorbs", "modality", "relations", "quantity", "frequency", "parties")


@dataclass(frozen=True)
class Side:
    """The matchers of one language, and one index over all of them.

    ``scan`` finds every kind in one pass over a sentence's tokens (most tokens
    start no phrase and cost one dictionary lookup); within a kind, the longest
    phrase wins and phrases do not overlap, as with :meth:`Matcher.find`.
    """

    negation: Matcher
    neutral: Matcher
    absorbs: Matcher
    modality: Matcher
    relations: Matcher
    quantity: Matcher
    frequency: Matcher
    parties: Matcher
    exact: dict[str, tuple[tuple[int, Entry], ...]] = field(default_factory=dict, init=False)
    double: dict[tuple[str, str], tuple[tuple[int, Entry], ...]] = field(default_factory=dict, init=False)
    prefixed: dict[str, tuple[tuple[int, Entry], ...]] = field(default_factory=dict, init=False)
    firsts: frozenset[str] = field(default=frozenset(), init=False)

    def __post_init__(self) -> None:
        # One word, or a second word that is a prefix: indexed by the first word;
        # longer phrases by their first two words (a common first word such as
        # "no", "a" or "en" then costs one lookup, not a try of each phrase).
        single: dict[str, list[tuple[int, Entry]]] = {}
        double: dict[tuple[str, str], list[tuple[int, Entry]]] = {}
        prefixed: dict[str, list[tuple[int, Entry]]] = {}
        for number, kind in enumerate(KINDS):
            matcher: Matcher = getattr(self, kind)
            for key, entries in matcher.exact.items():
                for entry in entries:
                    if len(entry.words) == 1 or (len(entry.words) == 2 and entry.wild):
                        single.setdefault(key, []).append((number, entry))
                    else:
                        double.setdefault((key, entry.words[1]), []).append((number, entry))
            for key, entries in matcher.prefixed.items():
                prefixed.setdefault(key, []).extend((number, entry) for entry in entries)
        object.__setattr__(self, "exact", {key: tuple(found) for key, found in single.items()})
        object.__setattr__(self, "double", {key: tuple(found) for key, found in double.items()})
        object.__setattr__(self, "prefixed", {key: tuple(found) for key, found in prefixed.items()})
        object.__setattr__(self, "firsts", frozenset(single) | {first for first, _ in double})

    def scan(self, text: str) -> list[list[Found]]:
        """The phrases of every kind in normalized ``text``, by kind number (``KINDS``)."""
        found = tokens(text)
        out: list[list[Found]] = [[] for _ in KINDS]
        words = [token for _, _, token in found]
        firsts, prefixed = self.firsts, self.prefixed
        starts = [at for at, word in enumerate(words) if word in firsts or word[:_PREFIX] in prefixed]
        if not starts:
            return out
        free = [0] * len(KINDS)  # the first token each kind may match again
        exact, double = self.exact, self.double
        last_word = len(words) - 1
        for at in starts:
            word = words[at]
            candidates = exact.get(word, ())
            if at < last_word:
                candidates = (*candidates, *double.get((word, words[at + 1]), ()))
            candidates = (*candidates, *prefixed.get(word[:_PREFIX], ()))
            best: dict[int, Entry] = {}
            for number, entry in candidates:
                if free[number] > at:
                    continue
                chosen = best.get(number)
                if (chosen is None or len(entry.words) > len(chosen.words)) and entry.matches(found, at):
                    best[number] = entry
            for number, entry in best.items():
                last = at + len(entry.words) - 1
                start, end = found[at][0], found[last][1]
                out[number].append((start, end, text[start:end], entry.classes))
                free[number] = last + 1
        return out


@dataclass(frozen=True)
class Lexicon:
    """Both languages' matchers and the tables that say what conflicts."""

    en: Side
    es: Side
    negated: Mapping[str, Classes]  # modality class -> readings when negated before it
    en_not_after: Mapping[str, Classes]  # English modal word + "not" -> readings
    es_negated_override: Mapping[str, Classes]  # Spanish phrase negated -> readings
    agree: Mapping[str, Classes]  # a modality reading -> readings that say the same
    relation_conflicts: tuple[tuple[str, str], ...]
    quantity_conflicts: tuple[tuple[str, str], ...]
    quantity_keep: frozenset[str]
    # The markers of each (sentence, language) met in this run: guides repeat
    # sentences (notes, steps, the same warning), and a marker depends on nothing else.
    memo: dict[tuple[str, str], Any] = field(default_factory=dict, compare=False)
    # The differences of each (English block, Spanish block) text pair met in this run
    # (see :func:`contentlint.meaning.pairs.block_differences`).
    blocks: dict[tuple[str, str], Any] = field(default_factory=dict, compare=False)

    def side(self, lang: str) -> Side:
        """The matchers of ``lang`` (en or es)."""
        return self.es if lang == "es" else self.en


def _classes(table: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    for cls_name, phrases in table.items():
        if isinstance(phrases, list):
            for phrase in phrases:
                if isinstance(phrase, str):
                    yield phrase, cls_name


def _plain(table: Mapping[str, Any], name: str) -> Iterator[tuple[str, str]]:
    for phrase in table.get(name, []):
        if isinstance(phrase, str):
            yield phrase, name


def _absorbs(polarity: Mapping[str, Any], lang: str) -> list[tuple[str, str]]:
    """The absorbing phrases, and the litotes words, which absorb too."""
    entries = [(phrase, "absorbs") for phrase in polarity.get(f"{lang}-absorbs", [])]
    for phrase in polarity.get(f"{lang}-litotes", []):
        entries += [(phrase, "absorbs"), (phrase, "litotes")]
    return entries


def _readings(table: Mapping[str, Any]) -> dict[str, Classes]:
    return {normalize(key, "es"): frozenset(v for v in value if isinstance(v, str))
            for key, value in table.items() if isinstance(value, list)}


def _pairs(rows: Any) -> tuple[tuple[str, str], ...]:
    return tuple((str(row[0]), str(row[1])) for row in rows if isinstance(row, list) and len(row) == 2)


@lru_cache(maxsize=1)
def bundled() -> dict[str, Any]:
    """The bundled lexicon file, parsed (the same for every run of the process)."""
    text = resources.files("contentlint.meaning").joinpath("data/lexicon.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def party_entries(data: Mapping[str, Any], lang: str, glossary: Mapping[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    """(phrase, party) pairs of one language, with the linked glossary terms.

    ``glossary`` maps a glossary id to its phrases in ``lang`` (the English term, or
    the accepted Spanish renderings). A phrase listed under ``none`` names no party
    ("school year"): it only keeps a shorter party word from matching inside it.
    """
    entries: list[tuple[str, str]] = []
    for party, spec in data.get("parties", {}).items():
        if not isinstance(spec, dict):
            continue
        entries.extend((phrase, party) for phrase in spec.get(lang, []) if isinstance(phrase, str))
        linked = spec.get("glossary")
        if isinstance(linked, str):
            entries.extend((phrase, party) for phrase in glossary.get(linked, ()))
    entries.extend((phrase, "") for phrase in data.get("not-parties", {}).get(lang, []) if isinstance(phrase, str))
    return entries


def _extend(table: dict[str, Any], key: str, phrases: Iterable[str]) -> None:
    table[key] = [*table.get(key, []), *phrases]


def with_project(base: Mapping[str, Any], model: Any) -> dict[str, Any]:
    """The bundled lexicon with a project's ``content/data/meaning.yaml`` (a validated
    ``MeaningLexicon`` model) added to it: every list there extends the bundled one."""
    import copy

    data: dict[str, Any] = copy.deepcopy(dict(base))
    if model is None:
        return data
    polarity = data.setdefault("polarity", {})
    for name, suffix in (("negation", ""), ("not_negation", "-neutral"), ("negation_equivalents", "-absorbs")):
        lists = getattr(model, name)
        if lists is not None:
            for lang in ("en", "es"):
                _extend(polarity, lang + suffix, getattr(lists, lang))
    for kind in ("modality", "relations", "quantity", "frequency"):
        classes = getattr(model, kind)
        if classes is not None:
            for lang in ("en", "es"):
                table = data.setdefault(kind, {}).setdefault(lang, {})
                for cls_name, phrases in getattr(classes, lang).items():
                    _extend(table, cls_name, phrases)
    for party, spec in model.parties.items():
        entry = data.setdefault("parties", {}).setdefault(party, {})
        _extend(entry, "en", spec.en)
        _extend(entry, "es", spec.es)
        if spec.glossary:
            entry["glossary"] = spec.glossary
    if model.not_parties is not None:
        for lang in ("en", "es"):
            _extend(data.setdefault("not-parties", {}), lang, getattr(model.not_parties, lang))
    return data


def build_lexicon(glossary_en: Mapping[str, tuple[str, ...]], glossary_es: Mapping[str, tuple[str, ...]],
                  project: Any = None) -> Lexicon:
    """Compile the bundled lexicon, the project's additions (a ``MeaningLexicon``
    model or None) and the glossary's party terms."""
    data = with_project(bundled(), project)

    def side(lang: str, glossary: Mapping[str, tuple[str, ...]]) -> Side:
        polarity = data.get("polarity", {})
        return Side(
            negation=Matcher.build(((p, "neg") for p in polarity.get(lang, [])), lang),
            neutral=Matcher.build(((p, "neutral") for p in polarity.get(f"{lang}-neutral", [])), lang),
            absorbs=Matcher.build(_absorbs(polarity, lang), lang),
            modality=Matcher.build(_classes(data.get("modality", {}).get(lang, {})), lang),
            relations=Matcher.build(_classes(data.get("relations", {}).get(lang, {})), lang),
            quantity=Matcher.build(_classes(data.get("quantity", {}).get(lang, {})), lang),
            frequency=Matcher.build(_classes(data.get("frequency", {}).get(lang, {})), lang),
            parties=Matcher.build(party_entries(data, lang, glossary), lang),
        )

    modality = data.get("modality", {})
    return Lexicon(
        en=side("en", glossary_en),
        es=side("es", glossary_es),
        negated=_readings(modality.get("negated", {})),
        en_not_after=_readings(modality.get("en-not-after", {})),
        es_negated_override=_readings(modality.get("es-negated-override", {})),
        agree=_readings(modality.get("agree", {})),
        relation_conflicts=_pairs(data.get("relations", {}).get("conflicts", [])),
        quantity_conflicts=_pairs(data.get("quantity", {}).get("conflicts", [])),
        quantity_keep=frozenset(str(k) for k in data.get("quantity", {}).get("keep", [])),
    )


def glossary_phrases(model: Any) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Glossary id -> English phrases, and id -> accepted Spanish phrases, of a glossary model."""
    english: dict[str, tuple[str, ...]] = {}
    spanish: dict[str, tuple[str, ...]] = {}
    if model is None:
        return english, spanish
    for entry in getattr(model, "terms", ()):
        en = [part.strip() for part in entry.en.term.split(" / ") if part.strip()]
        es = [part.strip() for part in entry.es.term.split(" / ") if part.strip()]
        english[entry.id] = tuple(en)
        spanish[entry.id] = (*es, *entry.es.variants)
    return english, spanish


def words(text: str) -> list[tuple[int, int]]:
    """Word spans of a normalized text (for the "within three words" tests)."""
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]
