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
# The citations the parity rules compare (PR036), in every style a translator or a
# lawyer writes: "34 C.F.R. Sec. 300.503", "Secs. 300.322 & 300.328", "§§ 300.151 a
# 300.153", "20 U.S.C. § 1415(b)", "Cal. Ed. Code Sec. 56500.4", "5 C.C.R. Sec. 3030(b)(9)",
# and case law ("458 U.S. 176", "86 F. Supp. 2d 168", "15 F.3d 1519", "18 IDELR 1038").
# CITATION_RE above stays the hard-token grammar, so sync marks keep their fingerprints.
_CODE_SECTION = r"\d{1,5}(?:\.\d{1,5})?[a-z]?" + _PARAGRAPHS
_TO = r"(?:\s?[-\u2013\u2014]\s?|\s(?:to|through|a|al)\s)"
_SECTION_WORD = r"(?i:§§?|\bsecs?\.|\bsections?\b|\bsecci[oó]n(?:es)?\b|\bart(?:ículo|iculo|icle)?s?\.?)"
_CODE_NAME_RE = (
    r"(?P<code>\b(?P<title>\d{1,3})\s?(?P<name>C\.?\s?F\.?\s?R|U\.?\s?S\.?\s?C)\.?)"
    r"|(?P<state>\b(?:[A-Z][a-z]{1,6}\.\s?)?(?:[A-Z][a-z]{1,5}\.?\s)?"
    r"(?:Ed(?:uc)?\.?|Educ(?:ation)?|Gov(?:t)?\.?|Civ\.?|Welf\.?\s?&\s?Inst\.?)\s?(?:Code|Law))"
    r"|(?P<ccr>\b(?P<ccr_title>\d{1,2})\s?C\.?\s?C\.?\s?R\.?)"
)
# A code's name (then maybe "Part" and a section word) or a section word alone,
# then the section: a bare number is never a citation.
_CITE_HEAD = re.compile(
    r"(?:(?:" + _CODE_NAME_RE + r")\s?(?:(?:Part|parte|Pt\.)\s)?(?:" + _SECTION_WORD + r"\s?)?"
    r"|" + _SECTION_WORD + r"\s?)"
    r"(?P<section>" + _CODE_SECTION + r")(?:" + _TO + r"(?P<end>" + _CODE_SECTION + r"))?"
)
_CITE_MORE = re.compile(
    r"\s?(?:,|&|\band\b|\by\b|\bor\b|\bo\b|;)\s?(?:" + _SECTION_WORD + r"\s?)?"
    r"(?P<section>\d{1,5}\.\d{1,5}[a-z]?" + _PARAGRAPHS + r"|(?:\([A-Za-z0-9]{1,4}\))+)"
)
_CASE_RE = re.compile(
    r"\b(?P<volume>\d{1,4})\s(?P<reporter>U\.\s?S\.|S\.\s?Ct\.|L\.\s?Ed\.(?:\s?2d)?|F\.\s?Supp\.(?:\s?[23]d)?"
    r"|F\.\s?(?:[234]d|4th)|F\.|IDELR|LRP)\s(?P<page>\d{1,5})\b"
    # the court or agency and the year: "(9th Cir. 1994)", "(OSEP 1992)"
    r"(?:,\s\d{1,5})?(?:\s\((?:[^()]{1,30}?\s)?(?:19|20)\d\d\))?"
)


# Every citation the grammar reads holds one of these (a quick test before it runs).
_CITE_HINT_RE = re.compile(r"§|C\.?\s?F\.?\s?R|U\.?\s?S\.?|C\.?\s?C\.?\s?R|[Ss]ec|[Ss]ecci|Code|Law|IDELR|LRP|"
                           r"F\.|Supp|L\.\s?Ed|[Aa]rt[ií\s.]|Part")


def may_cite(text: str) -> bool:
    """A cheap test: could ``text`` hold a citation the grammar reads?"""
    return _CITE_HINT_RE.search(text) is not None


def find_citations(text: str) -> list[tuple[tuple[str, str], str, int, int]]:
    """Every legal citation of ``text``: (key, text as written, start, end).

    The key is ``(title, section)`` for codes and regulations (``("34", "300.503(b)")``,
    ``("usc:20", "1415(b)")``, ``("ca-educ", "56500.4")``; the title is ``""`` when the
    text gives none, as in "§ 300.503", which any title matches), and
    ``("case", "458 U.S. 176")`` for case law. A list ("Secs. 300.322 & 300.328",
    "300.503(b) & (c)") gives one citation per section.
    """
    found: list[tuple[tuple[str, str], str, int, int]] = []
    if _CITE_HINT_RE.search(text) is None:
        return found  # most blocks cite nothing: one cheap scan instead of the full grammar
    for match in _CASE_RE.finditer(text):
        reporter = re.sub(r"\s+", "", match.group("reporter"))
        found.append((("case", f"{match.group('volume')} {reporter} {match.group('page')}"), match.group(),
                      match.start(), match.end()))
    taken = [(start, end) for _, _, start, end in found]
    for match in _CITE_HEAD.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        title = _title(match)
        section = match.group("section")
        base = section.split("(", 1)[0]
        key = section + (f"-{match.group('end')}" if match.group("end") else "")
        found.append(((title, key), match.group().strip(), match.start(), match.end()))
        position = match.end()
        while more := _CITE_MORE.match(text, position):
            part = more.group("section")
            section = base + part if part.startswith("(") else part
            found.append(((title, section), more.group().strip(" ,;&"), more.start(), more.end()))
            position = more.end()
    return sorted(found, key=lambda item: item[2])


def _title(match: re.Match[str]) -> str:
    if match.group("code"):
        name = re.sub(r"[\s.]", "", match.group("name")).upper()
        return match.group("title") if name == "CFR" else f"usc:{match.group('title')}"
    if match.group("state"):
        return "state:" + re.sub(r"[\s.&]", "", match.group("state")).lower()
    if match.group("ccr_title"):
        return f"ccr:{match.group('ccr_title')}"
    return ""


def same_citation(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """The same section; a citation without a title ("§ 300.503") matches any title."""
    return a[1] == b[1] and (a[0] == b[0] or not a[0] or not b[0]) and (a[0] == "case") == (b[0] == "case")


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
# Further sections after the first: "and 300.504", "- 300.536", "y 300.504", "& 300.328".
# Only dotted numbers continue a list, so "and 3 days" is never eaten.
_MORE = (
    r"(?:\s*(?:[-–—,;&]|\band\b|\bor\b|\bthrough\b|\bto\b|\by\b|\bo\b|\ba\b)\s*(?:§§?\s*)?"
    r"\d+\.\d+(?:\.\d+)*(?:\s?\([A-Za-z0-9]{1,4}\))*)*"
)
_CODE_NAME = r"(?:C\.?\s?F\.?\s?R\.?|U\.?\s?S\.?\s?C\.?(?:\s?A\.?)?)"
_CITE = (
    r"(?:\b\d+\s+" + _CODE_NAME
    + r"(?![\w])(?:\s*(?:§§?|[Pp]arts?|[Pp]artes?|[Ss]ec(?:s\.|tions?|ción|ciones|cion|\.)?))?\s*"
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
