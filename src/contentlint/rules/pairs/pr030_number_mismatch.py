"""PR030 number-mismatch: numbers, amounts of money or times differ between aligned blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from contentlint.bilingual.describe import english_note
from contentlint.bilingual.locate import block_location, locate
from contentlint.facts.extract import (
    ALTERNATIVE_LOCALES,
    Fact,
    Facts,
    alternative_value,
    digits_as_written,
)
from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import NoOptions, PairRule
from contentlint.rules.parity import unmatched

if TYPE_CHECKING:
    from contentlint.bilingual.blocks import BlockInfo
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


_NUMBER_TEXT_RE = re.compile(r"\d[\d.,]*\d|\d")


def _other_values(facts: Facts) -> set[Decimal]:
    """Values a number may hide in on the other side: words, durations, dates."""
    out = {Decimal(v) for v in facts.number_words}
    out.update(fact.key[0] for fact in facts.durations)
    for fact in facts.dates:
        out.update(Decimal(v) for v in (fact.key[0], fact.key[2]) if v is not None)
    return out


def _same_time(a: Fact, b: Fact) -> bool:
    (ma, amb_a), (mb, amb_b) = a.key, b.key
    return bool(ma == mb or ((amb_a or amb_b) and ma % 720 == mb % 720))


class NumberMismatch(PairRule):
    """An aligned Spanish block whose numbers, amounts of money or times differ from the English block's.

    ## What it does
    Reads numbers the way each locale writes them, with babel's CLDR data:
    English as `en_US` and Spanish as `es_US`, which groups digits like English
    (`1,500.50`). `$1,500` and `1,500 dólares` agree, `3:30 PM` and `15:30`
    agree, and a number written as a word on one side and in digits on the
    other agrees when the values do ("one" and "1", "tres" and "3", "first" and
    "1st"; cardinals 0-99). Numbers inside dates, durations, phone numbers and
    citations are compared by their own rules (PR031, PR033, PR034, PR036).
    A Spanish number written Spain's way (`1.500`, `1.234,5`) is reported with
    the US-Spanish spelling.

    ## Why is this bad?
    A fee, an age, a count of required elements or a time that differs between
    the two pages is a fact one of them gets wrong.

    ## Example
    ```markdown
    English: The notice must include these 7 things.
    Spanish: La notificación debe incluir estas 6 cosas.    <- PR030: 7 vs 6
    ```

    ## Options
    - `en-locale` (default `en_US`), `es-locale` (default `es_US`): babel locales
      used to read each language.
    """

    code = "PR030"
    name = "number-mismatch"
    default_severity = Severity.ERROR

    class Options(NoOptions):
        """Options of PR030."""

        en_locale: str = "en_US"
        es_locale: str = "es_US"

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Compare numbers and times block by block."""
        for en, es in ctx.aligned_prose(target):
            if not (en.has_digits or es.has_digits):
                continue
            if digits_as_written(en.text) == digits_as_written(es.text):
                continue  # the same digits, written the same way: nothing to compare
            en_facts = ctx.block_facts(target.en, en, self.options.en_locale)
            es_facts = ctx.block_facts(target.es, es, self.options.es_locale)
            yield from self._formats(target, en, es, es_facts)
            yield from self._compare(target, en, es, en_facts, es_facts)

    def _formats(self, pair: Pair, en: BlockInfo, es: BlockInfo, facts: Facts) -> Iterator[Finding]:
        for fact in facts.numbers:
            if fact.problem:
                line, column = locate(pair.es, es.block, fact.text)
                better = self._rewrite(fact)
                yield self.finding(
                    pair.es,
                    line,
                    column,
                    msg("{problem}; write {better}", problem=fact.problem, better=better) if better
                    else msg("{problem}", problem=fact.problem),
                    msg("US Spanish writes numbers like English: a comma between thousands, a point before decimals."),
                    related=(block_location(pair.en, en.block, english_note(en)),),
                )

    def _rewrite(self, fact: Fact) -> str:
        from babel.numbers import format_decimal

        value = fact.key[1]
        return str(format_decimal(value, locale=self.options.es_locale, decimal_quantization=False))

    def _compare(self, pair: Pair, en: BlockInfo, es: BlockInfo, ef: Facts, sf: Facts) -> Iterator[Finding]:
        en_only, es_only = unmatched(ef.numbers, sf.numbers, lambda a, b: a.key[1] == b.key[1])
        if en_only:
            en_hidden = _other_values(sf)
            en_only = [f for f in en_only if f.key[1] not in en_hidden]
        if es_only:
            es_hidden = _other_values(ef)
            es_only = [f for f in es_only if f.key[1] not in es_hidden and not f.problem]
        en_times, es_times = unmatched(ef.times, sf.times, _same_time)
        if not (en_only or es_only or en_times or es_times):
            return
        shown_en = [f.text for f in (*en_only, *en_times)]
        shown_es = [f.text for f in (*es_only, *es_times)]
        english = ", ".join(shown_en) if shown_en else msg("nothing more")
        spanish_text = ", ".join(shown_es) if shown_es else msg("nothing in their place")
        hint = msg("Use the same numbers as the English (a number may be written in words in one language).")
        misread = self._misread(es_only, en_only)
        if misread:
            message = msg("numbers differ from the English block: English has {english}; Spanish has {spanish} "
                          "({misread})", english=english, spanish=spanish_text, misread=misread)
        else:
            message = msg("numbers differ from the English block: English has {english}; Spanish has {spanish}",
                          english=english, spanish=spanish_text)
        spanish = [*es_only, *es_times]
        line, column = locate(pair.es, es.block, spanish[0].text if spanish else "")
        yield self.finding(
            pair.es,
            line,
            column,
            message,
            hint,
            related=(block_location(pair.en, en.block, english_note(en), (en_only or en_times)[0].text
                                    if (en_only or en_times) else ""),),
        )

    def _misread(self, es_only: list[Fact], en_only: list[Fact]) -> str:
        wanted = {f.key[1] for f in en_only}
        other = ALTERNATIVE_LOCALES.get(self.options.es_locale)
        for fact in es_only:
            digits = _NUMBER_TEXT_RE.search(fact.text)
            alt = alternative_value(digits.group(), other) if other and digits else None
            if alt is not None and alt != fact.key[1] and alt in wanted:
                shown = digits.group() if digits else fact.text
                here, there = _plain(fact.key[1]), _plain(alt)
                return msg("{shown} reads as {here} in {locale}, as {there} in {other}", shown=shown, here=here,
                           locale=self.options.es_locale, there=there, other=other)
        return ""


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"
