"""The meaning markers of one sentence (or of a group of sentences).

What a sentence says beyond its facts: whether it is negated, its modality
(obligation, permission, advice, prohibition, exemption), its time relations and
conditions, its quantity and frequency words and the parties it names. Each
marker keeps the words that expressed it, so a finding can quote them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from contentlint.meaning.lexicon import Classes, Found, Lexicon, normalize, tokens

# A phrase of a class of its own that stops a shorter word matching inside it
# ("siempre y cuando" is not "siempre").
IGNORED_CLASS = "none"
# How many words may stand between a negation and the modal it negates, and
# which: auxiliaries and clitics ("do not have to", "no se le puede", "no está
# obligado"), never a verb of its own ("does not agree, you can").
_BRIDGE = {
    "en": frozenset({"be", "been", "ever", "even", "always", "really", "legally", "also", "yet", "do", "does",
                     "did", "is", "are", "was", "were", "will", "would", "actually", "necessarily", "you", "we",
                     "they", "one"}),
    "es": frozenset({"se", "le", "les", "lo", "la", "los", "las", "me", "te", "nos", "es", "esta", "estan", "son",
                     "estara", "estaran", "sera", "seran", "siempre", "legalmente", "realmente", "usted", "ustedes",
                     "necesariamente", "tampoco"}),
}
_MAX_BRIDGE = 3
_PUNCT = re.compile(r"[,;:()\[\]]")
_NOT_AFTER = {"en": re.compile(r"\s+not\b"), "es": re.compile(r"\s+no\b")}
# What joins two parties of a list: a comma or a conjunction, then an article or a possessive.
_JOINER = {
    "en": re.compile(r"\s*(?:,|,?\s*(?:and|or|and/or|nor))\s+(?:(?:the|a|an|your|their|his|her|its|any|other)\s+)?"),
    "es": re.compile(r"\s*(?:,|,?\s*(?:y|e|o|u|y/o|ni))\s+"
                     r"(?:(?:el|la|los|las|un|una|unos|unas|su|sus|al|a|otro|otra|otros|otras|cualquier)\s+)?"),
}


@dataclass(frozen=True)
class Marker:
    """One marker: the words found (normalized) and what they may mean."""

    text: str
    classes: Classes
    # A party joined to another one ("X and Y", "X, Y o Z"): a list of who.
    listed: bool = False
    # A time relation's number ("within 10 days" -> "10"; "" when it has none) and
    # whether the relation governs it ("after 10 days": the time that must pass)
    # or follows it ("10 days after the meeting": the meeting is the reference).
    anchor: str = ""
    governs: bool = False


@dataclass(frozen=True)
class Marks:
    """Every marker of a sentence."""

    negations: tuple[str, ...]
    absorbs: tuple[str, ...]  # words a translator may render with a negation
    # A negation of a word of negative sense ("can not refuse", "never lose", "no
    # puede negarse"): two negations that say something affirmative.
    litotes: bool
    modality: tuple[Marker, ...]  # classes: the readings (obligation, prohibition, ...)
    relations: tuple[Marker, ...]
    quantity: tuple[Marker, ...]
    frequency: tuple[Marker, ...]
    parties: tuple[Marker, ...]

    def classes(self, kind: str) -> frozenset[str]:
        """Every class of the markers of one kind (modality, relations, ...)."""
        markers: tuple[Marker, ...] = getattr(self, kind)
        return frozenset(c for marker in markers for c in marker.classes)


def _plain_markers(found: list[Found]) -> tuple[Marker, ...]:
    markers = []
    for _, _, words, classes in found:
        kept = classes - {IGNORED_CLASS, ""}
        if kept:
            markers.append(Marker(words, kept))
    return tuple(markers)


def _negated_before(text: str, start: int, negations: list[tuple[int, int]], lang: str) -> bool:
    """A negation stands just before ``start``, with only bridge words between, or
    negates the modal's subject ("no parent can be found" = "no se puede encontrar a
    ningún padre"; "ningún padre puede")."""
    for neg_start, neg_end in negations:
        if neg_end > start:
            continue
        between = text[neg_end:start]
        if _PUNCT.search(between):
            continue
        words = between.split()
        if text[neg_start:neg_end] in _SUBJECT_NEGATION[lang]:
            # The noun phrase the determiner negates ("no decision about placement can").
            subject = 0
            while subject < min(len(words), _MAX_SUBJECT) and words[subject] not in _BRIDGE[lang]:
                subject += 1
            words = words[subject:]
        if len(words) <= _MAX_BRIDGE and all(word in _BRIDGE[lang] for word in words):
            return True
    return False


