"""Hard tokens: the parts of a block that survive translation unchanged.

Numbers, URLs and link targets, legal citations, acronyms, e-mail addresses
and phone numbers read the same in English and Spanish. Alignment compares
blocks by them, and staleness fingerprints them, without any babel import. The
patterns are the facts grammar's (:mod:`contentlint.facts.grammar`).
"""

from __future__ import annotations

from collections.abc import Iterable

from contentlint.facts.grammar import (
    ACRONYM_RE,
    CITATION_RE,
    DIGITS_RE,
    DOUBLE_CAPITAL_RE,
    EMAIL_RE,
    PHONE_HINT_RE,
    PHONE_RE,
    URL_RE,
    any_digit,
    citation_key,
    href_token,
    is_acronym,
    number_key,
    phone_key,
    url_key,
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
    if digits and PHONE_HINT_RE.search(text):
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
