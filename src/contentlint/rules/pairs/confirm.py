"""Which stale blocks only need a confirmation: both sides changed and their facts agree.

Shared by PR020, PR021 (which leave these blocks alone) and PR025 (which reports
them as a warning). A change qualifies when the sync mark recorded the Spanish
block's fingerprint (``es_fp``), the Spanish block changed since the mark too, the
alignment is confident, and no fact-parity rule (PR030-PR038) reports anything on
the block pair: the editor updated both sides together and nothing says they
disagree. Anything else stays a stale-block finding, as it always was (an old mark
without ``es_fp`` included).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contentlint.bilingual.staleness import Change
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


def confirmations(pair: Pair, ctx: RunContext) -> dict[int, tuple[Change, int]]:
    """English block index -> (its change, the Spanish block index) for changes needing only a confirmation."""
    from contentlint.bilingual.staleness import spanish_changed, spanish_index

    state = ctx.sync_state(pair)
    if state.status != "stale":
        return {}
    alignment = ctx.alignment(pair)
    if not alignment.confident:
        return {}
    both: list[tuple[Change, int]] = []
    for change in state.changes:
        es_index = spanish_index(change, alignment)
        if change.kind in ("text", "facts") and change.en_index is not None and es_index is not None and (
            spanish_changed(change, alignment)
        ):
            both.append((change, es_index))
    if not both:
        return {}
    disagreeing = _parity_error_lines(pair, ctx)
    out: dict[int, tuple[Change, int]] = {}
    for change, es_index in both:
        assert change.info is not None and change.en_index is not None
        es_block, en_block = alignment.es[es_index].block, change.info.block
        lines = {(pair.es.display, n) for n in range(es_block.line, es_block.end_line + 1)}
        lines |= {(pair.en.display, n) for n in range(en_block.line, en_block.end_line + 1)}
        if not lines & disagreeing:
            out[change.en_index] = (change, es_index)
    return out


def _parity_error_lines(pair: Pair, ctx: RunContext) -> set[tuple[str, int]]:
    """(path, line) of every finding a fact-parity rule reports on the pair, with default options
    (a warning too: a confirmation is offered only when nothing says the two blocks disagree)."""
    from contentlint.rules.pairs.pr030_number_mismatch import NumberMismatch
    from contentlint.rules.pairs.pr031_date_mismatch import DateMismatch
    from contentlint.rules.pairs.pr033_duration_mismatch import DurationMismatch
    from contentlint.rules.pairs.pr034_contact_mismatch import ContactMismatch
    from contentlint.rules.pairs.pr035_url_mismatch import UrlMismatch
    from contentlint.rules.pairs.pr036_citation_mismatch import CitationMismatch
    from contentlint.rules.pairs.pr037_acronym_mismatch import AcronymMismatch
    from contentlint.rules.pairs.pr038_guide_link_mismatch import GuideLinkMismatch

    out: set[tuple[str, int]] = set()
    for rule_class in (NumberMismatch, DateMismatch, DurationMismatch, ContactMismatch, UrlMismatch,
                       CitationMismatch, AcronymMismatch, GuideLinkMismatch):
        for finding in rule_class().check(pair, ctx):
            out.add((finding.location.path, finding.location.line))
    return out
