"""Every link of the library, where it is written, and where it leads (offline).

One :class:`LinkIndex` per run, shared by every LK rule through
the run context (``ctx.link_index()``), so links are found and resolved once:

* **Sites** (:class:`LinkSite`): each place a link is written, with its file
  line and column. Guides: body links and images (Markdown, and ``href``/``src``
  of raw HTML tags), and the front matter's ``related`` ids, card hrefs and
  ``language_switch.href``. Data files (glossary, acronyms, timelines): every
  ``http(s)://`` URL inside a text value (a definition or a ``cite``).
* **Targets** (:class:`Target`): what a site resolves to, without the network:
  a guide (relative ``.md`` path, ``guide:<id>``, or ``#part`` of the same
  guide), another file, nothing, a path that leaves the library, an external
  URL, a ``mailto:``/``tel:`` link. File look-ups go through
  :mod:`contentlint.links.localpaths`, which never touches a path outside the
  library.
* **External URLs** (:meth:`LinkIndex.external`): each distinct ``http(s)`` URL
  once, with every site that writes it, for a single network check per run.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from contentlint.links.anchors import Anchors, anchors_of
from contentlint.links.localpaths import Lookup, inside, lookup, place

if TYPE_CHECKING:
    from pathlib import Path

    from contentlint.content.documents import Document
    from contentlint.content.library import Library

ORIGINS = ("body", "image", "html", "related", "card", "language_switch", "data")
# Link targets that name a guide when they have one of these suffixes (or none):
# a missing one is a broken guide link rather than a missing file.
GUIDE_LIKE_SUFFIXES = frozenset({"", ".md", ".markdown", ".html", ".htm"})

_SCHEME_RE = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_HTML_LINK_RE = re.compile(
    r"""<(?P<tag>a|img|source|area|link)\b[^>]*?\s(?P<attr>href|src)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""",
    re.IGNORECASE,
)
_URL_RE = re.compile(r"""https?://[^\s<>"'`]+""", re.IGNORECASE)
_URL_TRAILING = ".,;:!?'\""


@dataclass(frozen=True, slots=True, eq=False)
class LinkSite:
    """One place a link is written."""

    doc: Document
    href: str  # as the parser gives it (Markdown hrefs are percent-encoded)
    text: str
    line: int
    column: int
    origin: str  # one of ORIGINS

    @property
    def shown(self) -> str:
        """The href for messages: percent-escapes decoded, as the author wrote it."""
        return unquote(self.href)


@dataclass(frozen=True, slots=True)
class Target:
    """Where a site leads.

    ``kind``: ``guide`` (``doc`` is the guide), ``file`` (exists; ``path``),
    ``missing`` (``path`` is where it was looked for), ``unknown-id``
    (``guide:<id>``/``related`` id with no guide in this language; ``doc`` is
    the guide in the other language when there is one), ``escape`` (leaves the
    library; ``detail`` says how), ``external`` (``http``/``https``), ``mailto``,
    ``tel``, ``empty`` (no target at all) or ``other`` (a scheme not checked).
    ``unsound``: a guide (``doc``) whose front matter cannot be read or contradicts
    its folder; its own root-cause finding says so, and no link rule judges a link
    to it (the link may well be right).
    ``fragment`` is the decoded ``#part``, when the link has one.
    """

    kind: str
    doc: Document | None = None
    path: str | None = None
    fragment: str | None = None
    detail: str = ""


