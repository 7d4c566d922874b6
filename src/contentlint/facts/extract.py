"""Facts of a block, read the way each locale writes them.

Numbers, money, percentages, times, dates, durations, phone numbers, e-mail
addresses, URLs, legal citations and acronyms are extracted from rendered
text in priority order (a citation's digits are not also a number). Number
and date formats come from babel's CLDR data for the configured locales:
``en_US`` for English and ``es_US`` for Spanish, which groups digits like
English (1,234.5); Spain's ``es_ES`` writes 1.234,5 and is used only to
explain a mismatch. babel is imported only for text that has digits.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from contentlint.content.text import strip_accents
from contentlint.facts.grammar import (
    ACRONYM_RE,
    DOUBLE_CAPITAL_RE,
    EMAIL_RE,
    LIST_MARKER_RE,
    PHONE_RE,
    URL_RE,
    any_digit,
    find_citations,
    is_acronym,
    phone_key,
    url_key,
)
from contentlint.facts.numwords import value_of, word_values
from contentlint.i18n import msg

DEFAULT_LOCALES = {"en": "en_US", "es": "es_US"}
# The other way a language's numbers are commonly written, used to explain a mismatch.
ALTERNATIVE_LOCALES = {"es_US": "es_ES", "es_MX": "es_ES", "en_US": "es_ES"}
LEAP_YEAR = 2024  # a date without a year may be February 29


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact: its comparable ``key``, its text as written, and where it starts.

    ``start`` is the offset in the block's text, or -1 for a link target.
    ``alt`` is a second reading (a Spain-style number, the other order of a
    slashed date); ``problem`` says why a date cannot exist.
    """

    key: Any
    text: str
    start: int
    alt: Any = None
    problem: str = ""


@dataclass
class Facts:
    """Everything :func:`extract_facts` found in one block."""

    numbers: list[Fact] = field(default_factory=list)  # key: (kind, Decimal); kind number|money|percent
    times: list[Fact] = field(default_factory=list)  # key: (minutes, ambiguous)
    dates: list[Fact] = field(default_factory=list)  # key: (year | None, month, day | None)
    durations: list[Fact] = field(default_factory=list)  # key: (Decimal, unit)
    vague_durations: list[Fact] = field(default_factory=list)  # "a year", "un año": never required
    phones: list[Fact] = field(default_factory=list)
    emails: list[Fact] = field(default_factory=list)
    urls: list[Fact] = field(default_factory=list)
    citations: list[Fact] = field(default_factory=list)
    acronyms: list[Fact] = field(default_factory=list)
    lang: str = "en"
    rest: str = ""  # the text no fact claimed
    _words: Counter[int] | None = field(default=None, repr=False)

    @property
    def number_words(self) -> Counter[int]:
        """Values written in words in the unclaimed text (read on first use only)."""
        if self._words is None:
            self._words = word_values(self.rest, self.lang)
        return self._words


@dataclass(frozen=True)
class LocaleFormats:
    """What babel's locale data says about writing numbers and dates."""

    locale: str
    group: str
    decimal: str
    number: str  # regex of a number in this locale
    months: dict[str, int]  # lower-case, accent-free name -> 1..12
    month_pattern: str
    weekdays: dict[str, int]  # lower-case, accent-free name -> 0 (Monday) .. 6
    weekday_pattern: str
    currency_symbols: tuple[str, ...]
    month_words: frozenset[str] = frozenset()  # what the date prefilter looks for

    def parse(self, text: str) -> Decimal | None:
        """The value of a number written in this locale."""
        try:
            return Decimal(text.replace(self.group, "").replace(self.decimal, "."))
        except InvalidOperation:
            return None


# The CLDR data read from babel in this process, by locale: a pipeline with a
# cache stores it and hands it back to the next run (remember_locale_data), which
# then needs neither babel's import nor its locale files (a pre-commit run's
# single largest cost after the imports).
_LOCALE_DATA: dict[str, dict[str, Any]] = {}


def known_locale_data() -> dict[str, dict[str, Any]]:
    """The CLDR data this process read (plain JSON-able values), by locale."""
    return dict(_LOCALE_DATA)


