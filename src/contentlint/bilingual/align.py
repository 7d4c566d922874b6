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
from contentlint.facts.grammar import LIST_MARKER_RE

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
    info: BlockInfo, term_ids: frozenset[str], resolve: Callable[[str], Document | None], lang: str | None = None
) -> Signature:
    """The language-independent signature of one block: shape, hard tokens, glossary term ids.

    ``resolve`` maps a link target of the block to the guide it points at. With ``lang``,
    numbers written in words count as the number ("tres años" is "3 years"): translators
    write them either way, and a number on one side only pulls a block to the wrong
    neighbour.
    """
    tokens = {"t:" + term for term in term_ids}
    if lang is not None and info.kind != "code":
        from contentlint.facts.numwords import values_in_words

        tokens.update(f"n:{value}" for value in values_in_words(info.text, lang))
    for token in info.tokens:
        if token.startswith("l:"):
            target = resolve(token[2:])
            if target is not None and target.doc_id:
                tokens.add("g:" + target.doc_id)
        else:
            tokens.add(token)
    block = info.block
    kind, level, ordered, number = block.kind, block.level, block.ordered, block.number
    if kind == "paragraph":
        # "(1) ...", "1) ...", "a) ...", "• ...": a list written as paragraphs.
        enumerated = LIST_MARKER_RE.match(info.text)
        if enumerated is not None:
            kind, level = "list_item", 1
            label = enumerated.group("label")
            ordered = label is not None
            number = _enumerator_value(label) if label is not None else 0
            tokens.discard(f"n:{label}")  # the marker is not a number of the text
    return Signature(
        kind,
        level,
        ordered,
        number,
        block.is_question,
        frozenset(tokens),
        math.log(info.word_count + 1),
    )



def _enumerator_value(label: str) -> int:
    return int(label) if label.isdigit() else ord(label) - ord("a") + 1