class LinkIndex:
    """Sites and targets of one run, computed on first use and kept."""

    def __init__(self, library: Library, content_root: Path) -> None:
        self.library = library
        self.content_root = content_root
        self._sites: dict[Document, list[LinkSite]] = {}
        self._targets: dict[LinkSite, Target] = {}
        self._anchors: dict[Document, Anchors] = {}
        self._external: dict[str, list[LinkSite]] | None = None
        self._roots: dict[Document, str] = {}
        self._bases: dict[Document, str] = {}
        self._lookups: dict[tuple[str, str], Lookup] = {}
        self._fallback_root: str | None = None

    # -- sites ---------------------------------------------------------------
    def sites(self, doc: Document) -> list[LinkSite]:
        """Every link ``doc`` writes, in file order (front matter first)."""
        found = self._sites.get(doc)
        if found is None:
            found = self._sites[doc] = _extract(doc)
        return found

    def resolved(self, doc: Document) -> list[tuple[LinkSite, Target]]:
        """``doc``'s sites with their targets."""
        return [(site, self.target(site)) for site in self.sites(doc)]

    def external(self) -> dict[str, list[LinkSite]]:
        """Each distinct ``http(s)`` URL of the library, with every site writing it."""
        if self._external is None:
            table: dict[str, list[LinkSite]] = {}
            for doc in self.library.documents:
                if doc.kind == "guide" and not doc.usable:
                    continue
                for site in self.sites(doc):
                    if self.target(site).kind == "external":
                        table.setdefault(site.href.strip(), []).append(site)
            self._external = table
        return self._external

    def anchors(self, doc: Document) -> Anchors:
        """The anchors ``doc`` offers to ``#part`` links."""
        found = self._anchors.get(doc)
        if found is None:
            found = self._anchors[doc] = anchors_of(doc)
        return found

    # -- targets -------------------------------------------------------------
    def target(self, site: LinkSite) -> Target:
        """Where ``site`` leads (memoized)."""
        found = self._targets.get(site)
        if found is None:
            found = self._targets[site] = self._resolve(site)
        return found

    def _resolve(self, site: LinkSite) -> Target:
        href = site.href.strip()
        if not href:
            return Target("empty")
        if href.startswith("#"):
            return Target("guide", site.doc, fragment=_fragment(href))
        scheme_match = _SCHEME_RE.match(href)
        if scheme_match:
            return self._resolve_scheme(site, href, scheme_match.group(1).lower())
        if href.startswith("//"):
            return Target("other", detail="protocol-relative URL")
        return self._resolve_path(site, href)

    def _resolve_scheme(self, site: LinkSite, href: str, scheme: str) -> Target:
        rest = href[len(scheme) + 1 :]
        if len(scheme) == 1 and unquote(rest)[:1] in ("/", "\\"):
            return Target("escape", detail="absolute-path")  # C:\... or C:/...
        if scheme in ("http", "https"):
            return Target("external")
        if scheme in ("mailto", "tel"):
            return Target(scheme)
        if scheme == "file":
            return Target("escape", detail="file-url")
        if scheme == "guide":
            guide_id, _, fragment = rest.partition("#")
            return self._resolve_id(site.doc, unquote(guide_id), _fragment("#" + fragment) if fragment else None)
        return Target("other", detail=f"{scheme}:")

    def _resolve_id(self, doc: Document, guide_id: str, fragment: str | None) -> Target:
        found = self.library.by_id.get((guide_id, doc.lang or ""), [])
        if found:
            return Target("guide", found[0], fragment=fragment)
        unsound = self.library.unsound_slot(guide_id, doc.lang)
        if unsound is not None:
            return Target("unsound", unsound, fragment=fragment, detail=guide_id)
        other = [d for (key, lang), docs in self.library.by_id.items() if key == guide_id and lang != doc.lang
                 for d in docs]
        return Target("unknown-id", other[0] if other else None, fragment=fragment, detail=guide_id)

    def _resolve_path(self, site: LinkSite, href: str) -> Target:
        raw_path, _, fragment_part = href.partition("#")
        raw_path = raw_path.split("?", 1)[0]
        fragment = _fragment("#" + fragment_part) if fragment_part else None
        path = unquote(raw_path).replace("\\", "/")
        if "\x00" in path:
            return Target("escape", detail="nul")
        if path.startswith("/"):
            return Target("escape", path=path, detail="absolute-path")
        root = self.root_of(site.doc)
        base = self._bases.get(site.doc)
        if base is None:
            base = self._bases[site.doc] = os.path.dirname(os.path.realpath(site.doc.path))
        candidate = place(base, path)
        if not inside(candidate, root):
            return Target("escape", path=candidate, fragment=fragment, detail="outside")
        # Many guides link to the same files: each is walked once per run.
        found = self._lookups.get((candidate, root))
        if found is None:
            found = self._lookups[(candidate, root)] = lookup(candidate, root)
        if found.status == "escape":
            return Target("escape", path=found.path, fragment=fragment, detail="symlink")
        if found.status == "missing":
            return Target("missing", path=candidate, fragment=fragment)
        doc = self.library.by_real_path.get(found.path)  # lookup() returns real paths
        if doc is not None and doc.kind == "guide":
            kind = "guide" if doc.sound else "unsound"
            return Target(kind, doc, path=found.path, fragment=fragment)
        return Target("file", doc, path=found.path, fragment=fragment)

    # -- roots ---------------------------------------------------------------
    def root_of(self, doc: Document) -> str:
        """The folder links of ``doc`` must stay in: the content folder.

        For files checked outside the content folder, the common folder of the
        files of the run (the library root the engine chose) instead.
        """
        found = self._roots.get(doc)
        if found is None:
            content = os.path.realpath(self.content_root)
            here = os.path.realpath(doc.path)
            found = content if inside(here, content) else self._library_root()
            self._roots[doc] = found
        return found

    def _library_root(self) -> str:
        if self._fallback_root is None:
            folders = [os.path.dirname(os.path.realpath(d.path)) for d in self.library.documents]
            self._fallback_root = os.path.commonpath(folders) if folders else os.path.realpath(".")
        return self._fallback_root