def remember_locale_data(entries: Any) -> set[str]:
    """Use CLDR data a cache kept (what :func:`known_locale_data` returned, decoded
    from JSON); an entry of any other shape is ignored, and babel answers instead.
    Returns the locales whose data was usable."""
    usable: set[str] = set()
    if not isinstance(entries, dict):
        return usable
    for locale, data in entries.items():
        if isinstance(locale, str) and _valid_locale_data(data):
            _LOCALE_DATA.setdefault(locale, data)
            usable.add(locale)
    return usable


def _valid_locale_data(data: Any) -> bool:
    if not isinstance(data, dict) or set(data) != {"group", "decimal", "months", "short_months", "days", "usd"}:
        return False
    texts = [data["group"], data["decimal"], data["usd"]]
    names = [*data["months"], *data["short_months"], *data["days"]]
    return (
        all(isinstance(item, str) and item for item in texts)
        and all(isinstance(item, list) and len(item) == 2 and isinstance(item[0], int) and isinstance(item[1], str)
                and not isinstance(item[0], bool) and item[1].strip(". ") for item in names)
    )


def _babel_locale_data(locale: str) -> dict[str, Any]:
    """The CLDR facts the formats are built from, as plain JSON-able values."""
    # babel.core's Locale holds the same CLDR data babel.dates and babel.numbers
    # read (get_month_names, get_group_symbol, ...) without their imports.
    from babel import Locale

    data = Locale.parse(locale)
    symbols = data.number_symbols["latn"]
    return {
        "group": symbols["group"],
        "decimal": symbols["decimal"],
        "months": [[n, name] for n, name in data.months["format"]["wide"].items()],
        "short_months": [[n, name] for n, name in data.months["format"]["abbreviated"].items()],
        # wide names first: the first spelling of a weekday wins
        "days": [[n, name] for width in ("wide", "abbreviated") for n, name in data.days["format"][width].items()],
        "usd": data.currency_symbols.get("USD", "USD"),
    }


@lru_cache(maxsize=8)
def locale_formats(locale: str) -> LocaleFormats:
    """Number symbols, month and weekday names of a locale, from babel (CLDR)."""
    data = _LOCALE_DATA.get(locale)
    if data is None:
        data = _LOCALE_DATA[locale] = _babel_locale_data(locale)
    group, decimal = data["group"], data["decimal"]
    g, d = re.escape(group), re.escape(decimal)
    number = rf"\d{{1,3}}(?:{g}\d{{3}})+(?:{d}\d+)?|\d+(?:{d}\d+)?"
    spanish = locale.startswith("es")
    wide = {strip_accents(name.lower()): n for n, name in data["months"]}
    short = {strip_accents(name.lower().rstrip(".")): n for n, name in data["short_months"]}
    short.setdefault("sept", 9)
    if spanish:
        wide.setdefault("setiembre", 9)  # a common Latin American spelling
    months = {**short, **wide}
    weekdays: dict[str, int] = {}
    for index, name in data["days"]:
        weekdays.setdefault(strip_accents(name.lower().rstrip(".")), index)
    return LocaleFormats(
        locale,
        group,
        decimal,
        number,
        months,
        _month_pattern(wide, short, spanish),
        weekdays,
        _names_pattern(weekdays, locale),
        tuple({data["usd"], "$", "US$"}),
        # Words that may start a date, as the prefilter compares them: Spanish month
        # names are lower case; English ones capitalized ("may" is a verb, "May" a month).
        frozenset(wide) if spanish else frozenset(name.capitalize() for name in months),
    )


def _month_pattern(wide: dict[str, int], short: dict[str, int], spanish: bool) -> str:
    """Month names for the date regex. Spanish abbreviations need their dot ("mar" is a word)."""
    if spanish:
        forms = [re.escape(name) for name in wide] + [re.escape(name) + r"\." for name in short]
    else:
        forms = [re.escape(name.capitalize()) + r"\.?" for name in {**short, **wide}]
    return "|".join(sorted(forms, key=len, reverse=True))


def _names_pattern(names: dict[str, int], locale: str) -> str:
    forms = set()
    for name in names:
        if locale.startswith("es"):
            forms.add(name)
            forms.update(_ES_ACCENTED.get(name, ()))
        else:
            forms.add(name.capitalize())  # English names are capitalized: "may" is a verb
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


_ES_ACCENTED = {"miercoles": ("miércoles",), "sabado": ("sábado",), "mie": ("mié",), "sab": ("sáb",)}

