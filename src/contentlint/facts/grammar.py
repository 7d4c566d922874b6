"""The grammar of facts: what a number, a URL, an e-mail address, a phone number,
a legal citation or an acronym looks like in English and Spanish prose.

One module, so that every part of contentlint recognises a fact the same way:
the hard tokens that align and fingerprint blocks (:mod:`contentlint.bilingual.tokens`),
the per-block facts the parity rules compare and FC001 reads
(:mod:`contentlint.facts.extract`, with number words in :mod:`contentlint.facts.numwords`),
the readability engine's citation stripper (:func:`strip_legal_citations`), and
every rule that must skip citations. Plain regular expressions over rendered
text: no babel import (locale-dependent number and date formats are in
:mod:`contentlint.facts.extract`).
"""

from __future__ import annotations

import re

# A list written as paragraphs starts with a marker: "(1) ", "1) ", "a) ", "(b) ", "• ".
# The marker is structure, not a number of the text.
LIST_MARKER_RE = re.compile(r"^(?:\(?(?P<label>\d{1,2}|[a-z])\)|[•·▪◦‣])\s+(?=\S)")
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
PHONE_HINT_RE = re.compile(r"\d{3}[\s.-]\d{4}")


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


# -- citations as spans of prose (readability) -------------------------------------
# A section number with its paragraph letters: 300.503(b)(1), 1415, 300.
_SPAN_SECTION = r"\d+(?:\.\d+)*(?:\s?\([A-Za-z0-9]{1,4}\))*"
# Further sections after the first: "and 300.504", "- 300.536", "y 300.504".
# Only dotted numbers continue a list, so "and 3 days" is never eaten.
_MORE = (
    r"(?:\s*(?:[-–—,;]|\band\b|\bor\b|\bthrough\b|\bto\b|\by\b|\bo\b|\ba\b)\s*(?:§§?\s*)?"
    r"\d+\.\d+(?:\.\d+)*(?:\s?\([A-Za-z0-9]{1,4}\))*)*"
)
_CODE_NAME = r"(?:C\.?\s?F\.?\s?R\.?|U\.?\s?S\.?\s?C\.?(?:\s?A\.?)?)"
_CITE = (
    r"(?:\b\d+\s+" + _CODE_NAME + r"(?![\w])(?:\s*(?:§§?|[Pp]arts?|[Pp]artes?|[Ss]ec(?:tion|ción|cion|\.)?))?\s*"
    r"|§§?\s*)" + _SPAN_SECTION + _MORE
)
_CITE_IN_BRACKETS = re.compile(
    r"\s?\(\s*(?:(?:see|vea|consulte|ver)\s+)?" + _CITE + r"(?:\s*[;,]\s*" + _CITE + r")*\s*\)"
)
_CITE_BARE = re.compile(_CITE)
_TIDY_SPACE = re.compile(r"[ \t]+(?=[.,;:!?])|(?<=[ \t])[ \t]+")


def strip_legal_citations(text: str) -> str:
    """``text`` without legal citations (CFR, U.S.C., ``§``), newlines kept."""
    if "CFR" not in text and "C.F.R" not in text and "U.S.C" not in text and "USC" not in text and "§" not in text:
        return text
    text = _CITE_IN_BRACKETS.sub(_keep_newlines, text)
    text = _CITE_BARE.sub(_keep_newlines, text)
    return _TIDY_SPACE.sub("", text).strip(" \t")


def _keep_newlines(match: re.Match[str]) -> str:
    return "\n" * match.group(0).count("\n")
