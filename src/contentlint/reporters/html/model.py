"""What the HTML report shows, computed from the Report before any HTML.

Groups the findings by guide pair, and adds what the findings alone do not
carry: readability scores judged like RD001 judges them, the sync state with
the English changes since the last mark, and the block alignment as rows for
the side-by-side view. Also the UI vocabulary (:class:`UiText`) shared by the
page and its charts.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from contentlint.findings import Finding, Severity
from contentlint.i18n import Message, localize, msg
from contentlint.report import Report

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.content.library import Library, Pair
    from contentlint.bilingual.align import Alignment
    from contentlint.bilingual.blocks import BlockInfo
    from contentlint.bilingual.staleness import Change, SyncState

LANG_NAMES = {"en": msg("English"), "es": msg("Spanish")}
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass
class Limits:
    """RD001's thresholds for one content type."""

    max_grade_en: float = 8.0
    target_grade_en: float = 6.0
    min_inflesz_es: float = 55.0
    target_inflesz_es: float = 65.0
    min_words: int = 100


@dataclass
class Reading:
    """A guide's readability against its target and limit."""

    lang: str
    value: float | None  # English: Flesch-Kincaid grade; Spanish: INFLESZ (one decimal)
    grade_scale: float | None  # on the English grade scale (for the chart)
    band: str
    words: int
    status: str  # ok | target | limit | short | none
    target: float
    limit: float


@dataclass
class DocView:
    """One file of the report and its findings."""

    display: str
    lang: str  # en | es | other
    doc: Document | None = None
    title: str = ""
    findings: list[Finding] = field(default_factory=list)
    reading: Reading | None = None

    def count(self, severity: Severity) -> int:
        """Findings of exactly this severity."""
        return sum(1 for f in self.findings if f.severity == severity)


@dataclass
class Row:
    """One row of the side-by-side view."""

    en: BlockInfo | None
    es: BlockInfo | None
    tags: list[str]  # stale | facts | added | missing | extra | moved
    change: Change | None = None


@dataclass
class PairView:
    """An English guide, its translation, and how they compare."""

    anchor: str
    doc_id: str
    en: DocView
    es: DocView
    state: SyncState | None
    alignment: Alignment | None
    rows: list[Row]
    removed: list[Change]
    context_words: int

    def count(self, severity: Severity) -> int:
        """Findings of both files with exactly this severity."""
        return self.en.count(severity) + self.es.count(severity)

    @property
    def stale_blocks(self) -> int:
        """English changes since the last sync (blocks)."""
        return len(self.state.changes) if self.state is not None and self.state.status == "stale" else 0


@dataclass
class PageModel:
    """Everything the page renders."""

    pairs: list[PairView]
    unpaired: list[DocView]
    others: list[DocView]  # data files and findings outside any document
    limits: Limits


def lang_of(display: str, doc: Document | None) -> str:
    """en, es, or other: the document's language, else its folder's."""
    lang = doc.lang if doc is not None else None
    if lang is None:
        from contentlint.content.documents import folder_language

        lang = folder_language(display)
    return lang if lang in ("en", "es") else "other"


def _rd001_options(library: Library) -> Any:
    config = getattr(library, "config", None)
    options = getattr(config, "options", None)
    return options.get("RD001") if isinstance(options, dict) else None


def limits_for(library: Library | None, guide_type: str | None) -> Limits:
    """RD001's thresholds for a content type (its options, else the defaults)."""
    limits = Limits()
    options = _rd001_options(library) if library is not None else None
    if options is None:
        return limits
    names = ("max_grade_en", "target_grade_en", "min_inflesz_es", "target_inflesz_es", "min_words")
    for name in names:
        value = getattr(options, name, None)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            setattr(limits, name, value)
    per_type = getattr(options, "per_type", None)
    override = per_type.get(guide_type) if isinstance(per_type, dict) and guide_type else None
    for name in names:
        value = getattr(override, name, None) if override is not None else None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            setattr(limits, name, value)
    return limits


def reading_of(doc: Document, library: Library) -> Reading | None:
    """The guide's score from the readability engine, judged like RD001 judges it."""
    from contentlint.readability.guides import document_score, english_scale_grade

    options = _rd001_options(library)
    include_headings = bool(getattr(options, "include_headings", False))
    score = document_score(doc, library, include_headings=include_headings)
    if score is None:
        return None
    limits = limits_for(library, doc.guide_type)
    if score.lang == "en":
        raw = score.flesch_kincaid_grade
        target, limit = limits.target_grade_en, limits.max_grade_en
    else:
        raw = score.szigriszt_pazos
        target, limit = limits.target_inflesz_es, limits.min_inflesz_es
    if raw is None or score.sentences == 0:
        return Reading(score.lang, None, None, "", score.words, "none", target, limit)
    value = round(raw, 1) + 0.0
    if score.words < limits.min_words:
        status = "short"
    elif score.lang == "en":
        status = "limit" if value > limit else ("target" if value > target else "ok")
    else:
        status = "limit" if value < limit else ("target" if value < target else "ok")
    return Reading(
        score.lang, value, english_scale_grade(score), score.inflesz_band or "", score.words, status, target, limit
    )


def _anchor(prefix: str, index: int, text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]
    return f"{prefix}-{index + 1}" + (f"-{slug}" if slug else "")


