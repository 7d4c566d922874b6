"""Guide links resolved once per run: many guides share the same relative links."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.content.library import Library


def resolve(library: Library, doc: Document, href: str) -> Document | None:
    """``library.resolve_href`` memoized by folder, language and target."""
    target = href.split("#", 1)[0]
    key = ("sync.href", str(doc.path.parent), doc.lang, target)
    if key in library.memo:
        found: Document | None = library.memo[key]
        return found
    found = library.memo[key] = library.resolve_href(doc, target)
    return found
