"""The library: every loaded document, indexed by id and language, and the EN/ES pairs."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath

from contentlint.content.documents import Document


@dataclass(frozen=True)
class Pair:
    """An English guide and its Spanish translation (both present)."""

    doc_id: str
    en: Document
    es: Document


class Library:
    """All documents of one run, with lookups the rules share."""

    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents

    @cached_property
    def guides(self) -> list[Document]:
        """Guides whose front matter was readable (valid or not) and agrees with its folder."""
        return [d for d in self.documents if d.kind == "guide" and d.sound]

    @cached_property
    def unsound(self) -> list[Document]:
        """Guides in a language folder that other files cannot rely on (see ``Document.sound``)."""
        return [d for d in self.documents if d.kind == "guide" and d.folder_lang is not None and not d.sound]

    @cached_property
    def _unsound_slots(self) -> dict[tuple[str, str], Document]:
        slots: dict[tuple[str, str], Document] = {}
        for doc in self.unsound:
            if doc.claimed_id is not None and doc.folder_lang is not None:
                slots.setdefault((doc.claimed_id, doc.folder_lang), doc)
        return slots

    def unsound_slot(self, doc_id: str | None, lang: str | None) -> Document | None:
        """The unsound guide that would be the ``lang`` guide of ``doc_id``, when no sound one is.

        A guide that depends on it (its translation, a guide linking to it) gets no
        pair or link finding for it: the root cause is reported on the unsound guide."""
        if not doc_id or not lang or (doc_id, lang) in self.by_id:
            return None
        return self._unsound_slots.get((doc_id, lang))

    def unsound_unclaimed(self, lang: str) -> list[Document]:
        """Unsound guides in the ``lang`` folder whose id cannot be read at all."""
        return [d for d in self.unsound if d.folder_lang == lang and d.claimed_id is None]

    @cached_property
    def by_id(self) -> dict[tuple[str, str], list[Document]]:
        """(id, lang) -> guides declaring it (more than one is a duplicate)."""
        index: dict[tuple[str, str], list[Document]] = defaultdict(list)
        for doc in self.guides:
            if doc.doc_id and doc.lang:
                index[(doc.doc_id, doc.lang)].append(doc)
        return dict(index)

    @cached_property
    def by_real_path(self) -> dict[str, Document]:
        """Real absolute path (symbolic links resolved, as a string) -> document."""
        import os

        # Path.resolve walks every component of every path with a system call
        # each, and a Path object costs more than the string; the files of a
        # library share a handful of folders, so each folder is resolved once and
        # only a file that is itself a symbolic link on its own.
        folders: dict[str, str] = {}
        out: dict[str, Document] = {}
        for doc in self.documents:
            absolute = os.path.abspath(doc.path)
            folder, name = os.path.split(absolute)
            real_folder = folders.get(folder)
            if real_folder is None:
                real_folder = folders[folder] = os.path.realpath(folder)
            real = os.path.realpath(absolute) if os.path.islink(absolute) else os.path.join(real_folder, name)
            out[real] = doc
        return out

    def at_path(self, path: Path | str) -> Document | None:
        """The document at ``path`` (any spelling: relative, through symbolic links)."""
        import os

        return self.by_real_path.get(os.path.realpath(path))

    @cached_property
    def pairs(self) -> list[Pair]:
        """Every valid id with exactly one English and one Spanish guide, in id order
        (an invalid id, reported as SC008, never pairs: it would name the sync mark)."""
        from contentlint.content.ids import is_valid_id

        out = []
        ids = sorted({key[0] for key in self.by_id if is_valid_id(key[0])})
        for doc_id in ids:
            en = self.by_id.get((doc_id, "en"), [])
            es = self.by_id.get((doc_id, "es"), [])
            if len(en) == 1 and len(es) == 1:
                out.append(Pair(doc_id, en[0], es[0]))
        return out

    def replacing(self, old: Document | None, new: Document) -> Library:
        """A library with ``new`` in place of ``old`` (or added), for an editor's edit.

        The indices of this library are carried over with the one document swapped
        when the edit keeps what they are keyed on (the file, the id and language,
        readable front matter), so a keystroke in a 2,000-file library does not
        rebuild them; otherwise they are built again on first use.
        """
        documents = [d for d in self.documents if d is not old] + [new]
        documents.sort(key=lambda d: d.display)
        out = Library(documents)
        if old is None or old.path != new.path or old.kind != new.kind:
            return out
        done = self.__dict__

        def swap(doc: Document) -> Document:
            return new if doc is old else doc

        if "by_real_path" in done:
            out.__dict__["by_real_path"] = {key: swap(doc) for key, doc in self.by_real_path.items()}
        if "_by_folder_name" in done:
            out.__dict__["_by_folder_name"] = {key: swap(doc) for key, doc in self._by_folder_name.items()}
        if old.usable != new.usable or (old.doc_id, old.lang) != (new.doc_id, new.lang):
            return out
        if "guides" in done:
            out.__dict__["guides"] = [swap(doc) for doc in self.guides]
        if "by_id" in done:
            by_id = dict(self.by_id)
            key = (old.doc_id or "", old.lang or "")
            if key in by_id:
                by_id[key] = [swap(doc) for doc in by_id[key]]
            out.__dict__["by_id"] = by_id
        if "pairs" in done:
            out.__dict__["pairs"] = [Pair(p.doc_id, swap(p.en), swap(p.es)) if old in (p.en, p.es) else p
                                     for p in self.pairs]
        return out

    def counterpart(self, doc: Document) -> Document | None:
        """The guide with the same id in the other language, if exactly one."""
        doc_id, lang = (doc.doc_id, doc.lang) if doc.sound else (doc.claimed_id, doc.folder_lang)
        if not doc_id or lang not in ("en", "es"):
            return None
        other = "es" if lang == "en" else "en"
        found = self.by_id.get((doc_id, other), [])
        return found[0] if len(found) == 1 else None

    def without_counterpart(self, lang: str) -> list[Document]:
        """Guides in ``lang`` whose id no guide in the other language declares."""
        other = "es" if lang == "en" else "en"
        return [d for d in self.guides if d.lang == lang and d.doc_id and (d.doc_id, other) not in self.by_id]

    def data(self, data_type: str) -> Document | None:
        """The data file of a type (glossary, acronyms, timelines) with a valid model."""
        for doc in self.documents:
            if doc.kind == "data" and doc.model is not None and doc.front.get("type") == data_type:
                return doc
        return None

    def resolve_href(self, doc: Document, href: str) -> Document | None:
        """The guide a relative ``.md`` path or ``guide:<id>`` link points at, if any."""
        key = (id(doc), href)
        cache = self._resolved
        if key not in cache:
            cache[key] = self._resolve_href(doc, href)
        return cache[key]

    @cached_property
    def _resolved(self) -> dict[tuple[int, str], Document | None]:
        # Several rule families resolve the same links; Path.resolve costs ~150 us.
        return {}

    @cached_property
    def _by_folder_name(self) -> dict[tuple[str, str], Document]:
        """(folder, file name) -> document, for lexical resolution without the filesystem."""
        return {(str(d.path.parent.absolute()), d.path.name): d for d in self.documents}

    def _resolve_href(self, doc: Document, href: str) -> Document | None:
        target = href.split("#", 1)[0]
        if target.startswith("guide:"):
            same_id = self.by_id.get((target[len("guide:") :], doc.lang or ""), [])
            return same_id[0] if same_id else None
        if not target or "://" in target or target.startswith(("mailto:", "tel:", "/")):
            return None
        import os

        # Lexical first (no system calls), then the filesystem for symlinked folders.
        joined = os.path.normpath(os.path.join(str(doc.path.parent.absolute()), str(PurePosixPath(target))))
        found = self._by_folder_name.get((os.path.dirname(joined), os.path.basename(joined)))
        if found is not None:
            return found
        if not target.lower().endswith((".md", ".markdown")):
            return None  # only a guide file can be a guide: never touch the filesystem for anything else
        return self.at_path(doc.path.parent / PurePosixPath(target))


@dataclass(frozen=True)
class LinkRef:
    """A link found in a guide: where it is written and what it says."""

    href: str
    text: str
    line: int
    column: int
    origin: str  # "body", "image", "related", "card", "language_switch"


def outgoing_links(doc: Document) -> list[LinkRef]:
    """Every link a guide makes, front matter and body, in file order."""
    out: list[LinkRef] = []
    front = doc.front
    related = front.get("related")
    if isinstance(related, list):
        for index, item in enumerate(related):
            if isinstance(item, str):
                line, column = doc.value_position(("related", index))
                out.append(LinkRef("guide:" + item, item, line, column, "related"))
    cards = front.get("cards")
    if isinstance(cards, list):
        for index, card in enumerate(cards):
            if isinstance(card, dict) and isinstance(card.get("href"), str):
                line, column = doc.value_position(("cards", index, "href"))
                out.append(LinkRef(card["href"], str(card.get("label", "")), line, column, "card"))
    switch = front.get("language_switch")
    if isinstance(switch, dict) and isinstance(switch.get("href"), str):
        line, column = doc.value_position(("language_switch", "href"))
        out.append(LinkRef(switch["href"], str(switch.get("label", "")), line, column, "language_switch"))
    for block in doc.blocks:
        for link in block.links:
            origin = "image" if link.image else "body"
            out.append(LinkRef(link.href, link.text, link.line, link.column, origin))
    return out
