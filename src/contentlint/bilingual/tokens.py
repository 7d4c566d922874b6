"""Hard tokens: the parts of a block that survive translation unchanged.

Numbers, URLs and link targets, legal citations, acronyms, e-mail addresses
and phone numbers read the same in English and Spanish. Alignment compares
blocks by them, and staleness fingerprints them, without any babel import:
this module is plain regular expressions over rendered text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

URL_RE = re.compile(r"\bhttps?://[^\s<>()\[\]\"'`]+[^\s<>()\[\]\"'`.,;:!?]")
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
# 34 CFR 300.503(b), 34 C.F.R. § 300.503, §300.503, §§ 300.151-300.153, 20 U.S.C. 1415(b)(6)(B)
_PARAGRAPHS = r"(?:\([A-Za-z0-9]{1,4}\))*"
_SECTION = r"\d{1,4}\.\d{1,4}[a-z]?" + _PARAGRAPHS
_RANGE = _SECTION + r"(?:\s?[-\u2013\u2014]\s?" + _SECTION + r")?"
CITATION_RE = re.compile(
    r"(?P<cfr>\b\d{1,3}\s?C\.?\s?F\.?\s?R\.?\s?(?:(?:Part|parte)\s)?(?:§§?\s?)?(?P<cfr_s>" + _RANGE + r"))"
    r"|(?P<sec>§§?\s?(?P<sec_s>" + _RANGE + r"))"
    r"|(?P<usc>\b(?P<usc_t>\d{1,2})\s?U\.?\s?S\.?\s?C\.?\s?(?:§§?\s?)?(?P<usc_s>\d{1,5}[a-z]?" + _PARAGRAPHS + r"))"
)
PHONE_RE = re.compile(
    r"(?<![\w.])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w])"
)
# IEP, IDEA, CFR ... and the plural "IEPs"/"IEP's" (the acronym is group 1); is_acronym()
# then requires two capitals.
ACRONYM_RE = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&]{1,7})(?:['\u2019]?s)?(?![\w-])")
DIGITS_RE = re.compile(r"(?<![\w])\d+(?:[.,]\d+)*(?![\w])")
_GROUP_SEPARATOR_RE = re.compile(r"[.,](?=\d{3}(?!\d))")
_ROMAN_RE = re.compile(r"[IVXLC]+")
# Capitals that are words, units or Spanish abbreviations, not acronyms.
ACRONYM_STOPLIST = frozenset(
    {"AM", "PM", "OK", "EE", "UU", "USD", "NO", "NOT", "AND", "OR", "THE", "YOU", "NOTE", "TIP"}
)
DOUBLE_CAPITAL_RE = re.compile(r"[A-Z][A-Z0-9&]")
_PHONE_HINT_RE = re.compile(r"\d{3}[\s.-]\d{4}")


def citation_key(match: re.Match[str]) -> str:
    """``300.503(b)`` for every spelling of a CFR citation; ``usc:20:1415(b)`` for the U.S. Code."""
    if match.group("usc"):
        return f"usc:{match.group('usc_t')}:{match.group('usc_s')}"
    section = match.group("cfr_s") or match.group("sec_s") or ""
    return re.sub(r"\s?[-\u2013\u2014]\s?", "-", section)


def phone_key(text: str) -> str:
    """The ten digits of a US phone number."""
    digits = re.sub(r"\D", "", text)
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


def url_key(url: str) -> str:
    """A URL with a lower-case scheme and host and no trailing slash."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url.rstrip("/")
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}://{host.lower()}{slash}{path}".rstrip("/")


def number_key(text: str) -> str:
    """Digits with thousands separators dropped: ``1,500`` and ``1.500`` -> ``1500``."""
    return _GROUP_SEPARATOR_RE.sub("", text)


def is_acronym(text: str) -> bool:
    """True for IEP, CFR, PTI: two or more capitals, not a stop word or a Roman numeral."""
    return (
        sum(1 for c in text if c.isupper()) >= 2
        and text not in ACRONYM_STOPLIST
        and not _ROMAN_RE.fullmatch(text)
    )


def hard_tokens(text: str, hrefs: Iterable[str] = ()) -> list[str]:
    """Hard tokens of rendered text plus its link targets, as ``kind:value`` strings.

    Each kind is one regex pass, run only when a cheap test says it can match;
    what a pass finds is blanked out, so a URL's digits are not also a number.
    """
    out: list[str] = []
    link_urls = set()
    for href in hrefs:
        token = href_token(href)
        if token:
            out.append(token)
            if token.startswith("u:"):
                link_urls.add(token)
    if "://" in text:
        for match in URL_RE.finditer(text):
            token = "u:" + url_key(match.group())
            if token not in link_urls:
                out.append(token)
        text = URL_RE.sub(" ", text)
    if "@" in text:
        out.extend("e:" + match.group().lower() for match in EMAIL_RE.finditer(text))
        text = EMAIL_RE.sub(" ", text)
    digits = any_digit(text)
    if digits and ("§" in text or "C.F.R" in text or "CFR" in text or "U.S.C" in text or "USC" in text):
        citations = list(CITATION_RE.finditer(text))
        if citations:
            out.extend("c:" + citation_key(match) for match in citations)
            text = CITATION_RE.sub(" ", text)
    if digits and _PHONE_HINT_RE.search(text):
        phones = list(PHONE_RE.finditer(text))
        if phones:
            out.extend("p:" + phone_key(match.group()) for match in phones)
            text = PHONE_RE.sub(" ", text)
    if DOUBLE_CAPITAL_RE.search(text):
        for match in ACRONYM_RE.finditer(text):
            if is_acronym(match.group(1)):
                out.append("a:" + match.group(1))
    if digits:
        out.extend("n:" + number_key(match.group()) for match in DIGITS_RE.finditer(text))
    return out


_DIGIT_RE = re.compile(r"\d")


def any_digit(text: str) -> bool:
    """True when ``text`` has a digit (a regex search, much faster than a generator)."""
    return _DIGIT_RE.search(text) is not None


def href_token(href: str) -> str:
    """The hard token of a link target: URL, e-mail, phone, or the raw guide path."""
    href = href.strip()
    if not href:
        return ""
    lower = href.lower()
    if lower.startswith("mailto:"):
        return "e:" + href[7:].split("?", 1)[0].lower()
    if lower.startswith("tel:"):
        return "p:" + phone_key(href[4:])
    if "://" in href:
        return "u:" + url_key(href)
    return "l:" + href
