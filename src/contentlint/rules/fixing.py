"""Helpers for rules that attach a mechanical fix to a finding (``contentlint fix``).

A fix is data on the finding (:class:`contentlint.findings.Fix`), as ruff attaches
edits to a diagnostic: the rule knows exactly what it saw and where, so it is the
one place that can say what to write instead. Every helper here checks that the
file holds the text the rule means to replace, at that very place, on one line;
when it does not (the text was reflowed, formatted, escaped), no fix is offered:
a fix that cannot be made safely is not offered at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from contentlint.findings import Applicability, Edit, Fix

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.links.extract import LinkSite


def replace_at(
    doc: Document,
    line: int,
    column: int,
    old: str,
    new: str,
    title: str,
    applicability: Applicability = Applicability.SAFE,
) -> Fix | None:
    """Replace ``old`` written at ``line``:``column`` (1-based, in characters) by ``new``.

    None unless the file's line holds exactly ``old`` there (and ``old`` is one line).
    """
    if not old or old == new or "\n" in old or "\n" in new or doc.text is None:
        return None
    if line < 1 or line > len(doc.lines) or column < 1:
        return None
    start = column - 1
    if doc.lines[line - 1][start : start + len(old)] != old:
        return None
    edit = Edit(doc.display, line, column, line, column + len(old), old, new)
    return Fix(title, (edit,), applicability)


# What may stand just before a link's address in the source: a Markdown inline
# link ``](``, an autolink ``<``, an HTML attribute or a quoted YAML value.
_ADDRESS_OPENERS = ("](", "]( ", "<", '"', "'")


def address_position(doc: Document, site: LinkSite) -> tuple[int, int, str] | None:
    """Line, column and exact source text of a link site's address.

    Searched on the site's own line, from the site's column on, behind one of the
    openers a link address follows (so the same words in the link text are never
    taken for it); the address as written or percent-decoded. None when it is not
    there exactly once (a reference-style link, an address split over lines).
    """
    if doc.text is None or not 1 <= site.line <= len(doc.lines):
        return None
    text = doc.lines[site.line - 1]
    start = max(site.column - 1, 0)
    for written in _unique((site.href, site.shown)):
        if text.startswith(written, start) and _ends_address(text, start + len(written)):
            return site.line, start + 1, written  # a plain YAML value (a card's href)
        for opener in _ADDRESS_OPENERS:
            needle = opener + written
            found = text.find(needle, start)
            if found == -1 or not _ends_address(text, found + len(needle)):
                continue
            if text.find(needle, found + 1) != -1:
                return None  # twice on the line: which one is ambiguous
            return site.line, found + len(opener) + 1, written
    return None


def _ends_address(text: str, end: int) -> bool:
    """The address stops at ``end`` (not a prefix of a longer one)."""
    return end == len(text) or text[end] in ")>\"' \t"


def _unique(items: Iterable[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item and item not in out:
            out.append(item)
    return out


def link_fix(doc: Document, site: LinkSite, new_address: str, title: str) -> Fix | None:
    """A fix that rewrites a link site's whole address to ``new_address``."""
    where = address_position(doc, site)
    if where is None:
        return None
    line, column, written = where
    return replace_at(doc, line, column, written, new_address, title)


# -- Spanish inflection of a glossary replacement ---------------------------------

_PREPOSITIONS = frozenset({"de", "del", "por", "para", "en", "a", "al", "con", "sin", "sobre"})
# Nouns whose ending says the other gender ("el programa", "el día").
_MASCULINE_IN_A = frozenset({"programa", "problema", "sistema", "tema", "dia", "mapa", "idioma", "esquema"})


def glossary_replacement(found: str, wrong: str, right: str) -> tuple[str, Applicability] | None:
    """``right`` written where ``found`` (an inflection of ``wrong``) is, with its
    capital letter and number kept, and whether that is safe to apply unread.

    None when ``found`` is neither ``wrong`` (accents and case aside) nor its plural.
    """
    from contentlint.content.text import fold

    found_words, wrong_words, right_words = found.split(), wrong.split(), right.split()
    if len(found_words) != len(wrong_words) or not right_words:
        return None
    plural = False
    for written, listed in zip(found_words, wrong_words, strict=True):
        if fold(written) == fold(listed):
            continue
        if fold(written) == fold(plural_es(listed)):
            plural = True
            continue
        return None
    safe = _gender(right_words[0]) is not None and _gender(right_words[0]) == _gender(wrong_words[0])
    new_words = list(right_words)
    if plural:
        head = _head(wrong_words)
        safe = safe and [fold(w) for w in found_words[head:]] == [fold(w) for w in wrong_words[head:]]
        new_words = [plural_es(w) for w in right_words[: _head(right_words)]] + right_words[_head(right_words) :]
    new = " ".join(new_words)
    if found[:1].isupper() and new[:1].islower():
        new = new[:1].upper() + new[1:]
    elif found[:1].islower() and new[:1].isupper() and sum(w[:1].isupper() for w in right_words) == 1:
        new = new[:1].lower() + new[1:]
    return new, Applicability.SAFE if safe else Applicability.UNSAFE


def _head(words: list[str]) -> int:
    """How many words come before the first preposition (the ones that agree in number)."""
    for number, word in enumerate(words):
        if number and word.lower() in _PREPOSITIONS:
            return number
    return len(words)


def plural_es(word: str) -> str:
    """The Spanish plural of one word (regular forms: casa/casas, reunión/reuniones, luz/luces)."""
    from contentlint.content.text import strip_accents

    lower = word.lower()
    if lower.endswith(("ión", "ion")):
        return strip_accents(word[:-3]) + word[-3:-2] + "ones" if not word[-3:-2].isupper() else word + "ES"
    if lower.endswith("z"):
        return word[:-1] + "ces"
    if lower[-1:] in "aeiouáéó":
        return word + "s"
    return word + "es"


def _gender(noun: str) -> str | None:
    """``f`` or ``m`` from a Spanish noun's ending, or None when the ending does not say."""
    from contentlint.content.text import fold

    word = fold(noun)
    if word in _MASCULINE_IN_A:
        return "m"
    if word.endswith(("ion", "dad", "tad", "tud", "umbre", "a")):
        return "f"
    if word.endswith(("o", "or", "aje", "an", "on", "en", "el", "ento")):
        return "m"
    return None
