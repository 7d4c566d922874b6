"""Views: what the editor's report shows beyond the findings, computed once per run.

The reading score of each guide judged like RD001 judges it, each pair's sync
state and block alignment as rows of the side-by-side view (with the English
word diffs since the sync), and the source lines around every finding. They are
plain records (:mod:`contentlint.report`) so every reporter reads the same values
and the result cache can store them: a cached run renders the same page as a
fresh one. Built only when a format needs them (``views=True``).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from contentlint.content.documents import folder_language
from contentlint.report import (
    EXCERPT_CONTEXT,
    EXCERPT_MAX,
    SOURCE_LINE_CHARS,
    SOURCE_LINES_MAX,
    AlignmentView,
    BlockView,
    DocumentView,
    Limits,
    PairView,
    Reading,
    RowView,
    SyncView,
    Views,
)

if TYPE_CHECKING:
    from contentlint.bilingual.align import Alignment
    from contentlint.bilingual.blocks import BlockInfo
    from contentlint.bilingual.staleness import Change, SyncState
    from contentlint.config.settings import Config
    from contentlint.content.documents import Document
    from contentlint.content.library import Pair
    from contentlint.context import RunContext
    from contentlint.findings import Finding

_LIMIT_NAMES = ("max_grade_en", "target_grade_en", "min_inflesz_es", "target_inflesz_es", "min_words")


def build_views(findings: Sequence[Finding], checked: Sequence[Document], ctx: RunContext, config: Config) -> Views:
    """The report's views of the checked documents and their pairs."""
    from contentlint.readability.guides import inflesz_for_grade

    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_path[finding.location.path].append(finding)
    shown = {doc.display for doc in checked}
    rd001 = config.options.get("RD001")
    rd005 = config.options.get("RD005")
    context_words = _int_option(config.options.get("PR020"), "context_words", 6)

    def view(doc: Document) -> DocumentView:
        return _document_view(doc, by_path.get(doc.display, []), _reading(doc, ctx, rd001, rd005))

    pairs: list[PairView] = []
    paired: set[str] = set()
    for pair in sorted(ctx.library.pairs, key=lambda p: (p.doc_id, p.en.display, p.es.display)):
        paired.update((pair.en.display, pair.es.display))
        if pair.en.display in shown or pair.es.display in shown:
            pairs.append(_pair_view(pair, ctx, view, context_words))
    unpaired = tuple(
        view(doc) for doc in sorted(ctx.library.guides, key=lambda d: d.display)
        if doc.display not in paired and doc.display in shown
    )
    placed = paired | {doc.display for doc in ctx.library.guides}
    docs = {doc.display: doc for doc in ctx.library.documents}
    others = {
        path: _document_view(docs[path], items, None) if path in docs else DocumentView(path, _lang(path, None))
        for path, items in sorted(by_path.items())
        if path not in placed
    }
    # The engine's INFLESZ <-> grade mapping, handed to the charts as numbers.
    scale = (inflesz_for_grade(6.0), 6.0, inflesz_for_grade(0.0) - inflesz_for_grade(1.0))
    return Views(tuple(pairs), unpaired, others, _limits(rd001, None), scale)


def source_lines(findings: Sequence[Finding], documents: Sequence[Document]) -> dict[str, dict[int, str]]:
    """The lines each finding and its related places point at, by display path.

    Cheap (the documents are loaded; only findings' lines are kept), so every
    run carries them and a cached run shows the same source as a fresh one.
    """
    by_display = {doc.display: doc for doc in documents}
    out: dict[str, dict[int, str]] = {}
    for finding in findings:
        loc = finding.location
        last = min(max(loc.end_line or loc.line, loc.line), loc.line + SOURCE_LINES_MAX - 1)
        _keep(out, by_display.get(loc.path), loc.path, range(loc.line, last + 1))
        for related in finding.related:
            _keep(out, by_display.get(related.path), related.path, (related.line,))
    return out


def _keep(out: dict[str, dict[int, str]], doc: Document | None, path: str, numbers: Iterable[int]) -> None:
    if doc is None or doc.text is None:
        return
    lines = doc.lines
    for number in numbers:
        if 1 <= number <= len(lines):
            out.setdefault(path, {})[number] = lines[number - 1].rstrip("\r")[:SOURCE_LINE_CHARS]


def _document_view(doc: Document, findings: list[Finding], reading: Reading | None) -> DocumentView:
    title = doc.front.get("title")
    lines = doc.lines if doc.text is not None else []
    return DocumentView(
        doc.display, _lang(doc.display, doc), title if isinstance(title, str) else "", reading,
        len(lines), _excerpt(lines, findings), _date(doc.front.get("updated")), _date(doc.front.get("last_reviewed")),
        doc.front.get("awaiting_translation") is True, doc.doc_id if isinstance(doc.doc_id, str) else "",
    )


def _date(value: Any) -> str:
    """A front-matter date as YYYY-MM-DD ("" when it is not a valid date: SC008 says so)."""
    import datetime as dt

    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            return ""
    return ""


def _excerpt(lines: list[str], findings: list[Finding]) -> dict[int, str]:
    """The source lines the report shows around each finding."""
    wanted: set[int] = set()
    for finding in findings:
        loc = finding.location
        if loc.line < 1 or not lines:
            continue
        first = min(loc.line, len(lines))
        last = min(max(loc.end_line or loc.line, loc.line), len(lines), first + EXCERPT_MAX - 1)
        wanted.update(range(max(1, first - EXCERPT_CONTEXT), min(len(lines), last + EXCERPT_CONTEXT) + 1))
    return {number: lines[number - 1] for number in sorted(wanted)}


