"""What the HTML report shows: the findings grouped by guide pair, on the views
the pipeline computed (reading scores, sync state, side-by-side rows, source
excerpts; see :mod:`contentlint.report`). Nothing here analyses content. Also
the UI vocabulary (:class:`UiText`) shared by the page and its charts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from contentlint.findings import Finding, Severity
from contentlint.i18n import Message, localize, msg
from contentlint.report import (
    PUBLISH_STATUSES,
    AlignmentView,
    BlockView,
    DocumentView,
    Limits,
    Reading,
    Report,
    RowView,
    SyncView,
    Views,
    publish_status,
)
from contentlint.report import PairView as ReportPair

LANG_NAMES = {"en": msg("English"), "es": msg("Spanish")}
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass
class DocView:
    """One file of the report and its findings."""

    view: DocumentView
    findings: list[Finding] = field(default_factory=list)

    @property
    def display(self) -> str:
        """The file's path as shown."""
        return self.view.display

    @property
    def lang(self) -> str:
        """en, es or other."""
        return self.view.lang

    @property
    def title(self) -> str:
        """The guide's title ("" for data files)."""
        return self.view.title

    @property
    def reading(self) -> Reading | None:
        """The guide's readability (None for data files)."""
        return self.view.reading

    def count(self, severity: Severity) -> int:
        """Findings of exactly this severity."""
        return sum(1 for f in self.findings if f.severity == severity)


@dataclass
class PairView:
    """A guide pair as the page shows it: the pipeline's view and the findings of both files."""

    anchor: str
    view: ReportPair
    en: DocView
    es: DocView
    status: str = "ready"  # fixes | translation | review | ready (report.publish_status)

    @property
    def doc_id(self) -> str:
        """The pair's guide id."""
        return self.view.doc_id

    @property
    def state(self) -> SyncView | None:
        """The pair's sync state."""
        return self.view.sync

    @property
    def alignment(self) -> AlignmentView | None:
        """How the bodies align."""
        return self.view.alignment

    @property
    def rows(self) -> tuple[RowView, ...]:
        """The side-by-side rows."""
        return self.view.rows

    @property
    def removed(self) -> tuple[str, ...]:
        """Word diffs of English blocks removed since the sync."""
        return self.view.removed

    def count(self, severity: Severity) -> int:
        """Findings of both files with exactly this severity."""
        return self.en.count(severity) + self.es.count(severity)

    @property
    def findings(self) -> list[Finding]:
        """The findings of both files."""
        return [*self.en.findings, *self.es.findings]

    def has_pair_findings(self) -> bool:
        """A finding that compares the two files (it names the other one)."""
        paths = {self.en.display, self.es.display}
        return any(
            any(r.path in paths and r.path != f.location.path for r in f.related) for f in self.findings
        )

    def row_findings(self, row: RowView) -> list[tuple[Finding, frozenset[str]]]:
        """The findings on a row's two blocks, each with the sides (en, es) it marks: a
        finding on one block that names the other block (a parity error) marks both."""
        out: list[tuple[Finding, frozenset[str]]] = []
        blocks = {"en": (self.en.display, row.en), "es": (self.es.display, row.es)}
        for finding in self.findings:
            sides = {lang for lang, (path, block) in blocks.items()
                     if _on_block(path, finding.location.path, finding.location.line, block)}
            if not sides:
                continue
            for related in finding.related:
                sides.update(lang for lang, (path, block) in blocks.items()
                             if _on_block(path, related.path, related.line, block))
            out.append((finding, frozenset(sides)))
        return out

    @property
    def stale_blocks(self) -> int:
        """English changes since the last sync (blocks)."""
        return self.view.sync.stale_blocks if self.view.sync is not None else 0


def _on_block(block_path: str, path: str, line: int, block: BlockView | None) -> bool:
    """True when ``path:line`` falls in ``block`` (a block of ``block_path``)."""
    if block is None or path != block_path or line < 1:
        return False
    return block.line <= line <= max(block.end_line, block.line)


@dataclass
class PageModel:
    """Everything the page renders."""

    pairs: list[PairView]
    unpaired: list[DocView]
    others: list[DocView]  # data files and findings outside any document
    limits: Limits
    views: Views | None = None


def _anchor(prefix: str, index: int, text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]
    return f"{prefix}-{index + 1}" + (f"-{slug}" if slug else "")


def lang_of(display: str) -> str:
    """en, es, or other, from the path's folder (for a file the views do not cover)."""
    parts = display.replace("\\", "/").split("/")
    for lang in ("en", "es"):
        if lang in parts[:-1]:
            return lang
    return "other"


def build_model(report: Report, fail_on: Severity = Severity.ERROR) -> PageModel:
    """Group the findings by guide pair, on the views the pipeline computed; pairs
    sorted worst publish status first (then most errors, most warnings, id)."""
    findings = sorted(report.findings, key=lambda f: f.sort_key)
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_path[finding.location.path].append(finding)
    views = report.views
    if views is None:
        others = [DocView(DocumentView(path, lang_of(path)), items) for path, items in sorted(by_path.items())]
        return PageModel([], [], others, Limits())
    used: set[str] = set()

    def doc(view: DocumentView) -> DocView:
        used.add(view.display)
        return DocView(view, by_path.get(view.display, []))

    pairs = [
        PairView(_anchor("guide", index, pair.doc_id), pair, doc(pair.en), doc(pair.es))
        for index, pair in enumerate(views.pairs)
    ]
    for pair in pairs:
        pair.status = publish_status(pair.findings, fail_on, pair.state, pair.en.view.awaiting_translation)
    pairs.sort(key=lambda p: (PUBLISH_STATUSES.index(p.status), -p.count(Severity.ERROR),
                              -p.count(Severity.WARNING), p.doc_id))
    unpaired = [doc(view) for view in views.unpaired]
    others = []
    for path, items in sorted(by_path.items()):
        if path in used:
            continue
        others.append(DocView(views.documents.get(path) or DocumentView(path, lang_of(path)), items))
    return PageModel(pairs, unpaired, others, views.limits, views)


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
