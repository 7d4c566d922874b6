"""Staleness: what changed in the English since the pair was last marked in sync.

The current English blocks are compared with the marks of the sync file (see
:mod:`contentlint.bilingual.marks`), never with git history and never with the
Spanish text, so a later Spanish-only edit cannot clear a pending English
change. The mark's Spanish fingerprint only says whether the Spanish block
changed too (:func:`spanish_changed`): the rules then ask for a confirmation
(PR025) instead of an update, and the change stays pending until ``sync mark``.
Blocks are paired by an in-order alignment that prefers identical fingerprints;
identical blocks found elsewhere are moves, not changes.
Cosmetic edits (reflow, emphasis or list-marker style, link reference style,
trailing spaces, typographic quotes) leave both fingerprints unchanged
because they are computed from parsed text, not from Markdown source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from contentlint.bilingual.align import weighted_lcs
from contentlint.bilingual.blocks import BlockInfo
from contentlint.bilingual.marks import (
    Mark,
    SyncFile,
    SyncFileError,
    digest,
    in_rendered_layout,
    parse_sync_file,
    read_sync_text,
    stored_digest,
    stored_stamp,
    sync_path,
)
from contentlint.bilingual.worddiff import list_diff, word_diff
from contentlint.i18n import msg

if TYPE_CHECKING:
    from contentlint.bilingual.align import Alignment
    from contentlint.content.library import Pair

_POSITIVE = 1e-12  # the smallest weight that pairs (every real weight is at least CHANGED_BASE)
EXACT = 2.0  # weight of an unchanged block in the alignment with the marks
CHANGED_BASE = 0.5  # weight floor of a changed block of the same kind


@dataclass(frozen=True, slots=True)
class Change:
    """One English block that differs from its mark.

    ``kind`` is ``text`` (words changed), ``facts`` (hard tokens changed: numbers,
    links, citations ...), ``added`` (no mark) or ``removed`` (a mark with no block).
    """

    kind: str
    en_index: int | None
    mark: Mark | None
    info: BlockInfo | None

    def diff(self, context: int = 6) -> str:
        """What changed in the English since the mark, as a word diff."""
        old_text = self.mark.text if self.mark else ""
        new_text = self.info.text if self.info else ""
        lines = []
        if old_text != new_text:
            lines.append(word_diff(old_text, new_text, context))
        old_links = self.mark.links if self.mark else ()
        new_links = self.info.links if self.info else ()
        if tuple(old_links) != tuple(new_links):
            lines.append("links: " + list_diff(old_links, new_links))
        return "\n".join(lines)


@dataclass
class SyncState:
    """A pair's sync status: ``synced``, ``stale``, ``never`` (no sync file) or ``invalid``."""

    status: str
    path: Path
    changes: list[Change] = field(default_factory=list)
    error: str = ""
    synced: str = ""
    confirmed_by: str = ""  # who ran `sync mark`, "" when the file does not say


def compute_state(pair: Pair, infos: list[BlockInfo], content_root: Path, root: Path) -> SyncState:
    """Read the sync file (``<content_root>/sync/<id>.yaml``, only through the safe
    file layer: inside the project ``root``, a regular file, size-capped) and compare
    it with the current English blocks ``infos`` (the run context keeps the result:
    ``ctx.sync_state``)."""
    path = sync_path(content_root, pair.doc_id)
    try:
        text = read_sync_text(path, root)
    except FileNotFoundError:
        return SyncState("never", path)
    except (OSError, UnicodeDecodeError) as exc:
        return SyncState("invalid", path, error=msg("cannot be read ({error})", error=str(exc)))
    if stored_digest(text) == digest(infos) and in_rendered_layout(text):
        # The common case: the tool's own layout, no YAML parsing at all.
        synced, confirmed_by = stored_stamp(text)
        return SyncState("synced", path, synced=synced, confirmed_by=confirmed_by)
    try:
        parsed: SyncFile = parse_sync_file(path, text, pair.doc_id)
    except SyncFileError as exc:
        return SyncState("invalid", path, error=exc.args[0] if exc.args else str(exc))
    changes = compare(parsed.marks, infos)
    return SyncState("stale" if changes else "synced", path, changes, synced=parsed.synced,
                     confirmed_by=parsed.confirmed_by)


