"""Block alignment of an English guide and its Spanish translation.

The two bodies are aligned over block signatures that do not depend on the
translated words: kind, heading level, list depth/order/number, question
headings, hard tokens (numbers, citations, URLs, guide ids, acronyms,
e-mails, phones), glossary term ids (a term and its Spanish rendering share
an id) and the length ratio; a heading also carries the tokens of the blocks
under it. When both bodies have the same shape block for block, they align
one to one without further work (the common case). Otherwise a weighted
longest-common-subsequence (Needleman-Wunsch with free gaps) aligns them,
leftovers of the same kinds between two aligned blocks are paired as edited
blocks, and leftovers that still look alike elsewhere are *moves*. The result
is kept per pair for the run by :meth:`contentlint.context.RunContext.alignment`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Protocol

from contentlint.bilingual.blocks import BlockInfo

if TYPE_CHECKING:
    from contentlint.content.documents import Document

MATCH_MIN = 0.5  # lowest similarity two blocks may be aligned at
DP_BIAS = 0.4  # subtracted from each similarity in the DP: weak pairs are not worth a shift
FAST_MIN = 0.7  # identical shapes with every pair at least this similar skip the DP
GAP_MIN = 0.2  # floor for pairing same-kind leftovers between two aligned blocks
MOVE_MIN = 0.75  # leftover blocks this similar are a move, not missing + extra
CONFIDENT_SHARE = 0.5  # below this share of aligned blocks the alignment is unusable
LOG_RATIO = math.log(1.15)  # Spanish runs about 15 % longer than English


class Shaped(Protocol):
    """Anything with a block kind and a level: a BlockInfo or a Signature."""

    @property
    def kind(self) -> str:
        """heading, paragraph, list_item, ..."""

    @property
    def level(self) -> int:
        """Heading level or list depth."""


@dataclass(frozen=True, slots=True)
class Signature:
    """What alignment compares: everything but the translated words."""

    kind: str
    level: int
    ordered: bool
    number: int
    question: bool
    tokens: frozenset[str]
    log_words: float


def signature(
    info: BlockInfo, term_ids: frozenset[str], resolve: Callable[[str], Document | None]
) -> Signature:
    """The language-independent signature of one block: shape, hard tokens, glossary term ids.

    ``resolve`` maps a link target of the block to the guide it points at.
    """
    tokens = {"t:" + term for term in term_ids}
    for token in info.tokens:
        if token.startswith("l:"):
            target = resolve(token[2:])
            if target is not None and target.doc_id:
                tokens.add("g:" + target.doc_id)
        else:
            tokens.add(token)
    block = info.block
    return Signature(
        block.kind,
        block.level,
        block.ordered,
        block.number,
        block.is_question,
        frozenset(tokens),
        math.log(info.word_count + 1),
    )


def similarity(a: Signature, b: Signature) -> float:
    """0 (never the same block) to about 1.2 (same shape, same tokens, expected length)."""
    if a.kind != b.kind or a.ordered != b.ordered:
        return 0.0
    score = 0.45
    if a.level != b.level:
        score -= 0.25
    if a.question != b.question:
        score -= 0.2
    if a.number and a.number == b.number:
        score += 0.05
    ta, tb = a.tokens, b.tokens
    if ta and tb:
        shared = len(ta & tb)
        score += 0.45 * shared / len(ta | tb) if shared else -0.15
    elif ta or tb:
        score -= 0.2  # facts or terms on one side only: likely another block
    else:
        score += 0.15
    gap = abs(b.log_words - a.log_words - LOG_RATIO)
    score += 0.3 * max(0.0, 1.0 - gap / 0.9)
    return score


@dataclass
class Alignment:
    """Which Spanish block translates which English block."""

    en: list[BlockInfo]
    es: list[BlockInfo]
    matches: dict[int, int]  # English index -> Spanish index, in order
    moved: dict[int, int]  # English index -> Spanish index, out of order
    confident: bool
    _es_to_en: dict[int, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._es_to_en = {j: i for i, j in (*self.matches.items(), *self.moved.items())}

    def counterpart(self, en_index: int) -> int | None:
        """The Spanish index aligned with an English block (in order or moved)."""
        found = self.matches.get(en_index)
        return found if found is not None else self.moved.get(en_index)

    def en_counterpart(self, es_index: int) -> int | None:
        """The English index aligned with a Spanish block."""
        return self._es_to_en.get(es_index)

    @property
    def missing(self) -> list[int]:
        """English blocks with no Spanish counterpart."""
        return [i for i in range(len(self.en)) if i not in self.matches and i not in self.moved]

    @property
    def extra(self) -> list[int]:
        """Spanish blocks with no English counterpart."""
        return [j for j in range(len(self.es)) if j not in self._es_to_en]

    def pairs(self) -> list[tuple[BlockInfo, BlockInfo]]:
        """Aligned (English, Spanish) blocks in English order."""
        both = sorted((*self.matches.items(), *self.moved.items()))
        return [(self.en[i], self.es[j]) for i, j in both]


def same_shape(en: list[Signature], es: list[Signature]) -> bool:
    """Block for block the same kinds, levels and list shape, mostly the same tokens
    (a glossary term the other side words differently is fine), at a plausible length."""
    if len(en) != len(es):
        return False
    for a, b in zip(en, es, strict=True):
        if (a.kind, a.level, a.ordered, a.number, a.question) != (b.kind, b.level, b.ordered, b.number, b.question):
            return False
        if a.tokens != b.tokens and len(a.tokens & b.tokens) * 2 < len(a.tokens | b.tokens):
            return False
        if similarity(a, b) < FAST_MIN:
            return False
    return True


def with_units(infos: list[BlockInfo], sigs: list[Signature]) -> list[Signature]:
    """Headings also carry the tokens of the blocks under them, so a section or an
    FAQ entry is recognized by its content, not by its translated title."""
    out = list(sigs)
    for index, info in enumerate(infos):
        if info.kind != "heading":
            continue
        inner: set[str] = set()
        for k in range(index + 1, unit_end(infos, index)):
            inner.update("^" + token for token in sigs[k].tokens)
        if inner:
            sig = sigs[index]
            out[index] = Signature(sig.kind, sig.level, sig.ordered, sig.number, sig.question,
                                   sig.tokens | inner, sig.log_words)
    return out


def align_signatures(en: list[Signature], es: list[Signature]) -> tuple[dict[int, int], dict[int, int]]:
    """In-order matches and moves between two signature lists."""
    n, m = len(en), len(es)
    sims = [[similarity(a, b) for b in es] for a in en]
    matches = _weighted_lcs(sims, n, m)
    _fill_gaps(en, es, sims, matches)
    return matches, _moves(en, es, sims, matches)


def _fill_gaps(en: list[Signature], es: list[Signature], sims: list[list[float]], matches: dict[int, int]) -> None:
    """Between two aligned blocks, as many English as Spanish leftovers of the same
    kinds in the same order are the same blocks, changed (a number or a link edited
    in one language): pair them, as a line diff pairs replaced lines."""
    anchors = sorted(matches.items())
    bounds = [(-1, -1), *anchors, (len(en), len(es))]
    for (i0, j0), (i1, j1) in pairwise(bounds):
        gap_en, gap_es = range(i0 + 1, i1), range(j0 + 1, j1)
        if not gap_en or len(gap_en) != len(gap_es):
            continue
        pairs = list(zip(gap_en, gap_es, strict=True))
        if all(en[i].kind == es[j].kind and en[i].ordered == es[j].ordered and sims[i][j] >= GAP_MIN
               for i, j in pairs):
            matches.update(pairs)


def _weighted_lcs(sims: list[list[float]], n: int, m: int) -> dict[int, int]:
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        row, prev, weights = score[i], score[i - 1], sims[i - 1]
        for j in range(1, m + 1):
            best = max(prev[j], row[j - 1])
            weight = weights[j - 1]
            if weight >= MATCH_MIN and prev[j - 1] + weight - DP_BIAS > best:
                best = prev[j - 1] + weight - DP_BIAS
            row[j] = best
    matches: dict[int, int] = {}
    i, j = n, m
    while i > 0 and j > 0:
        weight = sims[i - 1][j - 1]
        if weight >= MATCH_MIN and abs(score[i][j] - score[i - 1][j - 1] - weight + DP_BIAS) < 1e-9:
            matches[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif score[i - 1][j] >= score[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return matches


def _moves(
    en: list[Signature], es: list[Signature], sims: list[list[float]], matches: dict[int, int]
) -> dict[int, int]:
    """Leftover blocks that moved: headings first, then the blocks under a moved
    heading in order, then other blocks only when hard tokens vouch for them (two
    token-free paragraphs of a similar length are not evidence of a move)."""
    used_es = set(matches.values())
    left_en = [i for i in range(len(en)) if i not in matches]
    left_es = [j for j in range(len(es)) if j not in used_es]
    moved: dict[int, int] = {}
    taken: set[int] = set()

    def pair_best(candidates: list[tuple[float, int, int]]) -> None:
        for _, i, j in sorted(candidates, reverse=True):
            if i not in moved and j not in taken:
                moved[i] = j
                taken.add(j)

    pair_best([(sims[i][j], i, j) for i in left_en for j in left_es
               if en[i].kind == "heading" and sims[i][j] >= MOVE_MIN])
    for i, j in sorted(moved.items()):
        en_at, es_at = i + 1, j + 1
        while en_at < unit_end(en, i) and es_at < unit_end(es, j):
            if (en_at in matches or es_at in used_es or en_at in moved or es_at in taken
                    or sims[en_at][es_at] < MATCH_MIN):
                break
            moved[en_at] = es_at
            taken.add(es_at)
            en_at, es_at = en_at + 1, es_at + 1
    pair_best([(sims[i][j], i, j) for i in left_en for j in left_es
               if en[i].kind != "heading" and en[i].tokens and es[j].tokens and sims[i][j] >= MOVE_MIN])
    return moved


def align_blocks(
    en: list[BlockInfo], es: list[BlockInfo], en_signatures: list[Signature], es_signatures: list[Signature]
) -> Alignment:
    """The alignment of a pair's bodies (the run context keeps it: ``ctx.alignment``)."""
    en_sigs = with_units(en, en_signatures)
    es_sigs = with_units(es, es_signatures)
    if same_shape(en_sigs, es_sigs):
        matches: dict[int, int] = {i: i for i in range(len(en))}  # the common case: no DP
        moved: dict[int, int] = {}
    else:
        matches, moved = align_signatures(en_sigs, es_sigs)
    total = max(len(en), len(es))
    share = (len(matches) + len(moved)) / total if total else 1.0
    confident = total < 4 or share >= CONFIDENT_SHARE
    return Alignment(en, es, matches, moved, confident)


def unit_runs(items: Sequence[Shaped], flagged: set[int]) -> Iterator[tuple[int, int]]:
    """(start, end) of each flagged block, or of each whole flagged unit: a heading
    flagged with everything under it is one run."""
    index = 0
    while index < len(items):
        if index not in flagged:
            index += 1
            continue
        end = unit_end(items, index)
        if not (end - index > 1 and all(k in flagged for k in range(index, end))):
            end = index + 1
        yield index, end
        index = end


def unit_end(items: Sequence[Shaped], index: int) -> int:
    """End (exclusive) of the unit a block starts: a heading runs to the next heading
    of the same or a higher level; any other block is a unit of its own."""
    if items[index].kind != "heading":
        return index + 1
    level = items[index].level
    for k in range(index + 1, len(items)):
        if items[k].kind == "heading" and items[k].level <= level:
            return k
    return len(items)
