"""Content files as documents: front matter, body blocks, and their positions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from contentlint.content.markdown.blocks import Block
from contentlint.content.markdown.parse import MAX_CONTAINER_DEPTH, parse_blocks, too_deep
from contentlint.content.read import LoadProblem, read_source
from contentlint.content.yamlload import Loc, YamlData, YamlStore, load_yaml
from contentlint.i18n import msg

GUIDE_SUFFIXES = frozenset({".md", ".markdown"})
DATA_SUFFIXES = frozenset({".yaml", ".yml"})
LANGUAGES = ("en", "es")
_FENCE_RE = re.compile(r"---[ \t]*$")
_END_RE = re.compile(r"(---|\.\.\.)[ \t]*$")
# Load problems after which the front matter is not known (the guide is unusable).
UNREADABLE_CODES = frozenset({"SC001", "SC002", "SC003"})
# A top-level `id:` line, quoted or not, read from a front matter YAML could not parse.
_CLAIMED_ID_RE = re.compile(r"id:[ \t]*([^#\n]*)")
_CLAIMED_ID_SCAN_LINES = 200


@dataclass(eq=False)
class Document:
    """One content file: a guide (Markdown + front matter) or a data file (YAML)."""

    path: Path
    display: str
    kind: str  # "guide" | "data"
    folder_lang: str | None
    text: str | None = None
    problems: list[LoadProblem] = field(default_factory=list)
    yaml: YamlData | None = None
    body: str = ""
    body_line: int = 1
    model: Any = None  # the validated pydantic model, set by the schema stage
    schema_problems: list[LoadProblem] = field(default_factory=list)

    @property
    def data(self) -> Any:
        """The raw front matter or data mapping (None when it could not be read)."""
        return self.yaml.data if self.yaml is not None else None

    @property
    def front(self) -> dict[str, Any]:
        """The front matter (or data file) as a dict, empty when unusable."""
        data = self.data
        return data if isinstance(data, dict) else {}

    # lang and doc_id are read in every inner loop of the sync rules; the front
    # matter does not change once loaded, so they are computed once.
    @cached_property
    def lang(self) -> str | None:
        """The declared language, falling back to the folder's."""
        declared = self.front.get("lang")
        return declared if declared in LANGUAGES else self.folder_lang

    @cached_property
    def doc_id(self) -> str | None:
        """The shared id that pairs a guide with its translation."""
        value = self.front.get("id")
        return value if isinstance(value, str) else None

    @property
    def guide_type(self) -> str | None:
        """The declared ``type``, when it is text."""
        value = self.front.get("type")
        return value if isinstance(value, str) else None

    @cached_property
    def lines(self) -> list[str]:
        """The file's lines (without newlines)."""
        return (self.text or "").split("\n")

    @cached_property
    def blocks(self) -> list[Block]:
        """The body's blocks, parsed on first use only."""
        if self.kind != "guide" or self.text is None or not self.body.strip():
            return []
        return parse_blocks(self.body, self.body_line, self.lines)

    def position(self, loc: Loc) -> tuple[int, int]:
        """File position of a front-matter path such as ``('cards', 0, 'href')``."""
        if self.yaml is None:
            return (1, 1)
        return self.yaml.position(loc)

    def value_position(self, loc: Loc) -> tuple[int, int]:
        """File position of the value at ``loc`` (its key's when it has none)."""
        if self.yaml is not None and loc in self.yaml.value_positions:
            return self.yaml.value_positions[loc]
        return self.position(loc)

    @property
    def usable(self) -> bool:
        """True when the file could be read and its YAML parsed."""
        return self.text is not None and self.yaml is not None and not any(
            p.code in UNREADABLE_CODES for p in self.problems
        )

    @cached_property
    def lang_conflict(self) -> bool:
        """A guide in ``en/`` or ``es/`` whose front matter names the other language (SC010)."""
        declared = self.front.get("lang")
        return (
            self.kind == "guide" and self.folder_lang is not None and declared in LANGUAGES
            and declared != self.folder_lang
        )

    @property
    def sound(self) -> bool:
        """Other files may rely on this guide: its front matter was read and agrees with its folder.

        An unsound guide is left out of pairing and link resolution: its one root-cause
        finding (SC001-SC003, SC010) is reported, and nothing cascades onto the guides
        that depend on it (see :meth:`Library.unsound_slot`)."""
        return self.usable and not self.lang_conflict

    def unsound_reason(self) -> tuple[str, int, int] | None:
        """The root cause (code, line, column) that makes a guide unsound, or None."""
        if self.kind != "guide":
            return None
        for problem in self.problems:
            if problem.code in UNREADABLE_CODES:
                return (problem.code, problem.line, problem.column)
        if self.text is None:
            return ("CL001", 1, 1)  # unreadable bytes: core rules say which
        if self.lang_conflict:
            line, column = self.value_position(("lang",))
            return ("SC010", line, column)
        return None

    @cached_property
    def claimed_id(self) -> str | None:
        """The id this guide declares, read leniently when its front matter cannot be parsed.

        Used only to recognise the guides that depend on a broken one (so they get a
        note, not a cascade of pair and link errors), never to pair; always a valid id.
        Without a readable ``id:`` line, the file name stands in for it."""
        from contentlint.content.ids import is_valid_id

        if self.usable:
            return self.doc_id if is_valid_id(self.doc_id) else None
        if self.kind != "guide":
            return None
        lines = self.lines if self.text is not None else []
        if lines and _FENCE_RE.match(lines[0]):
            for line in lines[1:_CLAIMED_ID_SCAN_LINES]:
                if _END_RE.match(line):
                    break
                found = _CLAIMED_ID_RE.match(line)
                if found:  # quotes or brackets left open are what broke the YAML, often
                    value = found.group(1).strip(" \t'\"[]{}")
                    return value if is_valid_id(value) else None
        # No `id:` line at all: the file name, which is the id of many English guides.
        return self.path.stem if is_valid_id(self.path.stem) else None


