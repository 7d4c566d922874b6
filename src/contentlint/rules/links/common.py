"""Helpers shared by the LK rules (not a rule module)."""

from __future__ import annotations

import difflib
import os
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from contentlint.i18n import msg

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.content.library import Library

LANGUAGE_NAMES = {"en": msg("English"), "es": msg("Spanish")}


def language_name(lang: str | None) -> str:
    """``English``/``Spanish`` (the code itself for anything else)."""
    return LANGUAGE_NAMES.get(lang or "", lang or msg("unknown-language"))


def relative_href(source: Document, target: Document) -> str:
    """The relative path from one guide to another, as a link writes it."""
    start = os.path.dirname(os.path.realpath(source.path))
    return os.path.relpath(os.path.realpath(target.path), start).replace(os.sep, "/")


def guides_in(library: Library, lang: str | None) -> list[Document]:
    """Readable guides of one language, in path order."""
    return sorted((g for g in library.guides if g.lang == lang), key=lambda g: g.display)


def closest_guide(library: Library, doc: Document, written: str, *, single: bool = False) -> Document | None:
    """The guide of ``doc``'s language a mistyped path or id most likely meant.

    ``single``: only when no other guide is as close (a fix takes one guess; two
    equally near names, as ``notice-1``/``notice-2`` for ``notice``, are left to a person).
    """
    stem = PurePosixPath(written.split("#", 1)[0].rstrip("/")).stem.lower()
    if not stem:
        return None
    names: dict[str, Document] = {}
    for guide in guides_in(library, doc.lang):
        if guide is doc:
            continue
        for name in (guide.path.stem, guide.front.get("slug"), guide.doc_id):
            if isinstance(name, str):
                names.setdefault(name.lower(), guide)
    if stem in names:
        return names[stem]
    found = difflib.get_close_matches(stem, list(names), n=8, cutoff=0.75)
    if not found:
        return None
    if single and not only_one_closest(stem, [(name, names[name]) for name in found]):
        return None
    return names[found[0]]


def only_one_closest(written: str, candidates: list[tuple[str, object]]) -> bool:
    """The best of ``candidates`` (name, what it names; best first) is strictly nearer to
    ``written`` than any candidate naming something else."""
    best_name, best = candidates[0]
    best_ratio = difflib.SequenceMatcher(None, written, best_name).ratio()
    return all(difflib.SequenceMatcher(None, written, name).ratio() < best_ratio
               for name, other in candidates[1:] if other is not best)


def closest_id(library: Library, lang: str | None, written: str) -> str | None:
    """The guide id in ``lang`` nearest to a mistyped one."""
    ids = sorted({key for key, key_lang in library.by_id if key_lang == lang})
    found = difflib.get_close_matches(written, ids, n=1, cutoff=0.7)
    return found[0] if found else None