# Determiners that negate the noun after them, and with it its sentence when that
# noun is the modal's subject.
_MAX_SUBJECT = 4
_SUBJECT_NEGATION = {"en": frozenset({"no"}), "es": frozenset({"ningun", "ninguna", "ningún"})}


def _modality(
    text: str, lang: str, found: list[Found], lexicon: Lexicon, negations: list[tuple[int, int]],
    turned: list[tuple[int, int]],
) -> tuple[Marker, ...]:
    markers = []
    for match in found:
        readings = _readings(text, lang, lexicon, negations, match)
        negated = _negated_before(text, match[0], negations, lang) or _NOT_AFTER[lang].match(text, match[1])
        if negated and _soon_after(text, match[1], turned):
            # "can not refuse" / "no puede negarse": may not refuse = must.
            readings = readings | {"obligation"}
        if readings:
            markers.append(Marker(match[2], readings))
    return tuple(markers)


def _readings(text: str, lang: str, lexicon: Lexicon, negations: list[tuple[int, int]],
              match: tuple[int, int, str, Classes]) -> Classes:
    """What one modal phrase means here, with a negation before or after it."""
    start, end, words, classes = match
    key = " ".join(words.split())
    if _negated_before(text, start, negations, lang):
        if lang == "es" and key in lexicon.es_negated_override:
            return lexicon.es_negated_override[key]
        return frozenset(r for c in classes for r in lexicon.negated.get(c, frozenset({c})))
    if _NOT_AFTER[lang].match(text, end):
        if lang == "en":
            head = key if key in lexicon.en_not_after else key.split()[0]
            if head in lexicon.en_not_after:
                return lexicon.en_not_after[head]
            return frozenset(r for c in classes for r in lexicon.negated.get(c, frozenset({c})))
        if "permission" in classes:
            return frozenset({"exemption", "permission"})  # "puede no firmar": signing is optional
    return classes


def marks(sentence: str, lang: str, lexicon: Lexicon) -> Marks:
    """The markers of one sentence (``lang`` = en or es), memoized for the run."""
    key = (sentence, lang)
    found: Marks | None = lexicon.memo.get(key)
    if found is None:
        found = lexicon.memo[key] = _marks(sentence, lang, lexicon)
    return found


def _marks(sentence: str, lang: str, lexicon: Lexicon) -> Marks:
    text = normalize(sentence, lang)
    negation, neutral, absorbs, modality, relations, quantity, frequency, parties = lexicon.side(lang).scan(text)
    spans = [
        (s, e) for s, e, _, _ in negation
        if not any(ns <= s and e <= ne for ns, ne, _, _ in neutral)
    ]
    turned = [(s, e) for s, e, _, classes in absorbs if "litotes" in classes]
    return Marks(
        negations=tuple(words for s, e, words, _ in negation if (s, e) in spans),
        absorbs=tuple(words for _, _, words, _ in absorbs),
        litotes=any(_soon_after(text, end, turned) for _, end in spans),
        modality=_modality(text, lang, modality, lexicon, spans, turned),
        relations=_relations(relations, text, lang, spans),
        quantity=_plain_markers(quantity),
        frequency=_plain_markers(frequency),
        parties=_parties(parties, text, lang),
    )


# How many words may stand between a negation and the word of negative sense it
# turns around ("no se puede negar", "does not lose").
_LITOTES_GAP = 2


def _soon_after(text: str, end: int, spans: list[tuple[int, int]]) -> bool:
    """A span starts within a couple of words after ``end``, with no punctuation between."""
    for start, _ in spans:
        if start >= end:
            between = text[end:start]
            if not _PUNCT.search(between) and len(between.split()) <= _LITOTES_GAP:
                return True
    return False