_EN_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
             "months": "month", "year": "year", "years": "year", "hour": "hour", "hours": "hour"}
_ES_UNITS = {"dia": "day", "dias": "day", "semana": "week", "semanas": "week", "mes": "month",
             "meses": "month", "año": "year", "años": "year", "ano": "year", "anos": "year", "hora": "hour",
             "horas": "hour"}
_QUALIFIERS = {"calendar": "day", "calendario": "day", "naturales": "day", "business": "business_day",
               "working": "business_day", "habiles": "business_day", "laborables": "business_day",
               "school": "school_day", "escolares": "school_day", "lectivos": "school_day"}
_UNIT_RE = {
    "en": re.compile(
        r"(?<!\w)(?:(?P<q>calendar|business|school|working)(?:\s+|-))?"
        r"(?P<u>days?|weeks?|months?|years?|hours?)(?![\w])",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"(?<![\w-])(?P<u>d[ií]as?|semanas?|mes(?:es)?|a[ñn]os?|horas?)"
        r"(?:\s+(?:de\s+)?(?P<q>calendario|naturales|h[áa]biles|laborables|escolares|lectivos))?(?![\w])",
        re.IGNORECASE,
    ),
}
# Up to three words (or a number) right before a unit: "three", "twenty-one", "treinta y un".
_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"
_BEFORE_UNIT_RE = re.compile(rf"(?:(?<=[^\w-])|^)((?:{_WORD}\s+){{0,2}}{_WORD}|\d[\d.,]*\d|\d)(?:\s+|-)$")


@lru_cache(maxsize=8)
def _date_re(lang: str, locale: str) -> re.Pattern[str]:
    f = locale_formats(locale)
    iso = r"(?<![\d-])(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?![\d-])"
    slash = r"(?<![\d/])(?P<sa>\d{1,2})/(?P<sb>\d{1,2})/(?P<sy>\d{4}|\d{2})(?![\d/])"
    if lang == "en":
        month_day = (
            rf"\b(?P<m>{f.month_pattern})\s+(?P<d>\d{{1,2}})"
            r"(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?(?![\d])"
        )
        day_month = (
            rf"(?<![\d.,])(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<m2>{f.month_pattern})(?![\w])(?:,?\s+(?P<y2>\d{{4}}))?"
        )
        month_year = rf"\b(?P<m3>{f.month_pattern})\s+(?P<y3>\d{{4}})(?![\d])"
        return re.compile(f"{iso}|{slash}|{month_day}|{day_month}|{month_year}")
    day_month = (
        rf"(?<![\d.,])(?P<d>\d{{1,2}}|1\.?º|primero)\s+de\s+"
        rf"(?P<m>{f.month_pattern})(?![\w])(?:\s+(?:de|del)\s+(?P<y>\d{{4}}))?"
    )
    month_year = rf"\b(?P<m3>{f.month_pattern})\s+(?:de|del)\s+(?P<y3>\d{{4}})(?![\d])"
    return re.compile(f"{iso}|{slash}|{day_month}|{month_year}", re.IGNORECASE)


@lru_cache(maxsize=8)
def _number_res(lang: str, locale: str) -> dict[str, re.Pattern[str]]:
    f = locale_formats(locale)
    num = f.number
    symbols = "|".join(re.escape(s) for s in sorted(f.currency_symbols, key=len, reverse=True))
    currency_words = r"dollars?|d[óo]lar(?:es)?(?:\s+estadounidenses?)?|USD"
    ordinal = r"(?:st|nd|rd|th)" if lang == "en" else r"\.?(?:º|ª|°|er|ra|ro|do|da|to|ta|vo|va|no|na|mo|ma)"
    return {
        "time": re.compile(
            r"(?<![\d:.,])(?P<h>\d{1,2}):(?P<mi>\d{2})(?:\s*(?P<ap>[apAP])\.?\s?[mM]\.?(?![\w]))?(?![\d:])"
        ),
        "money": re.compile(
            rf"(?:(?:{symbols})\s?(?P<mv>{num})(?:\s?(?:{currency_words}))?"
            rf"|(?<![\w.,])(?P<mv2>{num})\s?(?:{symbols}|(?:{currency_words})\b))"
        ),
        "percent": re.compile(rf"(?<![\w.,])(?P<pv>{num})\s?(?:%|percent\b|por\s+ciento\b)"),
        "ordinal": re.compile(rf"(?<![\w.,])(?P<ov>\d+){ordinal}(?![\w])"),
        "number": re.compile(rf"(?<![\w.,])(?P<nv>{num})(?![\w]|[.,]\d)"),
        # Anything else made of digits and separators: written for another locale.
        "loose": re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)+(?![\w])"),
    }


