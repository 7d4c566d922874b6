"""The per-target result cache: unchanged guides and pairs are not checked again.

The whole-run cache (:mod:`contentlint.cache.run`) answers only when nothing at
all changed. This one answers per target: the findings of every file rule on a
file, and of every pair rule on a pair, are stored under a key made of

* the *run key*: contentlint's own code, the validated settings (rule
  selection, severities, options) and what rule options point at (a
  readability baseline file, a git ref);
* the *library context*: what a file or pair rule may read of the rest of the
  library. For every other guide that is its path, whether it loaded, its
  front matter text (ids, languages, types, related ids, titles) and the lines
  that can define an anchor (headings, ``{#id}``, ``id=``/``name=``); every
  data file whole (glossary, acronyms, timelines); and the names of every file
  and folder under the content folder (link targets, images, symlinks);
* the target's own content: the file (and its translation), or both files of
  a pair, and the pair's sync file.

Editing a paragraph of one guide therefore re-checks that guide, its pair and
nothing else; editing a heading, front matter or a data file changes the
context and re-checks everything, because any guide may link to that anchor or
use that term. Findings are stored before suppressions, ignores and severity
overrides, which are applied afresh on every run. A target whose rules raised
an internal error is never stored.

The findings live in the ``targets`` table of the cache database
(:mod:`contentlint.cache.db`), as JSON that keeps each message's template and
parameters, so a cached finding is still shown in the user's language.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from contentlint.findings import Finding

if TYPE_CHECKING:
    from contentlint.cache.db import CacheDB
    from contentlint.config.settings import Config
    from contentlint.content.documents import Document
    from contentlint.content.library import Library, Pair

# Lines of a guide body that can define an anchor another guide links to: ATX
# headings (also inside quotes and lists), setext underlines, {#custom} ids and
# HTML id/name attributes. Over-matching only costs cache hits, never results.
# Both start at a newline (the body gets one in front): a literal first
# character lets the regex engine skip to candidate lines instead of trying a
# ``^`` at every character.
_HEADING_LINE_RE = re.compile(r"\n[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*#[^\n]*")
_SETEXT_LINE_RE = re.compile(r"\n[ \t>]*(?:=+|-+)[ \t]*(?=\n|$)")
_ID_ATTRIBUTE_RE = re.compile(r"\{#|\bid\s*=|\bname\s*=", re.IGNORECASE)


def _digest(*parts: str | bytes) -> str:
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part)
        digest.update(b"\x1f")
    return digest.hexdigest()


def document_digest(doc: Document) -> str:
    """Everything a document's own findings can depend on: its text and load problems."""
    problems = repr([(p.code, p.line, p.column, str(p.message)) for p in doc.problems])
    return _digest(doc.display, doc.text if doc.text is not None else "\x00<none>", problems)


def _anchor_lines(body: str) -> list[str]:
    """Anchor lines of a body; setext headings (text above an underline) keep the whole body."""
    lines = "\n" + body
    if _SETEXT_LINE_RE.search(lines):
        return [body]
    out = _HEADING_LINE_RE.findall(lines) if "#" in body else []
    if "=" in body or "{#" in body:  # a plain substring test first: the regex is slow on prose
        out += [line for line in body.split("\n") if ("=" in line or "{#" in line) and _ID_ATTRIBUTE_RE.search(line)]
    return out


def _context_part(doc: Document) -> str:
    """What other targets' rules may read of ``doc``."""
    if doc.kind != "guide" or doc.text is None:
        return document_digest(doc)
    lines = doc.lines
    front = lines[: max(doc.body_line - 1, 0)] if doc.yaml is not None else lines[:1]
    anchors = _anchor_lines(doc.body) if doc.yaml is not None else []
    return _digest(doc.display, str(doc.usable), "\n".join(front), "\n".join(anchors))


def _listing(root: Path) -> str:
    """Every name under the content folder, with symlink targets: what links can reach."""
    entries: list[str] = []
    pending = [str(root)]
    while pending:
        folder = pending.pop()
        try:
            found = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            entries.append(f"{os.path.relpath(folder, root)}/?")
            continue
        for entry in found:
            shown = os.path.relpath(entry.path, root)  # the same key in any checkout
            # scandir knows the entry's type from the folder listing: no stat per file.
            if entry.is_symlink():
                try:
                    entries.append(f"{shown}->{os.readlink(entry.path)}")
                except OSError:
                    entries.append(f"{shown}->?")
            else:
                entries.append(shown)
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
    return "\n".join(sorted(entries))


def _sync_digest(path: Path, root: Path) -> str:
    """The content hash of a sync file (what the staleness rules read), or why it
    cannot be read. Read through the safe file layer, as the staleness rules read it:
    never through a symbolic link out of the project, never a FIFO or device,
    never more than the size cap."""
    from contentlint.content.read import STATE_FILE_MAX_BYTES, read_bytes_safely

    try:
        return hashlib.blake2b(read_bytes_safely(path, STATE_FILE_MAX_BYTES, root), digest_size=20).hexdigest()
    except FileNotFoundError:
        return "none"
    except (OSError, ValueError) as exc:
        return f"error:{exc.__class__.__name__}:{exc}"