def folder_language(display: str) -> str | None:
    """``en`` or ``es`` when a folder of that name holds the file."""
    for part in display.split("/")[:-1]:
        if part in LANGUAGES:
            return part
    return None


def load_document(path: Path, display: str, max_bytes: int, store: YamlStore | None = None) -> Document:
    """Read and parse one file; every problem becomes a LoadProblem.

    ``store``: parsed YAML remembered from earlier runs (see :func:`load_yaml`).
    """
    kind = "data" if path.suffix.lower() in DATA_SUFFIXES else "guide"
    doc = Document(path, display, kind, folder_language(display))
    source = read_source(path, max_bytes)
    doc.problems.extend(source.problems)
    if source.text is None:
        return doc
    doc.text = source.text
    if kind == "data":
        doc.yaml = load_yaml(source.text, store=store)
    else:
        _split_front_matter(doc, source.text, store)
    if doc.yaml is not None:
        doc.problems.extend(doc.yaml.problems)
    return doc


def document_from_text(display: str, text: str, kind: str = "guide", path: Path | None = None) -> Document:
    """Build a document from text already in memory (sync, the language server, tests);
    ``path``: the file it stands for, so its relative links resolve from its folder."""
    doc = Document(path if path is not None else Path(display), display, kind, folder_language(display))
    doc.text = text
    if kind == "data":
        doc.yaml = load_yaml(text)
    else:
        _split_front_matter(doc, text)
    if doc.yaml is not None:
        doc.problems.extend(doc.yaml.problems)
    return doc


def _split_front_matter(doc: Document, text: str, store: YamlStore | None = None) -> None:
    lines = doc.lines
    if not lines or not _FENCE_RE.match(lines[0]):
        doc.problems.append(
            LoadProblem(
                "SC001",
                msg("no front matter: a guide must start with a '---' line"),
                hint=msg("Start the file with '---', the front matter (id, lang, type, title, ...), then '---'."),
            )
        )
        return
    for index in range(1, len(lines)):
        if _END_RE.match(lines[index]):
            front = "\n".join(lines[1:index]) + "\n"
            doc.yaml = load_yaml(front, line_offset=1, store=store)
            doc.body_line = index + 2
            doc.body = "\n".join(lines[index + 1 :])
            deep = too_deep(doc.body)
            if deep is not None:
                doc.problems.append(
                    LoadProblem(
                        "CL006",
                        msg("block quotes or lists nested more than {limit} levels deep; the deeper text is not "
                            "checked", limit=MAX_CONTAINER_DEPTH),
                        doc.body_line + deep,
                        1,
                        hint=msg("Flatten the quotes and lists; a guide needs only a few levels."),
                    )
                )
            return
    doc.problems.append(
        LoadProblem(
            "SC002",
            msg("front matter opened at line 1 is never closed"),
            hint=msg("Add a '---' line after the last front-matter key."),
        )
    )