def _lang(display: str, doc: Document | None) -> str:
    lang = doc.lang if doc is not None else None
    if lang is None:
        lang = folder_language(display)
    return lang if lang in ("en", "es") else "other"


def _int_option(options: Any, name: str, default: int) -> int:
    value = getattr(options, name, default)
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _limits(options: Any, guide_type: str | None) -> Limits:
    """RD001's thresholds for a content type (its options, else the defaults)."""
    values: dict[str, Any] = {}
    if options is not None:
        for name in _LIMIT_NAMES:
            value = getattr(options, name, None)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                values[name] = value
        per_type = getattr(options, "per_type", None)
        override = per_type.get(guide_type) if isinstance(per_type, dict) and guide_type else None
        for name in _LIMIT_NAMES:
            value = getattr(override, name, None) if override is not None else None
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                values[name] = value
    return Limits(**values)


def _reading(doc: Document, ctx: RunContext, rd001: Any, rd005: Any = None) -> Reading | None:
    """The guide's score from the readability engine, judged like RD001 judges it,
    with its score in RD005's baseline when one is configured (the trend)."""
    from contentlint.readability.guides import english_scale_grade

    score = ctx.score(doc, bool(getattr(rd001, "include_headings", False)))
    if score is None:
        return None
    limits = _limits(rd001, doc.guide_type)
    if score.lang == "en":
        raw = score.flesch_kincaid_grade
        target, limit = limits.target_grade_en, limits.max_grade_en
    else:
        raw = score.szigriszt_pazos
        target, limit = limits.target_inflesz_es, limits.min_inflesz_es
    scale = "flesch-kincaid-grade" if score.lang == "en" else "inflesz"
    if raw is None or score.sentences == 0:
        return Reading(score.lang, None, None, "", score.words, "none", target, limit, score.sentences, scale)
    value = round(raw, 1) + 0.0
    if score.words < limits.min_words:
        status = "short"
    elif score.lang == "en":
        status = "limit" if value > limit else ("target" if value > target else "ok")
    else:
        status = "limit" if value < limit else ("target" if value < target else "ok")
    before, label = _baseline(doc, ctx, rd005, score.lang)
    return Reading(
        score.lang, value, english_scale_grade(score), score.inflesz_band or "", score.words, status, target, limit,
        score.sentences, scale, before, label,
    )


def _baseline(doc: Document, ctx: RunContext, rd005: Any, lang: str) -> tuple[float | None, str]:
    """The guide's score in RD005's baseline, on the scale RD001 uses, as RD005 reads
    it ((None, "") without a usable baseline or when the guide is new since it)."""
    from contentlint.readability.baseline import BaselineError

    spec = getattr(rd005, "baseline", None)
    if not isinstance(spec, str) or not spec:
        return None, ""
    baseline = ctx.baseline(spec, bool(getattr(rd005, "include_headings", False)))
    if isinstance(baseline, BaselineError):
        return None, ""  # RD006 says why
    entry = baseline.lookup(doc)
    if entry is None or entry.lang != lang:
        return None, baseline.label
    raw = entry.grade if lang == "en" else entry.inflesz
    return (round(raw, 1) + 0.0 if raw is not None else None), baseline.label


def _pair_view(pair: Pair, ctx: RunContext, view: Any, context_words: int) -> PairView:
    alignment = ctx.alignment(pair)
    state = ctx.sync_state(pair)
    rows, removed = _rows(alignment, state, context_words)
    stale = len(state.changes) if state.status == "stale" else 0
    return PairView(
        pair.doc_id, view(pair.en), view(pair.es),
        SyncView(state.status, state.synced, str(state.error), stale, state.confirmed_by),
        AlignmentView(alignment.confident, len(alignment.en), len(alignment.missing), len(alignment.extra),
                      len(alignment.moved)),
        tuple(rows), tuple(change.diff(context_words) for change in removed),
    )


def _block(info: BlockInfo | None) -> BlockView | None:
    if info is None:
        return None
    block = info.block
    text = block.source.rstrip("\n") if block.kind in ("code", "html") else (block.plain or block.source)
    return BlockView(block.kind, block.level, block.ordered, block.number, block.line, text, block.end_line)


def _rows(alignment: Alignment, state: SyncState, context_words: int) -> tuple[list[RowView], list[Change]]:
    """Blocks side by side in English order; extra Spanish blocks after the
    Spanish block they follow; English changes since the last sync attached."""
    changes: dict[int, Change] = {}
    removed: list[Change] = []
    if state.status == "stale":
        for stale in state.changes:
            if stale.en_index is None:
                removed.append(stale)
            else:
                changes[stale.en_index] = stale
    keyed: list[tuple[tuple[int, int, int], RowView]] = []
    for i, info in enumerate(alignment.en):
        j = alignment.counterpart(i)
        tags: list[str] = []
        change = changes.get(i)
        if change is not None:
            tags.append({"text": "stale", "facts": "facts", "added": "added"}.get(change.kind, "stale"))
        if j is None:
            tags.append("missing")
        elif i in alignment.moved:
            tags.append("moved")
        kind = change.kind if change is not None else ""
        diff = change.diff(context_words) if change is not None and kind in ("text", "facts") else ""
        row = RowView(_block(info), _block(alignment.es[j] if j is not None else None), tuple(tags), kind, diff)
        keyed.append(((i, 0, 0), row))
    in_order = sorted(alignment.matches.items())
    es_positions = [j for _, j in in_order]
    for j in alignment.extra:
        before = bisect.bisect_left(es_positions, j) - 1
        en_index = in_order[before][0] if before >= 0 else -1
        keyed.append(((en_index, 1, j), RowView(None, _block(alignment.es[j]), ("extra",))))
    keyed.sort(key=lambda item: item[0])
    return [row for _, row in keyed], removed