def _title(doc: Document | None) -> str:
    if doc is None:
        return ""
    title = doc.front.get("title")
    return title if isinstance(title, str) else ""


def _rows(alignment: Alignment, state: SyncState | None) -> tuple[list[Row], list[Change]]:
    """Blocks side by side in English order; extra Spanish blocks after the
    Spanish block they follow; English changes since the last sync attached."""
    changes: dict[int, Change] = {}
    removed: list[Change] = []
    if state is not None and state.status == "stale":
        for stale in state.changes:
            if stale.en_index is None:
                removed.append(stale)
            else:
                changes[stale.en_index] = stale
    keyed: list[tuple[tuple[int, int, int], Row]] = []
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
        keyed.append(((i, 0, 0), Row(info, alignment.es[j] if j is not None else None, tags, change)))
    in_order = sorted(alignment.matches.items())
    es_positions = [j for _, j in in_order]
    for j in alignment.extra:
        before = bisect.bisect_left(es_positions, j) - 1
        en_index = in_order[before][0] if before >= 0 else -1
        keyed.append(((en_index, 1, j), Row(None, alignment.es[j], ["extra"])))
    keyed.sort(key=lambda item: item[0])
    return [row for _, row in keyed], removed


def _context_words(library: Library) -> int:
    options = getattr(getattr(library, "config", None), "options", None)
    found = options.get("PR020") if isinstance(options, dict) else None
    value = getattr(found, "context_words", 6)
    return value if isinstance(value, int) and not isinstance(value, bool) else 6


def build_model(report: Report) -> PageModel:
    """Group the findings by guide pair and compute what the page shows."""
    library = report.library
    findings = sorted(report.findings, key=lambda f: f.sort_key)
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_path[finding.location.path].append(finding)
    if library is None:
        others = [DocView(path, lang_of(path, None), findings=items) for path, items in sorted(by_path.items())]
        return PageModel([], [], others, Limits())

    from contentlint.bilingual.align import pair_alignment
    from contentlint.bilingual.staleness import sync_state

    checked = set(report.checked)
    docs = {doc.display: doc for doc in library.documents}
    used: set[str] = set()

    def view(doc: Document) -> DocView:
        """A guide's view, marking its findings as placed."""
        used.add(doc.display)
        return DocView(
            doc.display, lang_of(doc.display, doc), doc, _title(doc), by_path.get(doc.display, []),
            reading_of(doc, library),
        )

    pairs: list[PairView] = []
    paired: set[str] = set()
    context = _context_words(library)
    for pair in sorted(library.pairs, key=lambda p: (p.doc_id, p.en.display, p.es.display)):
        paired.update((pair.en.display, pair.es.display))
        if checked and pair.en.display not in checked and pair.es.display not in checked:
            continue
        pairs.append(_pair_view(pair, library, len(pairs), view, pair_alignment, sync_state, context))
    unpaired = [
        view(doc)
        for doc in sorted(library.guides, key=lambda d: d.display)
        if doc.display not in paired and (not checked or doc.display in checked)
    ]
    others = []
    for path, items in sorted(by_path.items()):
        if path in used:
            continue
        doc = docs.get(path)
        others.append(DocView(path, lang_of(path, doc), doc, _title(doc), items))
    return PageModel(pairs, unpaired, others, limits_for(library, None))


def _pair_view(
    pair: Pair, library: Library, index: int, view: Any, pair_alignment: Any, sync_state: Any, context: int
) -> PairView:
    alignment = pair_alignment(pair, library)
    state = sync_state(pair, library)
    rows, removed = _rows(alignment, state)
    return PairView(
        _anchor("guide", index, pair.doc_id), pair.doc_id, view(pair.en), view(pair.es),
        state, alignment, rows, removed, context,
    )


class UiText:
    """Fixed report text in one UI language."""

    def __init__(self, ui_lang: str) -> None:
        self.ui = ui_lang

    def t(self, message: Message) -> str:
        """Fixed report text in the UI language."""
        return localize(message, self.ui)

    def content_lang(self, text: str) -> str | None:
        """The lang attribute of a tool message: a Message is translated (UI
        language); plain text is English (not translatable yet)."""
        if isinstance(text, Message) or self.ui == "en":
            return None
        return "en"

    def severity_label(self, severity: Severity) -> str:
        """error / warning / note, in the UI language."""
        return self.t(
            {Severity.ERROR: msg("error"), Severity.WARNING: msg("warning"), Severity.INFO: msg("note")}[severity]
        )

    def lang_name(self, lang: str) -> str:
        """English / Spanish / Other files."""
        return self.t(LANG_NAMES.get(lang, msg("Other files")))

    def reading_status(self, reading: Reading) -> tuple[str, str]:
        """The status of a score against its target and limit, and its CSS class."""
        if reading.lang == "en":
            texts = {"ok": msg("on target"), "target": msg("above target"), "limit": msg("above limit")}
        else:
            texts = {"ok": msg("on target"), "target": msg("below target"), "limit": msg("below limit")}
        texts["short"] = msg("too short to judge")
        texts["none"] = msg("no prose")
        return self.t(texts[reading.status]), "st-" + ("none" if reading.status == "short" else reading.status)