class _Scanner:
    """Text with claimed spans blanked out, so each character belongs to one fact."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.work = text

    def claim(self, start: int, end: int) -> None:
        """Blank out one span."""
        self.work = self.work[:start] + " " * (end - start) + self.work[end:]

    def scan(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """Every match of ``pattern`` in the unclaimed text; the matches are claimed."""
        found: list[re.Match[str]] = []

        def blank(match: re.Match[str]) -> str:
            found.append(match)
            return " " * (match.end() - match.start())

        self.work = pattern.sub(blank, self.work)
        return found


_MONEY_HINT_RE = re.compile(r"\$|USD|[Dd][óo]lar|[Dd]ollar")
_PERCENT_HINT_RE = re.compile(r"%|[Pp]ercent|ciento")
_UNIT_HINT_RE = {
    "en": re.compile(r"\b(?:[Dd]ays?|[Ww]eeks?|[Mm]onths?|[Yy]ears?|[Hh]ours?)\b"),
    "es": re.compile(r"\b(?:[Dd][ií]as?|[Ss]emanas?|[Mm]es(?:es)?|[Aa][ñn]os?|[Hh]oras?)\b"),
}


def may_have_dates(text: str, lang: str, locale: str | None = None) -> bool:
    """A cheap test: could the text hold a date (a month name or a numeric date)?"""
    return any_digit(text) and _may_have_dates(text, locale_formats(locale or DEFAULT_LOCALES[lang]))


def digits_as_written(text: str) -> list[str]:
    """Every run of digits with its separators, sorted: equal lists mean equal numbers as written."""
    return sorted(_RAW_NUMBER_RE.findall(text))


_RAW_NUMBER_RE = re.compile(r"\d+(?:[.,:]\d+)*")


def extract_durations(text: str, lang: str, locale: str | None = None) -> tuple[list[Fact], list[Fact]]:
    """Only the durations of a text (and the vague ones: "a year"), without the other facts.

    A number right before a unit of time is never part of a citation, a phone
    number or a date, so durations need none of the earlier passes.
    """
    facts = Facts(lang=lang)
    if may_have_durations(text, lang):
        formats = locale_formats(locale or DEFAULT_LOCALES[lang]) if any_digit(text) else None
        _durations(facts, _Scanner(text), lang, formats)
    return facts.durations, facts.vague_durations


def may_have_durations(text: str, lang: str) -> bool:
    """A cheap test: does the text name a unit of time at all?"""
    return _UNIT_HINT_RE[lang].search(text) is not None


def extract_facts(text: str, hrefs: Sequence[str], lang: str, locale: str | None = None) -> Facts:
    """All facts of a block's rendered ``text`` and its link targets.

    Each kind is one regex pass over the text not yet claimed, run only when a
    cheap test says it can match (most blocks have no date, money or phone).
    """
    facts = Facts(lang=lang)
    scanner = _Scanner(text)
    marker = LIST_MARKER_RE.match(text)
    if marker is not None:
        scanner.claim(0, marker.end())  # "(1) ..." written as a paragraph: the marker is no number
    _links(facts, hrefs)
    if "://" in text:
        seen_urls = {fact.key for fact in facts.urls}
        for match in scanner.scan(URL_RE):
            if url_key(match.group()) not in seen_urls:
                facts.urls.append(Fact(url_key(match.group()), match.group(), match.start()))
    if "@" in text:
        seen_emails = {fact.key for fact in facts.emails}
        for match in scanner.scan(EMAIL_RE):
            if match.group().lower() not in seen_emails:
                facts.emails.append(Fact(match.group().lower(), match.group(), match.start()))
    has_digits = any_digit(scanner.work)
    if has_digits:
        for key, written, start, end in find_citations(scanner.work):
            scanner.claim(start, end)
            facts.citations.append(Fact(key, written, start))
    if has_digits:
        for match in scanner.scan(PHONE_RE):
            facts.phones.append(Fact(phone_key(match.group()), match.group(), match.start()))
    formats = locale_formats(locale or DEFAULT_LOCALES[lang]) if has_digits else None
    if formats is not None:
        _dates(facts, scanner, lang, formats)
        _numbers_before_durations(facts, scanner, lang, formats)
    if _UNIT_HINT_RE[lang].search(scanner.work):
        _durations(facts, scanner, lang, formats)
    if formats is not None:
        _plain_numbers(facts, scanner, lang, formats)
    if DOUBLE_CAPITAL_RE.search(scanner.work):
        for match in ACRONYM_RE.finditer(scanner.work):
            if is_acronym(match.group(1)):
                facts.acronyms.append(Fact(match.group(1), match.group(), match.start()))
    facts.rest = scanner.work
    return facts


def _links(facts: Facts, hrefs: Sequence[str]) -> None:
    for href in hrefs:
        lower = href.lower()
        if lower.startswith("mailto:"):
            address = href[7:].split("?", 1)[0]
            facts.emails.append(Fact(address.lower(), address, -1))
        elif lower.startswith("tel:"):
            facts.phones.append(Fact(phone_key(href[4:]), href[4:], -1))
        elif "://" in href:
            facts.urls.append(Fact(url_key(href), href, -1))


_NUMERIC_DATE_RE = re.compile(r"\d/\d|\d{4}-\d")
_ES_SHORT_MONTH_RE = re.compile(r"(?i)\b(?:ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\.\s")


def _may_have_dates(text: str, formats: LocaleFormats) -> bool:
    """A cheap test before the date regex: a month name, or a numeric date shape."""
    if _NUMERIC_DATE_RE.search(text):
        return True
    # substring tests first (C speed); the date regex itself checks word boundaries
    if formats.locale.startswith("es"):
        lowered = text.lower()
        return any(name in lowered for name in formats.month_words) or bool(_ES_SHORT_MONTH_RE.search(text))
    return any(name in text for name in formats.month_words)


@lru_cache(maxsize=8)
def _weekday_before(locale: str) -> re.Pattern[str]:
    """A weekday name just before a date: "Monday, January 15", "el jueves, 15 de enero"."""
    flags = re.IGNORECASE if locale.startswith("es") else 0
    return re.compile(rf"(?<![\w])(?P<wd>{locale_formats(locale).weekday_pattern})\.?,?\s+(?:the\s+)?$", flags)


def _dates(facts: Facts, scanner: _Scanner, lang: str, formats: LocaleFormats) -> None:
    if not _may_have_dates(scanner.work, formats):
        return
    for match in scanner.scan(_date_re(lang, formats.locale)):
        parts = match.groupdict()
        readings: list[tuple[int | None, int, int | None]]
        if parts["iy"]:
            readings = [(int(parts["iy"]), int(parts["im"]), int(parts["id"]))]
        elif parts["sa"]:
            a, b, year = int(parts["sa"]), int(parts["sb"]), _full_year(parts["sy"])
            # US English writes month/day; US Spanish mostly day/month, sometimes month/day.
            readings = [(year, a, b), (year, b, a)] if lang == "en" else [(year, b, a), (year, a, b)]
        else:
            month_name = parts.get("m") or parts.get("m2") or parts.get("m3") or ""
            month = formats.months.get(strip_accents(month_name.lower().rstrip(".")), 0)
            day_text = parts.get("d") or parts.get("d2")
            day = _day(day_text) if day_text else None
            year_text = parts.get("y") or parts.get("y2") or parts.get("y3")
            readings = [(int(year_text) if year_text else None, month, day)]
        start, text = match.start(), match.group().strip()
        before = _weekday_before(formats.locale).search(scanner.text, max(0, start - 16), start)
        weekday = None
        if before is not None:
            weekday = formats.weekdays.get(strip_accents(before.group("wd").lower()))
            start, text = before.start(), scanner.text[before.start() : match.end()].strip()
        valid = [r for r in readings if not _impossible(r)]
        key = valid[0] if valid else readings[0]
        alt = valid[1] if len(valid) > 1 and valid[1] != valid[0] else None
        problem = "" if valid else _impossible(readings[0])
        if not problem and weekday is not None:
            problem = _weekday_problem(key, weekday)
        facts.dates.append(Fact(key, text, start, alt, problem))


def _full_year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def _day(text: str) -> int:
    if text.lower().startswith(("1º", "1.º", "primero")):
        return 1
    return int(text)


def _impossible(reading: tuple[int | None, int, int | None]) -> str:
    year, month, day = reading
    if not 1 <= month <= 12:
        return msg("there is no month {month}", month=month)
    if day is None:
        return ""
    last = calendar.monthrange(year or LEAP_YEAR, month)[1]
    if not 1 <= day <= last:
        name = _MONTHS[month - 1]
        if year and month == 2:
            name = msg("{month} {year}", month=name, year=year)
        return msg("{month} has {last} days, so day {day} does not exist", month=name, last=last, day=day)
    return ""


def _weekday_problem(key: tuple[int | None, int, int | None], weekday: int) -> str:
    year, month, day = key
    if year is None or day is None:
        return ""
    actual = dt.date(year, month, day).weekday()
    if actual == weekday:
        return ""
    return msg("that date is a {actual}, not a {written}", actual=_WEEKDAYS[actual], written=_WEEKDAYS[weekday])


_MONTHS = (
    msg("January"), msg("February"), msg("March"), msg("April"), msg("May"), msg("June"), msg("July"),
    msg("August"), msg("September"), msg("October"), msg("November"), msg("December"),
)
_WEEKDAYS = (msg("Monday"), msg("Tuesday"), msg("Wednesday"), msg("Thursday"), msg("Friday"), msg("Saturday"),
             msg("Sunday"))


def _numbers_before_durations(facts: Facts, scanner: _Scanner, lang: str, formats: LocaleFormats) -> None:
    patterns = _number_res(lang, formats.locale)
    if ":" not in scanner.work:
        return _money_and_percent(facts, scanner, formats, patterns)
    for match in scanner.scan(patterns["time"]):
        hour, minute = int(match.group("h")), int(match.group("mi"))
        marker = (match.group("ap") or "").lower()
        if marker:
            hour = hour % 12 + (12 if marker == "p" else 0)
        facts.times.append(Fact((hour * 60 + minute, not marker and hour <= 12), match.group(), match.start()))
    _money_and_percent(facts, scanner, formats, patterns)


def _money_and_percent(
    facts: Facts, scanner: _Scanner, formats: LocaleFormats, patterns: dict[str, re.Pattern[str]]
) -> None:
    if not _MONEY_HINT_RE.search(scanner.work):
        return _percent(facts, scanner, formats, patterns)
    for match in scanner.scan(patterns["money"]):
        text = match.group("mv") or match.group("mv2")
        value = formats.parse(text)
        if value is not None:
            facts.numbers.append(Fact(("money", value), match.group().strip(), match.start()))
    _percent(facts, scanner, formats, patterns)


def _percent(facts: Facts, scanner: _Scanner, formats: LocaleFormats, patterns: dict[str, re.Pattern[str]]) -> None:
    if not _PERCENT_HINT_RE.search(scanner.work):
        return
    for match in scanner.scan(patterns["percent"]):
        value = formats.parse(match.group("pv"))
        if value is not None:
            facts.numbers.append(Fact(("percent", value), match.group(), match.start()))


def _durations(facts: Facts, scanner: _Scanner, lang: str, formats: LocaleFormats | None) -> None:
    """A number (digits or words) right before a unit of time, with its qualifier.

    The unit is found first and the number read backwards from it: one cheap
    regex pass instead of an alternation of every number word at every position.
    """
    units = _EN_UNITS if lang == "en" else _ES_UNITS
    found: list[tuple[int, int, Fact, bool]] = []
    for match in _UNIT_RE[lang].finditer(scanner.work):
        before = _BEFORE_UNIT_RE.search(scanner.work, max(0, match.start() - 40), match.start())
        if before is None:
            continue
        number = _read_number(before.group(1), lang, formats)
        if number is None:
            continue
        value, number_text, vague = number
        start = before.end(1) - len(number_text)
        unit = units[strip_accents(match.group("u").lower())]
        qualifier = match.group("q")
        if unit == "day" and qualifier:
            unit = _QUALIFIERS[strip_accents(qualifier.lower())]
        if unit == "year" and _is_age(scanner.work, start, match.end(), lang):
            continue  # "a los 16 años", "3 years old": an age, compared as a number
        text = scanner.work[start : match.end()]
        found.append((start, match.end(), Fact((value, unit), text, start), vague))
    for start, end, fact, vague in found:
        scanner.claim(start, end)
        (facts.vague_durations if vague else facts.durations).append(fact)


# Ages read like durations: "desde los 3 años", "a los 16 años", "hasta los 21 años",
# "niños de 3 a 5 años", "5 años de edad"; "3 years old", "a 3-year-old".
_ES_AGE_BEFORE = re.compile(
    r"(?<!durante\s)(?<!\ben\s)(?<!tras\s)(?<!\bpor\s)\blos\s+$"  # "a los", not "durante los"
    r"|\bcumpl(?:e|a|ir|en|an)\s+$"  # "cuando cumple 16 años" ("tiene 2 años para" is a span of time)
    r"|\b(?:niñ[oa]s?|hij[oa]s?|edad(?:es)?|estudiantes|jóvenes|menores|alumn[oa]s)"
    r"\s+(?:de|entre)\s+\S+\s+(?:a|y)\s+$",
    re.IGNORECASE,
)
_ES_AGE_AFTER = re.compile(r"^\s+de\s+edad\b", re.IGNORECASE)
_EN_AGE_AFTER = re.compile(r"^(?:\s+|-)old\b", re.IGNORECASE)


def _is_age(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the "N years" at ``text[start:end]`` is someone's age, not a span of time."""
    after = text[end : end + 12]
    if lang == "en":
        return _EN_AGE_AFTER.match(after) is not None
    before = text[max(0, start - 40) : start]
    return _ES_AGE_BEFORE.search(before) is not None or _ES_AGE_AFTER.match(after) is not None


