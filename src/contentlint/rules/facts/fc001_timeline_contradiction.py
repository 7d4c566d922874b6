"""FC001 timeline-contradiction: a number near a legal process that the timelines contradict."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule, NoOptions

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext

_NUMBER_WORDS = {
    "en": {
        "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90,
    },
    "es": {
        "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
        "diez": 10, "quince": 15, "veinte": 20, "treinta": 30, "cuarenta y cinco": 45, "sesenta": 60,
        "noventa": 90,
    },
}
_UNIT_PATTERNS = {
    "en": r"(?:(?P<kind>calendar|business|school)\s+)?(?P<unit>days?|years?|months?)\b",
    "es": r"(?P<unit>d[ií]as?|años?|mes(?:es)?)(?:\s+(?P<kind>calendario|naturales|h[aá]biles|escolares|lectivos))?\b",
}
# Every unit _UNIT_PATTERNS matches contains one of these (lower case).
_UNIT_WORDS = {"en": ("day", "year", "month"), "es": ("día", "dia", "año", "mes")}
_UNIT_NAMES = {
    "day": "days", "days": "days", "día": "days", "dia": "days", "días": "days", "dias": "days",
    "year": "years", "years": "years", "año": "years", "años": "years",
    "month": "months", "months": "months", "mes": "months", "meses": "months",
}
_KIND_UNITS = {
    "business": "business-days", "hábiles": "business-days", "habiles": "business-days",
    "school": "school-days", "escolares": "school-days", "lectivos": "school-days",
}
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[¿¡\"'(A-ZÁÉÍÓÚÑ0-9])")


@dataclass(frozen=True)
class Mention:
    """A number with a unit, found in text."""

    value: int
    unit: str
    text: str
    start: int


@lru_cache(maxsize=2)
def _mention_regex(lang: str) -> re.Pattern[str]:
    words = sorted(_NUMBER_WORDS[lang], key=len, reverse=True)
    number = r"(?P<number>\d{1,4}|" + "|".join(re.escape(w) for w in words) + ")"
    return re.compile(r"(?<![\w.,])" + number + r"\s+" + _UNIT_PATTERNS[lang], re.IGNORECASE)


def find_mentions(text: str, lang: str) -> list[Mention]:
    """Every "60 days" / "sesenta días" in ``text``."""
    out = []
    for match in _mention_regex(lang).finditer(text):
        raw = match.group("number").lower()
        value = int(raw) if raw.isdigit() else _NUMBER_WORDS[lang][raw]
        unit = _UNIT_NAMES.get(match.group("unit").lower(), "days")
        kind = (match.group("kind") or "").lower()
        if unit == "days" and kind in _KIND_UNITS:
            unit = _KIND_UNITS[kind]
        out.append(Mention(value, unit, match.group(0), match.start()))
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
      (0 = the same sentence only).
    """

    code = "FC001"
    name = "timeline-contradiction"
    default_severity = Severity.ERROR
    groups = ("facts",)

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
        has_mention = _mention_regex(lang)
        units = _UNIT_WORDS[lang]
        for block in target.blocks:
            # Only blocks with a number and a unit are split into sentences; a
            # substring test for the unit first, as most blocks have none.
            if block.kind in ("code", "html") or not block.plain:
                continue
            lowered = block.plain.lower()
            if not any(unit in lowered for unit in units) or not has_mention.search(block.plain):
                continue
            for mention, fact_ids, allowed in self._contradictions(block.plain, lang, keywords, facts):
                yield self._report(target, block.line, block.end_line, mention, fact_ids, allowed, facts)

    def _contradictions(
        self, text: str, lang: str, keywords: dict[str, list[Any]], facts: Any
    ) -> Iterator[tuple[Mention, list[Any], set[int]]]:
        sentences = _SENTENCE_END.split(text)
        lowered = [s.lower() for s in sentences]
        for index, sentence in enumerate(sentences):
            mentions = find_mentions(sentence, lang)
            if not mentions:
                continue
            window = " ".join(lowered[max(0, index - self.options.window_sentences) : index + 1])
            present = [fact for phrase, items in keywords.items() if phrase in window for fact in items]
            for mention in mentions:
                relevant = [fact for fact in present if fact.unit == mention.unit]
                if relevant and mention.value not in {fact.value for fact in relevant}:
                    yield mention, relevant, {fact.value for fact in relevant}

    def _report(
        self, doc: Document, line: int, end_line: int, mention: Mention, relevant: list[Any], allowed: set[int], facts: Any
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