def _fragment(text: str) -> str:
    return unquote(text[1:])


# ---------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------
def _extract(doc: Document) -> list[LinkSite]:
    if doc.kind == "data":
        return _data_sites(doc) if doc.yaml is not None else []
    if not doc.usable:
        return []
    from contentlint.content.library import outgoing_links

    sites = [LinkSite(doc, ref.href, ref.text, ref.line, ref.column, ref.origin) for ref in outgoing_links(doc)]
    sites.extend(_html_sites(doc))
    return sorted(sites, key=lambda s: (s.line, s.column))


def _html_sites(doc: Document) -> list[LinkSite]:
    """``href``/``src`` of raw HTML tags (``<a>``, ``<img>`` ...), tag and attribute on one line."""
    out: list[LinkSite] = []
    lines = doc.lines
    for block in doc.blocks:
        if block.kind == "code" or "<" not in block.source:
            continue
        for number in range(block.line, block.end_line + 1):
            text = lines[number - 1] if 0 < number <= len(lines) else ""
            for match in _HTML_LINK_RE.finditer(text):
                if block.kind != "html" and text[: match.start()].count("`") % 2:
                    continue  # inside an inline code span
                value = html.unescape(match.group("dq") if match.group("dq") is not None else match.group("sq"))
                origin = "image" if match.group("tag").lower() in ("img", "source") else "html"
                out.append(LinkSite(doc, value, "", number, match.start() + 1, origin))
    return out


def _data_sites(doc: Document) -> list[LinkSite]:
    """Every ``http(s)`` URL inside the text values of a data file."""
    out: list[LinkSite] = []
    for loc, value in _strings(doc.data, ()):
        for match in _URL_RE.finditer(value):
            url = _trim_url(match.group(0))
            line, column = _locate_in_file(doc, loc, url)
            out.append(LinkSite(doc, url, "", line, column, "data"))
    return sorted(out, key=lambda s: (s.line, s.column))


def _strings(value: Any, loc: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        return [(loc, value)]
    if isinstance(value, dict):
        return [item for key, inner in value.items() for item in _strings(inner, (*loc, key))]
    if isinstance(value, list):
        return [item for index, inner in enumerate(value) for item in _strings(inner, (*loc, index))]
    return []


def _trim_url(url: str) -> str:
    while url and url[-1] in _URL_TRAILING:
        url = url[:-1]
    for close, open_ in ((")", "("), ("]", "[")):
        while url.endswith(close) and url.count(close) > url.count(open_):
            url = url[:-1]
    return url


def _locate_in_file(doc: Document, loc: tuple[str | int, ...], url: str) -> tuple[int, int]:
    """The URL's own line and column, searching from its value's position."""
    line, column = doc.value_position(loc)
    lines = doc.lines
    for number in range(line, min(len(lines), line + 50) + 1):
        start = column - 1 if number == line else 0
        found = lines[number - 1].find(url, max(start, 0))
        if found != -1:
            return number, found + 1
    return line, column
