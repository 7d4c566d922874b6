"""Word diffs in the wdiff style: ``within [-60-] {+90+} days``."""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher


def word_diff(old: str, new: str, context: int = 6) -> str:
    """Removed words as ``[-...-]``, added as ``{+...+}``, with ``context`` words around."""
    a, b = old.split(), new.split()
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    parts: list[str] = []
    last = len(opcodes) - 1
    for position, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            parts.extend(_context(a[i1:i2], context, position == 0, position == last))
            continue
        if i2 > i1:
            parts.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            parts.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(parts)


def _context(same: Sequence[str], context: int, first: bool, last: bool) -> list[str]:
    if first and last:
        return list(same)
    if first:
        return (["…"] if len(same) > context else []) + list(same[-context:])
    if last:
        return list(same[:context]) + (["…"] if len(same) > context else [])
    if len(same) <= 2 * context:
        return list(same)
    return [*same[:context], "…", *same[-context:]]


def list_diff(old: Sequence[str], new: Sequence[str]) -> str:
    """A diff of two short lists (link targets), in the same notation."""
    removed = [item for item in old if item not in new]
    added = [item for item in new if item not in old]
    return " ".join([*(f"[-{item}-]" for item in removed), *(f"{{+{item}+}}" for item in added)])
