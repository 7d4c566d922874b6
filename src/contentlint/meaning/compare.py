"""The meaning differences of an aligned sentence pair, by kind.

Each comparison is built to stay silent on a correct translation written another
way (see tests/meaning/corpus.yaml for the variations it accepts):

* polarity: one side negated and the other not, unless the other side holds a
  word a translator may render with a negation ("unless" -> "si no") or the
  negated side negates such a word ("can not refuse" = "está obligado");
  double negation ("no ... nunca") is one negation because only presence counts;
* modality: reported only when the two sides share no reading at all
  ("must" against "puede"), never for a modal one side leaves implicit;
* relations and quantity: a conflicting pair of classes (before/after,
  at least/at most, all/some), each present on one side only; "only" and "both"
  dropped;
* frequency: a frequency class present on one side only;
* parties: a party named on one side only, when the English sentence names two or
  more and the party is part of a list on its side (who must agree, who may attend).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from contentlint.meaning.lexicon import Lexicon
from contentlint.meaning.markers import Marker, Marks

KINDS = ("polarity", "modality", "relations", "parties", "quantity")


@dataclass(frozen=True)
class Difference:
    """One meaning difference: its kind, the markers on each side and their classes."""

    kind: str  # polarity | modality | relations | parties | quantity | frequency
    en_marker: str  # the English words ("" when the English has none)
    es_marker: str
    en_class: str  # what the English marker means (obligation, before, ...)
    es_class: str


def _first(markers: tuple[Marker, ...], outside: frozenset[str]) -> Marker | None:
    return next((m for m in markers if not m.classes & outside), None)


def _with(markers: tuple[Marker, ...], cls: str) -> str:
    return next((m.text for m in markers if cls in m.classes), "")


def polarity(en: Marks, es: Marks) -> Iterator[Difference]:
    """One side negated, the other not."""
    if en.negations and not es.negations and not es.absorbs and not en.litotes:
        yield Difference("polarity", en.negations[0], "", "negated", "affirmative")
    elif es.negations and not en.negations and not en.absorbs and not es.litotes:
        yield Difference("polarity", "", es.negations[0], "affirmative", "negated")


def modality(en: Marks, es: Marks, lexicon: Lexicon) -> Iterator[Difference]:
    """Modal readings that share nothing ("must" against "puede")."""
    en_readings = en.classes("modality")
    es_readings = es.classes("modality")
    if not en_readings or not es_readings:
        return
    en_wide = en_readings | {a for r in en_readings for a in lexicon.agree.get(r, ())}
    es_wide = es_readings | {a for r in es_readings for a in lexicon.agree.get(r, ())}
    if en_wide & es_readings or es_wide & en_readings:
        return
    if _only_limits(en, es, en_readings | es_readings) or _subject_negated(en, es, en_readings | es_readings):
        return
    en_marker = _first(en.modality, es_wide)
    es_marker = _first(es.modality, en_wide)
    if en_marker is None or es_marker is None:
        return
    yield Difference("modality", en_marker.text, es_marker.text, _label(en_marker), _label(es_marker))


def _only_limits(en: Marks, es: Marks, readings: frozenset[str]) -> bool:
    """"There can be only one" is "no puede haber más de una": permission limited by
    "only" on one side is a prohibition of more on the other."""
    only = "only" in en.classes("quantity") or "only" in es.classes("quantity")
    return only and readings <= {"permission", "prohibition", "possible"}


# Determiners that negate a subject ("no single test can", "ninguna prueba por sí
# sola puede"): how far the subject runs before its modal differs by language.
_SUBJECT_DETERMINERS = frozenset({"no", "ningun", "ninguna", "ninguno"})


def _subject_negated(en: Marks, es: Marks, readings: frozenset[str]) -> bool:
    """Both sentences negated, one through a negated subject: whether the negation
    reaches the modal ("can" or "can not") is uncertain, and permission against
    prohibition is then no evidence."""
    if not en.negations or not es.negations or not readings <= {"permission", "prohibition", "possible"}:
        return False
    return bool(_SUBJECT_DETERMINERS.intersection((*en.negations, *es.negations)))


def _label(marker: Marker) -> str:
    return "/".join(sorted(marker.classes - {"possible"}) or sorted(marker.classes))


def _conflicts(kind: str, en: tuple[Marker, ...], es: tuple[Marker, ...],
               conflicts: tuple[tuple[str, str], ...]) -> Iterator[Difference]:
    en_classes = frozenset(c for m in en for c in m.classes)
    es_classes = frozenset(c for m in es for c in m.classes)
    for a, b in conflicts:
        for x, y in ((a, b), (b, a)):
            if x in en_classes and x not in es_classes and y in es_classes and y not in en_classes:
                yield Difference(kind, _with(en, x), _with(es, y), x, y)
                return


def relations(en: Marks, es: Marks, lexicon: Lexicon) -> Iterator[Difference]:
    """A time relation or condition turned into its opposite, next to the same number.

    Relations attached to a number both sides name are compared number by number
    ("at least 10 days before ..., and within 30 days after" keeps each relation
    on its number; swapping them is a finding). The others (attached to an event,
    or to a number only one side names) are compared as the sentence's sets.
    """
    shared = {m.anchor for m in en.relations if m.anchor} & {m.anchor for m in es.relations if m.anchor}
    conflicts = lexicon.relation_conflicts
    for number in sorted(shared):
        en_at = tuple(m for m in en.relations if m.anchor == number)
        es_at = tuple(m for m in es.relations if m.anchor == number)
        if found := list(_conflicts("relations", en_at, es_at, _at_number(conflicts, en_at + es_at))):
            yield from found
            return
    en_rest = tuple(m for m in en.relations if m.anchor not in shared)
    es_rest = tuple(m for m in es.relations if m.anchor not in shared)
    yield from _conflicts("relations", en_rest, es_rest, conflicts)


def _at_number(conflicts: tuple[tuple[str, str], ...],
               markers: tuple[Marker, ...]) -> tuple[tuple[str, str], ...]:
    """"10 days after the meeting" is a deadline counted from the meeting, which
    "within 10 days of the meeting" also says: an "after" that follows its number
    (instead of governing it: "after 10 days") does not conflict with "within"."""
    if any(m.governs for m in markers if "after" in m.classes):
        return conflicts
    return tuple(pair for pair in conflicts if set(pair) != {"within", "after"})


def quantity(en: Marks, es: Marks, lexicon: Lexicon) -> Iterator[Difference]:
    """A quantity changed (all/some) or dropped (only, both), or a frequency word changed."""
    found = list(_conflicts("quantity", en.quantity, es.quantity, lexicon.quantity_conflicts))
    yield from found
    if found:
        return
    es_quantity = es.classes("quantity")
    # "solo" may be "no ... más que" / "no ... sino": a negated Spanish sentence keeps it.
    for keep in sorted(lexicon.quantity_keep if not es.negations else ()):
        if keep not in es_quantity and (marker := _with(en.quantity, keep)):
            yield Difference("quantity", marker, "", keep, "")
            return
    en_freq = _without_never_pole(en.classes("frequency"), es)
    es_freq = _without_never_pole(es.classes("frequency"), en)
    if en_freq == es_freq:
        return
    dropped = sorted(en_freq - es_freq)
    added = sorted(es_freq - en_freq)
    yield Difference(
        "quantity",
        _with(en.frequency, dropped[0]) if dropped else "",
        _with(es.frequency, added[0]) if added else "",
        dropped[0] if dropped else "",
        added[0] if added else "",
    )


# "Never lose" is "conservar siempre": "always" on one side is the other side's
# "never" said of the opposite verb (a polarity difference, if any, is MP001's).
_NEVER = frozenset({"never", "nunca", "jamas"})


def _without_never_pole(found: frozenset[str], other: Marks) -> frozenset[str]:
    if "always" in found and _NEVER.intersection(other.negations):
        return found - {"always"}
    return found


def parties(en: Marks, es: Marks, one_to_one: bool = True) -> Iterator[Difference]:
    """A party of a list dropped or added, or one party replaced by another.

    Only a party that is part of a list on its side counts as dropped or added
    ("you and the school"; "el maestro, el director y un abogado"): elsewhere
    Spanish names a party by a pronoun ("le", "lo") or leaves it implicit, and the
    sentence has not lost it. One party named on each side in place of the other
    ("the teacher will call you" / "el director le llamará") is a replacement
    wherever it stands (a pronoun does not name another party), but only in a
    one-to-one sentence pair: a split or merged group holds a sentence of its own
    that may name its own party.
    """
    en_parties = en.classes("parties")
    es_parties = es.classes("parties")
    if en_parties == es_parties:
        return
    dropped = sorted(en_parties - es_parties)
    added = sorted(es_parties - en_parties)
    if one_to_one and len(dropped) == 1 and len(added) == 1 and not _alike(en, es):
        yield Difference("parties", _with(en.parties, dropped[0]), _with(es.parties, added[0]), dropped[0], added[0])
        return
    if len(en_parties) < 2:
        return
    en_listed = {c for m in en.parties if m.listed for c in m.classes}
    es_listed = {c for m in es.parties if m.listed for c in m.classes}
    dropped = sorted((en_parties - es_parties) & en_listed)
    added = sorted((es_parties - en_parties) & es_listed)
    if not dropped and not added:
        return
    yield Difference(
        "parties",
        _with(en.parties, dropped[0]) if dropped else "",
        _with(es.parties, added[0]) if added else "",
        dropped[0] if dropped else "",
        added[0] if added else "",
    )


def _alike(en: Marks, es: Marks) -> bool:
    """A word listed under two parties (a project lexicon may do so) is no
    evidence that one party replaced another."""
    return any(len(m.classes) > 1 for m in (*en.parties, *es.parties))


def differences(en: Marks, es: Marks, lexicon: Lexicon, one_to_one: bool = True) -> list[Difference]:
    """Every meaning difference between an English sentence group and its Spanish one
    (``one_to_one``: one sentence on each side, not a split or a merge)."""
    return [
        *polarity(en, es),
        *modality(en, es, lexicon),
        *relations(en, es, lexicon),
        *parties(en, es, one_to_one),
        *quantity(en, es, lexicon),
    ]