def compare(marks: list[Mark], infos: list[BlockInfo]) -> list[Change]:
    """Changes between the marks and the current blocks, in English order."""
    prints = [(info.text_fingerprint(), info.token_fingerprint()) for info in infos]
    pairs = _align(marks, infos, prints)
    changes: list[Change] = []
    matched_marks = set(pairs.values())
    for index, info in enumerate(infos):
        mark_index = pairs.get(index)
        if mark_index is None:
            changes.append(Change("added", index, None, info))
            continue
        mark = marks[mark_index]
        text_fp, token_fp = prints[index]
        if token_fp != mark.token_fp:
            changes.append(Change("facts", index, mark, info))
        elif text_fp != mark.text_fp:
            changes.append(Change("text", index, mark, info))
    for mark_index, mark in enumerate(marks):
        if mark_index not in matched_marks:
            changes.append(Change("removed", None, mark, None))
    return changes


def matched_marks(marks: list[Mark], infos: list[BlockInfo]) -> dict[int, int]:
    """Current block index -> index of the mark it is compared with (as :func:`compare` pairs them)."""
    return _align(marks, infos, [(info.text_fingerprint(), info.token_fingerprint()) for info in infos])


def _align(marks: list[Mark], infos: list[BlockInfo], prints: list[tuple[str, str]]) -> dict[int, int]:
    """Current block index -> mark index: in-order alignment, then identical blocks that moved."""
    n, m = len(infos), len(marks)
    mark_words = [frozenset(mark.text.lower().split()) for mark in marks]
    info_words = [frozenset(info.text.lower().split()) for info in infos]
    weights = [
        [_weight(marks[j], mark_words[j], infos[i], info_words[i], prints[i]) for j in range(m)]
        for i in range(n)
    ]
    # Weights are 0 (no pair) or at least CHANGED_BASE: any positive weight may pair.
    pairs = weighted_lcs(weights, minimum=_POSITIVE)
    used = set(pairs.values())
    for i in range(n):  # moved blocks: unchanged text found elsewhere
        if i in pairs:
            continue
        for j in range(m):
            if j not in used and weights[i][j] == EXACT:
                pairs[i] = j
                used.add(j)
                break
    return pairs


def _weight(
    mark: Mark, old_words: frozenset[str], info: BlockInfo, new_words: frozenset[str], prints: tuple[str, str]
) -> float:
    """EXACT for an unchanged block; a changed block of the same kind weighs by word overlap."""
    if prints[0] == mark.text_fp and prints[1] == mark.token_fp:
        return EXACT
    if mark.kind != info.kind:
        return 0.0
    union = len(old_words | new_words)
    return CHANGED_BASE + (len(old_words & new_words) / union if union else 1.0)


def spanish_index(change: Change, alignment: Alignment) -> int | None:
    """The Spanish block a change makes stale: the current counterpart of the English
    block, else (when the alignment is unusable) the block it was synced with."""
    if change.en_index is not None and alignment.confident:
        return alignment.counterpart(change.en_index)
    if change.mark is not None and change.mark.es is not None and change.mark.es < len(alignment.es):
        return change.mark.es
    return None


def spanish_changed(change: Change, alignment: Alignment) -> bool | None:
    """Whether the Spanish block a change makes stale changed since the mark too.

    None when it cannot be known: a mark written before ``es_fp`` existed, an English
    block added or removed since the mark, or no Spanish block. Then the change is
    reported as stale, as it always was."""
    from contentlint.bilingual.marks import spanish_fingerprint

    if change.mark is None or change.mark.es_fp is None or change.info is None:
        return None
    es_index = spanish_index(change, alignment)
    if es_index is None:
        return None
    return spanish_fingerprint(alignment.es[es_index]) != change.mark.es_fp


def token_summary(change: Change) -> str:
    """The hard tokens removed and added since the mark: ``[-60-] {+90+}``."""
    from collections import Counter

    from contentlint.bilingual.tokens import hard_tokens

    old = Counter(hard_tokens(change.mark.text, change.mark.links)) if change.mark else Counter()
    new = Counter(change.info.tokens) if change.info else Counter()
    removed = [_shown(t) for t in (old - new).elements()]
    added = [_shown(t) for t in (new - old).elements()]
    return " ".join([*(f"[-{t}-]" for t in removed), *(f"{{+{t}+}}" for t in added)])


def _shown(token: str) -> str:
    kind, _, value = token.partition(":")
    return f"§{value}" if kind == "c" else value
