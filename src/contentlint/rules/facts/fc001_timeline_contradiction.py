"""FC001 timeline-contradiction: a number near a legal process that the timelines contradict."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from contentlint.facts.extract import extract_durations, may_have_durations
from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule, NoOptions

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext

# The facts grammar's units of time -> the units of data/timelines.yaml.
_UNITS_OF_FACTS = {
    "day": "days", "business_day": "business-days", "school_day": "school-days",
    "year": "years", "month": "months", "week": "weeks", "hour": "hours",
}
# Every unit of time the facts grammar reads contains one of these (lower case).
_UNIT_WORDS = {
    "en": ("day", "week", "month", "year", "hour"),
    "es": ("día", "dia", "semana", "mes", "año", "ano", "hora"),
}
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[¿¡\"'(A-ZÁÉÍÓÚÑ0-9])")


@dataclass(frozen=True)
class Mention:
    """A number with a unit, found in text."""

    value: int
    unit: str
    text: str
    start: int


def find_mentions(text: str, lang: str) -> list[Mention]:
    """Every "60 days" / "sesenta días" / "a year" in ``text`` (the facts grammar's durations)."""
    durations, vague = extract_durations(text, lang)
    out = []
    for fact in sorted([*durations, *vague], key=lambda f: f.start):
        value, unit = fact.key
        if value != int(value):
            continue  # "1.5 days": no timeline is a fraction
        out.append(Mention(int(value), _UNITS_OF_FACTS.get(unit, unit), fact.text, fact.start))
    return out


class TimelineContradiction(FileRule):
    """A number of days or years near a legal process that contradicts the timelines data.

    ## What it does
    Reads `content/data/timelines.yaml` (the federal timelines, each with its value,
    unit, regulation and the keywords that name it in English and Spanish). In every
    sentence of every guide, in both languages, a number with a unit ("90 days",
    "noventa días", "1 year", "3 días hábiles") is checked against the timelines whose
    keywords appear in the same sentence: when at least one such keyword has a
    timeline in that unit and none of them has that number, the number is reported.

    ## Why is this bad?
    Parents act on these deadlines. "A state complaint is decided within 90 days"
    (the regulation says 60, 34 CFR 300.152(a)) makes a parent wait a month longer
    than the law allows before asking why.

    ## Example
    ```markdown
    The state must decide your state complaint within 90 days.   <- reported: 60 days
    ```

    ## Options
    - `window-sentences` (default 1): also look this many sentences back for a keyword
      (0 = the same sentence only). A keyword of an earlier sentence that already states
      its timeline's number there is not carried over: "a resolution meeting within 15
      days. If it is not solved in 30 days, the hearing can go ahead" is not reported.
    """

    code = "FC001"
    name = "timeline-contradiction"
    default_severity = Severity.ERROR

    class Options(NoOptions):
        """Options of FC001."""

        window_sentences: int = 1

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Check every prose block and the description of a guide."""
        facts = ctx.timelines()
        lang = target.lang
        if not facts or target.kind != "guide" or not target.usable or lang not in ("en", "es"):
            return
        keywords = _keywords(facts, lang)
        units = _UNIT_WORDS[lang]
        for block in target.blocks:
            # Only blocks that name a unit of time are split into sentences: a
            # substring test first, as most blocks have none.
            if block.kind in ("code", "html") or not block.plain:
                continue
            lowered = block.plain.lower()
            if not any(unit in lowered for unit in units) or not may_have_durations(block.plain, lang):
                continue
            for mention, fact_ids, allowed in self._contradictions(block.plain, lang, keywords, facts):
                yield self._report(target, block.line, block.end_line, mention, fact_ids, allowed, facts)

    def _contradictions(
        self, text: str, lang: str, keywords: dict[str, list[Any]], facts: Any
    ) -> Iterator[tuple[Mention, list[Any], set[int]]]:
        sentences = _SENTENCE_END.split(text)
        lowered = [s.lower() for s in sentences]
        found = [find_mentions(sentence, lang) for sentence in sentences]
        for index, mentions in enumerate(found):
            if not mentions:
                continue
            present = [fact for phrase, items in keywords.items() if phrase in lowered[index] for fact in items]
            for back in range(max(0, index - self.options.window_sentences), index):
                # A process named in an earlier sentence that already gave its number
                # there ("a resolution meeting within 15 days. If it is not solved in 30
                # days, ...") is settled: the next sentence's number is about something else.
                given = {(mention.value, mention.unit) for mention in found[back]}
                present += [fact for phrase, items in keywords.items() if phrase in lowered[back]
                            for fact in items if (fact.value, fact.unit) not in given]
            for mention in mentions:
                relevant = [fact for fact in present if fact.unit == mention.unit]
                if relevant and mention.value not in {fact.value for fact in relevant}:
                    yield mention, relevant, {fact.value for fact in relevant}

    def _report(
        self,
        doc: Document,
        line: int,
        end_line: int,
        mention: Mention,
        relevant: list[Any],
        allowed: set[int],
        facts: Any,
    ) -> Finding:
        where_line, column = _locate(doc, line, end_line, mention.text)
        values = [str(v) for v in sorted(allowed)]
        expected = values[0] if len(values) == 1 else msg(
            "{values} or {last}", values=" or ".join(values[:-1]), last=values[-1]
        )
        cites = "; ".join(sorted({f"{fact.id}: {fact.value} {fact.unit} ({fact.cite})" for fact in relevant}))
        return self.finding(
            doc,
            where_line,
            column,
            msg("'{text}' contradicts the timeline ({expected} {unit}): {cites}", text=mention.text,
                expected=expected, unit=_UNITS.get(mention.unit, mention.unit.replace("-", " ")), cites=cites),
            msg("Correct the number, or fix content/data/timelines.yaml if the law changed; "
                "say that states can set their own timelines."),
            related=(Location(facts.display, 1, 1, note=msg("timelines data")),),
        )


def _keywords(facts_doc: Any, lang: str) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for fact in facts_doc.model.facts:
        for phrase in getattr(fact.keywords, lang):
            out.setdefault(phrase.lower(), []).append(fact)
    return out


def _locate(doc: Document, line: int, end_line: int, text: str) -> tuple[int, int]:
    needle = text.lower()
    for number in range(line, end_line + 1):
        found = doc.lines[number - 1].lower().find(needle) if number - 1 < len(doc.lines) else -1
        if found != -1:
            return number, found + 1
    return line, 1


_UNITS = {
    "days": msg("days"),
    "business-days": msg("business days"),
    "school-days": msg("school days"),
    "years": msg("years"),
    "months": msg("months"),
}
