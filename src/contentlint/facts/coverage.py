"""Which timed statements of a text are bound to a fact of the timelines table.

A guide that says "within 90 days" next to a legal process states a deadline; the
timelines table (``content/data/timelines.yaml``) can only check it (FC001) when one
of its facts names that process with a keyword near the number. This module lists
every such statement and whether a fact covers it, so a test can fail when the guides
use a phrase for a timed process that the table does not know ("First evaluation:
... within 90 days" when the table only knew "initial evaluation").

Plain data in, plain records out: the caller passes the phrases that name legal
processes (the glossary's terms) and the facts as (id, value, unit, keywords).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from contentlint.facts.extract import extract_durations, may_have_durations

# The facts grammar's units -> the units of the timelines table.
_UNITS = {"day": "days", "business_day": "business-days", "school_day": "school-days", "year": "years",
          "month": "months", "week": "weeks", "hour": "hours"}
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[¿¡\"'(A-ZÁÉÍÓÚÑ0-9*])")


@dataclass(frozen=True)
class TimelineFactKey:
    """One fact of the timelines table, as coverage needs it."""

    fact_id: str
    value: int
    unit: str
    keywords: tuple[str, ...]  # lower case, in the text's language


@dataclass(frozen=True)
class TimedStatement:
    """A number with a unit of time that sits near a legal process."""

    text: str  # the duration as written ("90 days", "noventa días")
    value: float
    unit: str
    sentence: str
    processes: tuple[str, ...]  # the process phrases found near it
    bound_to: tuple[str, ...]  # ids of the facts with a keyword nearby and this value and unit


def timed_statements(
    text: str, lang: str, processes: Iterable[str], facts: Sequence[TimelineFactKey], window: int = 1,
    heading: str = "",
) -> list[TimedStatement]:
    """Every duration of ``text`` with a process phrase in its sentence or the ``window``
    sentences before it (FC001's window), or in ``heading`` (the section it sits in: a
    Glossary entry's term), and the facts it is bound to."""
    if not may_have_durations(text, lang):
        return []
    phrases = sorted({p.lower() for p in processes if p.strip()}, key=len, reverse=True)
    sentences = _SENTENCE_END.split(text)
    lowered = [s.lower() for s in sentences]
    out = []
    for index, sentence in enumerate(sentences):
        durations, vague = extract_durations(sentence, lang)
        if not durations and not vague:
            continue
        near = " ".join([heading.lower(), *lowered[max(0, index - window): index + 1]])
        found = tuple(p for p in phrases if _has(near, p))
        if not found:
            continue
        for fact in sorted([*durations, *vague], key=lambda f: f.start):
            value, unit = fact.key
            unit = _UNITS.get(unit, unit)
            bound = tuple(
                f.fact_id for f in facts
                if f.value == value and f.unit == unit and any(_has(near, k) for k in f.keywords)
            )
            out.append(TimedStatement(fact.text, value, unit, sentence.strip(), found, bound))
    return out


def _has(text: str, phrase: str) -> bool:
    """``phrase`` in ``text`` as whole words ("iep" is not in "pieza")."""
    return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text) is not None