def similarity(a: Signature, b: Signature) -> float:
    """0 (never the same block) to about 1.2 (same shape, same tokens, expected length)."""
    if a.kind != b.kind:
        return 0.0
    score = 0.45
    if a.ordered != b.ordered:
        score -= 0.1  # a numbered list rendered with bullets (or back) is the same list
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
    """Which Spanish block translates which English block.

    Besides one-to-one matches (in order, or ``moved``), a translator may merge
    two English paragraphs into one Spanish paragraph (``merged``: English index
    -> the Spanish block it went into) or split one into two (``split``: Spanish
    index -> the English block it comes from). Those blocks are neither missing
    nor extra; :meth:`pairs` compares each group as one block.
    """

    en: list[BlockInfo]
    es: list[BlockInfo]
    matches: dict[int, int]  # English index -> Spanish index, in order
    moved: dict[int, int]  # English index -> Spanish index, out of order
    confident: bool
    merged: dict[int, int] = field(default_factory=dict)  # English index -> Spanish index it merged into
    split: dict[int, int] = field(default_factory=dict)  # Spanish index -> English index it was split from
    _es_to_en: dict[int, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._es_to_en = {j: i for i, j in (*self.matches.items(), *self.moved.items())}
        self._es_to_en.update(self.split)

    def counterpart(self, en_index: int) -> int | None:
        """The Spanish index aligned with an English block (in order, moved, or merged into)."""
        found = self.matches.get(en_index)
        if found is None:
            found = self.moved.get(en_index)
        return found if found is not None else self.merged.get(en_index)

    def en_counterpart(self, es_index: int) -> int | None:
        """The English index aligned with a Spanish block."""
        return self._es_to_en.get(es_index)

    @property
    def missing(self) -> list[int]:
        """English blocks with no Spanish counterpart."""
        return [i for i in range(len(self.en)) if self.counterpart(i) is None]

    @property
    def extra(self) -> list[int]:
        """Spanish blocks with no English counterpart."""
        return [j for j in range(len(self.es)) if j not in self._es_to_en]

    def pairs(self) -> list[tuple[BlockInfo, BlockInfo]]:
        """Aligned (English, Spanish) blocks in English order; a merged or split
        group is one pair whose side of several blocks is joined into one."""
        en_groups: dict[int, list[int]] = {}
        for i in range(len(self.en)):
            j = self.counterpart(i)
            if j is not None:
                en_groups.setdefault(j, []).append(i)
        es_groups: dict[int, list[int]] = {}
        for j, i in sorted(self._es_to_en.items()):
            es_groups.setdefault(i, []).append(j)
        out: list[tuple[int, BlockInfo, BlockInfo]] = []
        for j, group in en_groups.items():
            first = group[0]
            spanish = es_groups.get(first, [j]) if len(group) == 1 else [j]
            out.append((first, joined([self.en[i] for i in group]), joined([self.es[k] for k in spanish])))
        return [(en, es) for _, en, es in sorted(out, key=lambda item: item[0])]


def joined(infos: list[BlockInfo]) -> BlockInfo:
    """Several consecutive blocks as one (a merged or split paragraph)."""
    if len(infos) == 1:
        return infos[0]
    from dataclasses import replace

    first, last = infos[0], infos[-1]
    block = replace(
        first.block,
        source="\n\n".join(info.block.source for info in infos),
        plain=" ".join(info.block.plain for info in infos),
        end_line=last.block.end_line,
        links=tuple(link for info in infos for link in info.block.links),
    )
    return BlockInfo(
        first.index, block, " ".join(info.text for info in infos),
        tuple(token for info in infos for token in info.tokens),
        tuple(href for info in infos for href in info.links),
        sum(info.word_count for info in infos), any(info.has_digits for info in infos),
    )


def same_shape(en: list[Signature], es: list[Signature]) -> bool:
    """Block for block the same kinds, levels and list shape, mostly the same tokens
    (a glossary term the other side words differently is fine), at a plausible length."""
    if len(en) != len(es):
        return False
    for a, b in zip(en, es, strict=True):
        if (a.kind, a.level, a.number, a.question) != (b.kind, b.level, b.number, b.question):
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
    sims = [[similarity(a, b) for b in es] for a in en]
    matches = weighted_lcs(sims, MATCH_MIN, DP_BIAS)
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
        if all(en[i].kind == es[j].kind and sims[i][j] >= GAP_MIN for i, j in pairs):
            matches.update(pairs)


def weighted_lcs(weights: list[list[float]], minimum: float, bias: float = 0.0) -> dict[int, int]:
    """Row index -> column index: the in-order pairing with the largest total weight.

    A pair counts only at ``minimum`` weight or more, and each pair costs ``bias``
    (so a weak pair is not worth a shift). Used for blocks (English -> Spanish) and
    for sync marks (current English block -> its mark).
    """
    n = len(weights)
    m = len(weights[0]) if weights else 0
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        row, prev, w_row = score[i], score[i - 1], weights[i - 1]
        for j in range(1, m + 1):
            best = max(prev[j], row[j - 1])
            weight = w_row[j - 1]
            if weight >= minimum and prev[j - 1] + weight - bias > best:
                best = prev[j - 1] + weight - bias
            row[j] = best
    matches: dict[int, int] = {}
    i, j = n, m
    while i > 0 and j > 0:
        weight = weights[i - 1][j - 1]
        if weight >= minimum and abs(score[i][j] - score[i - 1][j - 1] - weight + bias) < 1e-9:
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
    merged = _merged(en, es, en_sigs, es_sigs, matches, moved)
    split = _merged(es, en, es_sigs, en_sigs, {j: i for i, j in matches.items()}, {j: i for i, j in moved.items()},
                    spanish_first=True)
    total = len(en) + len(es)
    accounted = 2 * (len(matches) + len(moved)) + len(merged) + len(split)
    share = accounted / total if total else 1.0
    confident = max(len(en), len(es)) < 4 or share >= CONFIDENT_SHARE
    return Alignment(en, es, matches, moved, confident, merged, split)


# How far a group's length may stray from the expected Spanish/English ratio
# (log scale): 0.45 is about a factor 1.6 either way.
GROUP_LOG_SLACK = 0.45
_PARAGRAPH_KINDS = frozenset({"paragraph", "quote"})


def _merged(
    left: list[BlockInfo], right: list[BlockInfo], left_sigs: list[Signature], right_sigs: list[Signature],
    matches: dict[int, int], moved: dict[int, int], *, spanish_first: bool = False,
) -> dict[int, int]:
    """Unaligned ``left`` paragraphs that went into the ``right`` paragraph their
    neighbour is aligned with: two English paragraphs merged into one Spanish
    paragraph, or (``spanish_first``) one English paragraph split in two.

    A block joins its neighbour's group when the hard facts it holds (numbers,
    citations, links ...) are in the other side's block (all but one), and the
    group's length fits the other block better with it than without it. A
    paragraph that was simply dropped fails the length test, and stays missing.
    English list items join the paragraph that introduces them when the Spanish
    wrote them into that sentence (:func:`_list_absorbed`).
    """
    ratio = -LOG_RATIO if spanish_first else LOG_RATIO
    groups: dict[int, int] = {}
    changed = True
    while changed:
        changed = False
        for index, sig in enumerate(left_sigs):
            item = sig.kind == "list_item" and not spanish_first
            if index in matches or index in moved or index in groups or (sig.kind not in _PARAGRAPH_KINDS and not item):
                continue
            for neighbour in (index - 1, index + 1):
                target = matches.get(neighbour, groups.get(neighbour))
                if target is None or right_sigs[target].kind not in _PARAGRAPH_KINDS:
                    continue
                if not _facts_within(sig.tokens, right_sigs[target].tokens):
                    continue
                members = [k for k, t in (*matches.items(), *groups.items()) if t == target]
                if item and not _list_absorbed(left, right[target], members):
                    continue
                before = sum(left[k].word_count for k in members)
                after = before + left[index].word_count
                words = right[target].word_count
                fit_before = abs(math.log((words + 1) / (before + 1)) - ratio)
                fit_after = abs(math.log((words + 1) / (after + 1)) - ratio)
                # Items written into a sentence lose their repeated words ("a general
                # class ..., a general class ... or a special class"): they need only fit.
                if (fit_after < fit_before or item) and fit_after <= GROUP_LOG_SLACK:
                    groups[index] = target
                    changed = True
                    break
    return groups


def _list_absorbed(english: list[BlockInfo], spanish: BlockInfo, members: list[int]) -> bool:
    """The English introduces a list ("That can mean:") and the Spanish paragraph aligned
    with that lead-in does not: the translator wrote the items into the sentence ("Puede
    ser una clase general con apoyo, ... o una clase especial."). The length test still
    decides whether the items are there."""
    lead_in = any(english[k].kind in _PARAGRAPH_KINDS and english[k].text.rstrip().endswith(":") for k in members)
    return lead_in and not spanish.text.rstrip().endswith(":")


def _facts_within(tokens: frozenset[str], other: frozenset[str]) -> bool:
    """The hard facts of ``tokens`` are in ``other``, but for at most one (a changed
    number must not break the group: the parity rules then report it at its line).
    Glossary terms do not count: a translator may drop a repeated term."""
    return sum(1 for token in tokens if not token.startswith(("t:", "^")) and token not in other) <= 1


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


# Hard-token kinds distinctive enough to tie two blocks together without the rest of the
# alignment: a citation, a URL, an e-mail address or a phone number (numbers and
# acronyms recur across a guide: "IEP", "30").
_ANCHOR_KINDS = ("c:", "u:", "e:", "p:")


def anchored(en: BlockInfo, es: BlockInfo) -> bool:
    """An aligned pair that stands on its own when the whole alignment is not confident:
    the same kind of block sharing a citation, URL, e-mail or phone number, or sharing
    at least two hard tokens and most of them."""
    if en.kind != es.kind or not en.tokens or not es.tokens:
        return False
    shared = set(en.tokens) & set(es.tokens)
    if any(token.startswith(_ANCHOR_KINDS) for token in shared):
        return True
    return len(shared) >= 2 and 2 * len(shared) >= len(set(en.tokens) | set(es.tokens))

