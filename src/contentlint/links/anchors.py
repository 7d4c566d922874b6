"""Heading slugs and the anchors a guide offers to ``#part`` links.

The slug is GitHub's (github-slugger, also Hugo's default ``github``
anchorizer): lower case; every character that is not a letter, a combining
mark, a digit, ``_``, ``-`` or a space dropped; each space a hyphen; accents
kept. ``## ¿Cómo pedirlo?`` is ``#cómo-pedirlo``. A repeated heading gets
``-1``, ``-2``... A link may also write the accent-free form
(``#como-pedirlo``): sites differ there, so both are accepted.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from contentlint.content.text import strip_accents

if TYPE_CHECKING:
    from contentlint.content.documents import Document

_CUSTOM_ID_RE = re.compile(r"\s*\{#([^\s{}]+)\}\s*$")
_HTML_ID_RE = re.compile(r"""<[A-Za-z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# Always valid: HTML scrolls to the top for "#top" when no element has that id.
BUILTIN_ANCHORS = frozenset({"top"})


def slugify(text: str) -> str:
    """GitHub's slug of a heading's text: ``¿Qué es un IEP?`` -> ``qué-es-un-iep``."""
    text = unicodedata.normalize("NFC", text.strip().lower())
    kept = [c for c in text if c in " -_" or unicodedata.category(c)[0] in "LMN"]
    return "".join(kept).replace(" ", "-")


def unaccented(text: str) -> str:
    """``text`` without accents (ñ becomes n): the form many sites and people write."""
    return strip_accents(text, keep_tilde=False)


@dataclass(frozen=True)
class Anchors:
    """The anchors of one guide, in file order."""

    slugs: tuple[str, ...]

    def __contains__(self, fragment: object) -> bool:
        if not isinstance(fragment, str):
            return False
        wanted = unicodedata.normalize("NFC", fragment)
        if wanted in self.slugs or wanted in BUILTIN_ANCHORS:
            return True
        folded = unaccented(wanted)
        return any(unaccented(slug) == folded for slug in self.slugs)

    def closest(self, fragment: str) -> str | None:
        """The anchor a mistyped fragment most likely meant, if any is close."""
        if not self.slugs:
            return None
        folded = {unaccented(slug): slug for slug in reversed(self.slugs)}
        found = difflib.get_close_matches(unaccented(fragment), list(folded), n=1, cutoff=0.6)
        return folded[found[0]] if found else None


def anchors_of(doc: Document) -> Anchors:
    """Heading slugs (with GitHub's ``-1`` suffixes), ``{#custom}`` ids and HTML ids."""
    slugs: list[str] = []
    seen: dict[str, int] = {}
    for block in doc.blocks:
        if block.kind == "heading":
            text = block.plain
            custom = _CUSTOM_ID_RE.search(text)
            if custom:
                slugs.append(custom.group(1))
                text = text[: custom.start()]
            slugs.append(_unique(slugify(text), seen))
        elif block.kind in ("html", "paragraph", "list_item", "table_row", "quote") and "<" in block.source:
            slugs.extend(a or b for a, b in _HTML_ID_RE.findall(block.source))
    return Anchors(tuple(slugs))


def _unique(slug: str, seen: dict[str, int]) -> str:
    count = seen.get(slug, 0)
    seen[slug] = count + 1
    return slug if count == 0 else f"{slug}-{count}"
