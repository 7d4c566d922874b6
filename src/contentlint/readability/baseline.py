"""Readability baselines for RD005: earlier scores, from a JSON file or a git ref.

A baseline file (written by ``scripts/readability_baseline.py``) looks like::

    {
      "format": 1,
      "settings": {"include_headings": false},
      "guides": {
        "content/en/prior-written-notice.md":
          {"id": "prior-written-notice", "lang": "en", "words": 608, "sentences": 66, "grade": 4.97},
        "content/es/notificacion-previa-por-escrito.md":
          {"id": "prior-written-notice", "lang": "es", "words": 673, "sentences": 66,
           "inflesz": 67.53, "grade": 5.49}
      }
    }

Keys are paths relative to the project root; a guide that moved is found by its
``id`` and ``lang``. ``grade`` is on the English scale for both languages (see
:mod:`.scoring`); Spanish comparisons use ``inflesz``.

``git:REF`` instead reads every guide as it is at REF (one ``git cat-file --batch``
process for all of them) and scores those texts the same way, lazily, only for the
guides that are checked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contentlint.content.git import GitError, run_git
from contentlint.i18n import msg
from contentlint.readability.guides import (
    ScoringCaches,
    english_scale_grade,
    score_guide,
)

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.readability import DocumentScore

FORMAT = 1
DEFAULT_PATH = "reports/readability-baseline.json"
MAX_BASELINE_BYTES = 64_000_000  # a baseline of 100,000 guides is about 20 MB
GIT_PREFIX = "git:"
_OBJECT_TYPES = (b"blob", b"tree", b"commit", b"tag")


class BaselineError(Exception):
    """The configured baseline cannot be read."""


@dataclass(frozen=True)
class Entry:
    """One guide's earlier score."""

    lang: str
    words: int
    grade: float  # English scale (FK for en, from INFLESZ for es)
    inflesz: float | None = None


def entry_dict(doc: Document, score: DocumentScore) -> dict[str, Any] | None:
    """The JSON record of one scored guide (None when it has no prose)."""
    grade = english_scale_grade(score) if score.words else None
    if grade is None:
        return None
    out: dict[str, Any] = {"id": doc.doc_id, "lang": score.lang, "words": score.words, "sentences": score.sentences}
    if score.lang == "es":
        out["inflesz"] = round(score.szigriszt_pazos or 0.0, 2)
    out["grade"] = round(grade, 2)
    return out


def build_baseline(guides: list[Document], *, include_headings: bool = False) -> dict[str, Any]:
    """The baseline JSON for every guide, as it is now."""
    caches = ScoringCaches()
    records: dict[str, Any] = {}
    for doc in sorted(guides, key=lambda d: d.display):
        score = score_guide(doc, include_headings=include_headings, caches=caches)
        record = entry_dict(doc, score) if score is not None else None
        if record is not None:
            records[doc.display] = record
    return {"format": FORMAT, "settings": {"include_headings": include_headings}, "guides": records}


def write_baseline(path: Path, data: dict[str, Any], root: Path | None = None) -> None:
    """Write a baseline file atomically, stable and diff-friendly (``root``: the
    project, whose folders are never written through a symbolic link)."""
    from contentlint.fileio import atomic_write_text

    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", root)


class Baseline:
    """Earlier scores, looked up by guide."""

    label: str

    def lookup(self, doc: Document) -> Entry | None:
        """The guide's earlier score, or None when it had none (a new guide)."""
        raise NotImplementedError


class FileBaseline(Baseline):
    """Scores from a baseline JSON file."""

    def __init__(self, label: str, data: Any, include_headings: bool) -> None:
        self.label = label
        self.by_path: dict[str, Entry] = {}
        self.by_id: dict[tuple[str, str], list[Entry]] = {}
        _validate(label, data, include_headings)
        for path, record in data["guides"].items():
            entry = _entry(label, path, record)
            self.by_path[path] = entry
            if isinstance(record.get("id"), str):
                self.by_id.setdefault((record["id"], entry.lang), []).append(entry)

    def lookup(self, doc: Document) -> Entry | None:
        """By path, else by id and language (the guide was renamed)."""
        found = self.by_path.get(doc.display)
        if found is not None:
            return found
        same = self.by_id.get((doc.doc_id or "", doc.lang or ""), [])
        return same[0] if len(same) == 1 else None


def _validate(label: str, data: Any, include_headings: bool) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("guides"), dict):
        raise BaselineError(msg("{label} is not a readability baseline (format {format})", label=label, format=FORMAT))
    written = (data.get("settings") or {}).get("include_headings", False)
    if bool(written) != include_headings:
        raise BaselineError(msg("{label} was written with include-headings = {written}, "
                                "but RD005 uses {used}; rewrite the baseline", label=label,
                                written=str(bool(written)).lower(), used=str(include_headings).lower()))


