"""The language server's warm library: loaded once, one document replaced per edit.

The server keeps every content file loaded (the library, the configuration and
the selected rules) for as long as it runs. An edit replaces one document with
the editor's text; only that guide and its translation are checked again (their
file and pair rules), in a fresh run context over the updated library, so an
English edit that makes the Spanish stale shows at once on the Spanish file. When
the edit changes what other guides link to (its id, slug or headings' anchors), the
guides linking to it are checked again too.
Library-wide rules (duplicate ids, the network link check) stay with ``check``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contentlint.config.settings import Config
    from contentlint.content.documents import Document
    from contentlint.content.library import Library
    from contentlint.context import RunContext
    from contentlint.findings import Finding
    from contentlint.rules.base import Rule


@dataclass
class Checked:
    """The findings of one check, by file, with each file's text (to place them)."""

    findings: dict[str, list[Finding]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)


class WarmLibrary:
    """The loaded library of one project, kept between edits."""

    def __init__(self, config: Config) -> None:
        from contentlint.pipeline.discover import discover
        from contentlint.pipeline.load import load_library
        from contentlint.pipeline.selection import instantiate

        self.config = config
        files, _targets, _root = discover([], config)
        self.documents: list[Document] = load_library(files, config)
        self.rules: list[Rule] = [rule for rule in instantiate(config) if rule.scope.value != "library"]
        self._library: Library | None = None
        # The last run context: its data-file tables (glossary, acronyms) are reused
        # while the edits are to guides (the data documents stay the same objects).
        self._context: RunContext | None = None
        self._targets_changed = False

    @classmethod
    def open(cls, folder: Path) -> WarmLibrary:
        """Find the project of ``folder`` (as ``check`` does) and load it."""
        from contentlint.pipeline.selection import load_resolved

        return cls(load_resolved(folder))

    def library(self) -> Library:
        """The library of the current documents (rebuilt after an edit)."""
        from contentlint.content.library import Library

        if self._library is None:
            self._library = Library(self.documents)
        return self._library

    def find(self, path: Path) -> Document | None:
        """The document of a file of the library."""
        return self.library().at_path(path)

    def display(self, path: Path) -> str | None:
        """The path as findings show it, or None for a file outside the content folder."""
        from contentlint.content.read import display_path, is_inside

        if not is_inside(path.absolute(), self.config.content_root.absolute()):
            return None
        return display_path(path.absolute(), self.config.root)

    def update(self, path: Path, text: str) -> Document | None:
        """Put the editor's ``text`` of ``path`` in the library (None: not a content file)."""
        from contentlint.content.documents import DATA_SUFFIXES, GUIDE_SUFFIXES, document_from_text
        from contentlint.schema.validate import validate_document

        display = self.display(path)
        suffix = path.suffix.lower()
        if display is None or suffix not in GUIDE_SUFFIXES | DATA_SUFFIXES or self.config.excluded(display):
            return None
        kind = "data" if suffix in DATA_SUFFIXES else "guide"
        doc = document_from_text(display, text, kind, path.absolute())
        validate_document(doc)
        old = self.find(path)
        # Other guides' links can break only when what they point at changed: the
        # guide's id, language or slug, or its headings' anchors (then they are checked too).
        self._targets_changed = old is None or _link_targets(old) != _link_targets(doc)
        self._library = self.library().replacing(old, doc)
        self.documents = self._library.documents
        return doc

    def check(self, doc: Document) -> Checked:
        """Findings of ``doc`` and its translation (file and pair rules), by display path."""
        from contentlint.context import Project, RunContext
        from contentlint.pipeline.finalize import finalize
        from contentlint.pipeline.run import linking_to
        from contentlint.pipeline.schedule import run_rules

        library = self.library()
        selected = [doc]
        other = library.counterpart(doc)
        if other is not None:
            selected.append(other)
        if self._targets_changed:
            selected += [d for d in linking_to([doc], library) if d is not other]
        config = self.config
        project = Project(config.root, config.content_root, online=False, cached_links=True)
        ctx = RunContext(library, project, tuple(sorted(selected, key=lambda d: d.display)))
        if self._context is not None:
            ctx.reuse_tables(self._context)
        self._context = ctx
        findings, _internal = run_rules(self.rules, selected, ctx, 1, None)
        out = Checked({d.display: [] for d in selected}, {d.display: d.text or "" for d in selected})
        for finding in finalize(findings, selected, config):
            out.findings.setdefault(finding.location.path, []).append(finding)
        return out


def _link_targets(doc: Document) -> tuple[object, ...]:
    """What a link from another guide can point at in ``doc``."""
    from contentlint.links.anchors import anchors_of

    return (doc.doc_id, doc.lang, doc.front.get("slug"), doc.usable, tuple(anchors_of(doc).slugs))