class TargetCache:
    """Findings per file and per pair, looked up by content."""

    def __init__(self, db: CacheDB, base: str, content_root: Path | None = None, root: Path | None = None) -> None:
        self.db = db
        self.base = base  # run key + library context
        self.content_root = content_root
        self.root = root
        self._digests: dict[int, str] = {}
        self._syncs: dict[Path, str] = {}  # a pair's two files and the pair share one

    @classmethod
    def open(cls, config: Config, library: Library, db: CacheDB) -> TargetCache | None:
        """The cache for this run, or None when its key cannot be computed."""
        from contentlint.cache.run import package_fingerprint, referenced_state
        from contentlint.content.clock import today

        content = config.content_root
        try:
            if not all(_inside(d.path, content) for d in library.documents):
                return None  # files from elsewhere: their context is not the content folder's
            run = {
                "tool": package_fingerprint(),
                "settings": config.settings.model_dump(mode="json"),
                "referenced": referenced_state(config.root, {"rules": config.settings.rules}),
                "enabled": sorted(config.enabled),
                "today": today().isoformat(),  # ages (ST010) change with the date, not the content
            }
            context = [_context_part(d) for d in sorted(library.documents, key=lambda d: d.display)]
            base = _digest(json.dumps(run, sort_keys=True, default=str), *context, _listing(content))
        except (OSError, ValueError, TypeError, RuntimeError):
            return None
        return cls(db, base, content, config.root)

    # -- keys ----------------------------------------------------------------
    def file_key(self, doc: Document, library: Library) -> str:
        """A file's key: its content, its translation's, and its id's sync file."""
        other = library.counterpart(doc)
        return _digest(self.base, "file", self._document(doc),
                       self._document(other) if other is not None else "none", self._sync(doc))

    def pair_key(self, en: Document, es: Document) -> str:
        """A pair's key: both files and the pair's sync file."""
        return _digest(self.base, "pair", self._document(en), self._document(es), self._sync(en))

    def _sync(self, doc: Document) -> str:
        """The sync file of a guide's id, hashed once per run."""
        from contentlint.content.ids import is_valid_id

        if doc.kind != "guide" or not is_valid_id(doc.doc_id) or self.content_root is None or self.root is None:
            return "none"  # an invalid id names no sync file (and never pairs)
        from contentlint.bilingual.marks import sync_path

        path = sync_path(self.content_root, str(doc.doc_id))
        found = self._syncs.get(path)
        if found is None:
            found = self._syncs[path] = _sync_digest(path, self.root)
        return found

    def _document(self, doc: Document) -> str:
        found = self._digests.get(id(doc))
        if found is None:
            found = self._digests[id(doc)] = document_digest(doc)
        return found

    # -- lookups ---------------------------------------------------------------
    def lookup(self, keys: Iterable[str]) -> dict[str, list[Finding]]:
        """The stored findings of those targets that have them (a corrupt row is a miss)."""
        from contentlint.cache.run import DECODE_ERRORS, findings_from_json

        out: dict[str, list[Finding]] = {}
        for key, stored in self.db.get_many("targets", keys).items():
            if not isinstance(stored, str):
                continue  # the table holds JSON text; anything else is not ours
            try:
                out[key] = findings_from_json(json.loads(stored))
            except DECODE_ERRORS:
                continue
        return out

    def put(self, key: str, findings: Iterable[Finding]) -> None:
        """Remember a target's findings."""
        from contentlint.cache.run import finding_to_json

        self.db.put("targets", key, json.dumps([finding_to_json(f) for f in findings], ensure_ascii=False))

    # -- per-pair analyses (contentlint.context.PairStore) ---------------------------
    def _analysis_key(self, kind: str, pair: Pair) -> str:
        # What a pair's rules may read (the library context in ``base``, both files)
        # holds what an analysis of the pair (its alignment, its sentences) may read;
        # not its sync mark, which no analysis here reads (a read per pair saved).
        return _digest(self.base, "analysis", kind, self._document(pair.en), self._document(pair.es))

    def recall_pairs(self, kind: str, pairs: list[Pair]) -> dict[int, object]:
        """The stored analyses of those pairs that have one, by index (a corrupt row is a miss)."""
        keys = [self._analysis_key(kind, pair) for pair in pairs]
        stored = self.db.get_many("memo", keys)
        out: dict[int, object] = {}
        for index, key in enumerate(keys):
            value = stored.get(key)
            if isinstance(value, str):
                try:
                    out[index] = json.loads(value)
                except (ValueError, RecursionError):
                    continue
        return out

    def keep_pair(self, kind: str, pair: Pair, value: object) -> None:
        """Store a pair's analysis (plain JSON data) for the next run."""
        self.db.put("memo", self._analysis_key(kind, pair), json.dumps(value, ensure_ascii=False))


def _inside(path: Path, root: Path) -> bool:
    try:
        path.absolute().relative_to(root.absolute())
    except ValueError:
        return False
    return True