def _entry(label: str, path: str, record: Any) -> Entry:
    try:
        lang = record["lang"]
        inflesz = float(record["inflesz"]) if lang == "es" else None
        entry = Entry(lang, int(record["words"]), float(record["grade"]), inflesz)
    except (KeyError, TypeError, ValueError):
        raise BaselineError(msg("{label}: bad entry for {path}", label=label, path=path)) from None
    if lang not in ("en", "es"):
        raise BaselineError(msg("{label}: bad language {lang!r} for {path}", label=label, lang=lang, path=path))
    return entry


class GitBaseline(Baseline):
    """Scores of the guides as they are at a git ref, computed on demand."""

    def __init__(self, ref: str, texts: dict[str, str], include_headings: bool, caches: ScoringCaches) -> None:
        self.label = GIT_PREFIX + ref
        self.texts = texts
        self.include_headings = include_headings
        self.caches = caches  # shares the run's unit cache: most units did not change
        self.scores: dict[str, Entry | None] = {}

    def lookup(self, doc: Document) -> Entry | None:
        """Score the guide's text at the ref (once)."""
        if doc.display not in self.scores:
            self.scores[doc.display] = self._score(doc.display)
        return self.scores[doc.display]

    def _score(self, display: str) -> Entry | None:
        from contentlint.content.documents import document_from_text

        text = self.texts.get(display)
        if text is None:
            return None
        old = document_from_text(display, text)
        score = score_guide(old, include_headings=self.include_headings, caches=self.caches)
        record = entry_dict(old, score) if score is not None else None
        if record is None:
            return None
        return Entry(record["lang"], record["words"], record["grade"], record.get("inflesz"))


def open_baseline(
    spec: str, root: Path, guides: list[Document], *, include_headings: bool = False, caches: ScoringCaches
) -> Baseline:
    """The baseline named by RD005's ``baseline`` option (relative to the project
    ``root``); raises BaselineError."""
    if spec.startswith(GIT_PREFIX):
        ref = spec[len(GIT_PREFIX) :].strip()
        if not ref:
            raise BaselineError(msg("baseline 'git:' needs a ref, e.g. 'git:origin/main'"))
        return GitBaseline(ref, _texts_at(root, ref, guides), include_headings, caches)
    from contentlint.content.read import read_text_safely

    path = root / spec  # a regular file inside the project only (no symbolic link out, no FIFO), size-capped
    try:
        data = json.loads(read_text_safely(path, MAX_BASELINE_BYTES, root))
    except FileNotFoundError:
        raise BaselineError(msg("baseline {spec} not found", spec=spec)) from None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BaselineError(msg("baseline {spec} cannot be read: {error}", spec=spec, error=str(exc))) from None
    return FileBaseline(spec, data, include_headings)


def _git(root: Path, args: list[str], stdin: bytes | None = None) -> bytes:
    try:
        return run_git(root, args, stdin)
    except GitError as exc:
        raise BaselineError(msg("readability baseline: {error}", error=str(exc))) from None


def _texts_at(root: Path, ref: str, guides: list[Document]) -> dict[str, str]:
    """Every guide's text at ``ref``, by display path; guides new since then are absent."""
    top = Path(_git(root, ["rev-parse", "--show-toplevel"]).decode().strip())
    try:
        _git(root, ["rev-parse", "--verify", "--quiet", ref + "^{commit}"])
    except BaselineError:
        raise BaselineError(
            msg("baseline git:{ref}: no such commit (fetch it first, e.g. git fetch origin main)", ref=ref)
        ) from None
    wanted: list[tuple[str, str]] = []
    for doc in guides:
        try:
            rel = doc.path.resolve().relative_to(top.resolve()).as_posix()
        except ValueError:
            continue
        if "\n" not in rel:
            wanted.append((doc.display, rel))
    if not wanted:
        return {}
    request = "".join(f"{ref}:{rel}\n" for _, rel in wanted).encode("utf-8", "surrogateescape")
    output = _git(root, ["cat-file", "--batch"], request)
    return dict(_parse_batch(output, [display for display, _ in wanted]))


def _parse_batch(output: bytes, displays: list[str]) -> list[tuple[str, str]]:
    """Read ``git cat-file --batch`` answers, one per requested path, in order."""
    found = []
    at = 0
    for display in displays:
        end = output.index(b"\n", at)
        header = output[at:end].split()
        at = end + 1
        if len(header) != 3 or header[1] not in _OBJECT_TYPES or not header[2].isdigit():
            continue  # "<name> missing": the guide is new since the ref
        size = int(header[2])
        blob = output[at : at + size]
        at += size + 1
        if header[1] != b"blob":
            continue
        try:
            found.append((display, blob.decode("utf-8")))
        except UnicodeDecodeError:
            continue
    return found