def _read_number(words: str, lang: str, formats: LocaleFormats | None) -> tuple[Decimal, str, bool] | None:
    """The value of the last one to three words (or the digits) before a unit."""
    if words[0].isdigit():
        if formats is None or not re.fullmatch(formats.number, words):
            return None
        value = formats.parse(words)
        return (value, words, False) if value is not None else None
    parts = words.split()
    for size in (3, 2, 1):
        if len(parts) < size:
            continue
        candidate = " ".join(parts[-size:])
        found = value_of(candidate, lang, with_articles=True)
        if found is not None:
            # "a year", "una hora": an article, maybe not a count ("fijar una hora" is "set a time")
            vague = size == 1 and candidate.lower() in (("a", "an") if lang == "en" else ("un", "una"))
            tail = words[len(words) - len(" ".join(parts[-size:])) :] if size == 1 else _tail(words, size)
            return Decimal(found), tail, vague
    return None


def _tail(words: str, size: int) -> str:
    """The last ``size`` words of ``words`` as written (with their spacing)."""
    pieces = re.findall(r"\S+\s*", words)
    return "".join(pieces[-size:]).rstrip()


def _plain_numbers(facts: Facts, scanner: _Scanner, lang: str, formats: LocaleFormats) -> None:
    patterns = _number_res(lang, formats.locale)
    for match in scanner.scan(patterns["ordinal"]):
        facts.numbers.append(Fact(("number", Decimal(match.group("ov"))), match.group(), match.start()))
    for match in scanner.scan(patterns["number"]):
        value = formats.parse(match.group("nv"))
        if value is not None:
            facts.numbers.append(Fact(("number", value), match.group(), match.start()))
    for match in scanner.scan(patterns["loose"]):
        text = match.group()
        other = ALTERNATIVE_LOCALES.get(formats.locale)
        value = alternative_value(text, other) if other else None
        if value is None:
            value = Decimal(re.sub(r"\D", "", text))
        problem = msg("{text} is not how {locale} writes numbers ({example})", text=text, locale=formats.locale,
                      example=_example(formats))
        facts.numbers.append(Fact(("number", value), text, match.start(), other, problem))


def _example(formats: LocaleFormats) -> str:
    return f"1{formats.group}234{formats.decimal}5"


def alternative_value(text: str, locale: str) -> Decimal | None:
    """The value of ``text`` read in another locale (``1.500`` in es_ES is 1500), if it reads."""
    formats = locale_formats(locale)
    if not re.fullmatch(formats.number, text):
        return None
    return formats.parse(text)