_JOIN_WORDS = {
    "en": frozenset({"and", "or", "the", "a", "an", "your", "their"}),
    "es": frozenset({"y", "e", "o", "u", "ni", "como", "el", "la", "los", "las", "un", "una", "su", "sus"}),
}
_ARTICLE = {
    "en": re.compile(r"\s*(?:(?:the|a|an|your|their)\s+)?"),
    "es": re.compile(r"\s*(?:(?:el|la|los|las|un|una|su|sus|al|a)\s+)?"),
}


def _parties(matches: list[Found], text: str, lang: str) -> tuple[Marker, ...]:
    """The parties named, each marked as listed when a joiner links it to its neighbor."""
    found = [(s, e, words, classes - {""}) for s, e, words, classes in matches]
    named = [(s, e, words, classes) for s, e, words, classes in found if classes]
    joined = [False] * len(named)
    joiner = _JOINER[lang]
    for i in range(len(named) - 1):
        between = text[named[i][1] : named[i + 1][0]]
        # "you and the" holds its own joiner: what follows it is the next party.
        ends_joined = named[i][2].split()[-1] in _JOIN_WORDS[lang]
        if joiner.fullmatch(between) or (ends_joined and _ARTICLE[lang].fullmatch(between)):
            joined[i] = joined[i + 1] = True
    return tuple(Marker(words, classes, joined[i]) for i, (_, _, words, classes) in enumerate(named))


# How far a time relation reaches for its number: forward over a few words
# ("dentro de los 30", "a más tardar el 1 de mayo"), else back over a unit
# ("10 days after", "30 días posteriores"); never across punctuation.
_FORWARD = 4
_BACKWARD = 3
_STOP = frozenset(",;:()[]")


def _number(token: str, words: Mapping[str, int]) -> str:
    """The value of a token that is a number (digits or a number word), else ""."""
    if token.isdigit():
        return str(int(token))
    value = words.get(token)
    return "" if value is None else str(value)


def _relations(found: list[Found], text: str, lang: str, negations: list[tuple[int, int]]) -> tuple[Marker, ...]:
    """The time relations and conditions, each with the number it is attached to.

    "Until" after a negation ("can not take place until you are invited"; "no
    ... hasta que") says "only after": it agrees with an "after" on the other side.
    """
    markers = _plain_markers(found)
    if not markers:
        return markers
    from contentlint.facts.numwords import cardinals  # the facts' number words: "ten" = "diez" = 10

    numbers = cardinals(lang)
    words = tokens(text)
    starts = [start for start, _, _, classes in found if classes - {IGNORED_CLASS, ""}]
    ends = [end for _, end, _, classes in found if classes - {IGNORED_CLASS, ""}]
    anchored = []
    for marker, start, end in zip(markers, starts, ends, strict=True):
        anchor, governs = _anchor(words, start, end, numbers, starts)
        classes = marker.classes
        if "until" in classes and any(neg_end <= start for _, neg_end in negations):
            classes = classes | {"after"}
        anchored.append(Marker(marker.text, classes, anchor=anchor, governs=governs))
    return tuple(anchored)


def _anchor(words: tuple[tuple[int, int, str], ...], start: int, end: int, numbers: Mapping[str, int],
            relation_starts: list[int]) -> tuple[str, bool]:
    """The number a relation is attached to, and whether it governs it (comes first)."""
    first = next((k for k, w in enumerate(words) if w[0] >= end), len(words))
    for k in range(first, min(first + _FORWARD, len(words))):
        if words[k][2] in _STOP or words[k][0] in relation_starts:
            break
        if value := _number(words[k][2], numbers):
            return value, True
    last = next((k for k in range(len(words) - 1, -1, -1) if words[k][1] <= start), -1)
    for k in range(last, max(last - _BACKWARD, -1), -1):
        if words[k][2] in _STOP:
            break
        if value := _number(words[k][2], numbers):
            return value, False
    return "", False
