"""The result of a run, as reporters see it: findings, rule metadata and views.

Reporters read this and nothing else: what the editor's report shows beyond the
findings (reading scores, sync state, the side-by-side blocks, the source lines
around findings) is computed once by the pipeline (:mod:`contentlint.pipeline.views`)
into the plain records below, and stored with the report in the result cache,
so a cached run prints the same bytes as a fresh one.

Imports nothing heavy, so a run answered from the result cache can print its
report without importing pydantic, ruamel.yaml or markdown-it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from contentlint.findings import Finding, Severity


@dataclass(frozen=True)
class RuleInfo:
    """What reporters may know about a rule (never the rule object itself)."""

    code: str
    name: str
    summary: str
    severity: Severity
    documentation: str


@dataclass
class Report:
    """The result of one run."""

    findings: list[Finding]
    checked: list[str]
    rules: list[RuleInfo]
    internal_errors: int = 0
    notes: list[str] = field(default_factory=list)
    from_cache: bool = False
    views: Views | None = None  # computed when a format needs them (HTML)
    scope: Scope | None = None  # what a baseline or ``--only-changed-lines`` did (never cached)
    # The source lines the findings point at, and those of their related places
    # (display path -> line number -> text): the terminal shows the offending
    # line under each finding without the reporter opening a file.
    sources: dict[str, dict[int, str]] = field(default_factory=dict)

    def focused(self) -> list[Finding]:
        """The findings to annotate: all of them, or only those on the changed lines."""
        if self.scope is None or not self.scope.changed_since:
            return list(self.findings)
        return [f for f in self.findings if f not in self.scope.unfocused]

    def count(self, severity: Severity) -> int:
        """How many findings have exactly this severity."""
        return sum(1 for f in self.findings if f.severity == severity)

    def worst(self) -> Severity | None:
        """The most severe finding's severity."""
        return max((f.severity for f in self.findings), default=None)


@dataclass(frozen=True)
class Scope:
    """What narrowed a run's findings, for the reporters to say so.

    ``changed_since``: the git ref of ``--only-changed-lines`` ("" when not used);
    ``unfocused``: findings in ``Report.findings`` that are not on a line changed
    since that ref (still counted, and still failing the run, but not annotated).
    ``baseline``: the baseline file; ``baselined``: findings it hid;
    ``fixed``: its entries no longer found (fixed, or their line changed).
    """

    changed_since: str = ""
    unfocused: frozenset[Finding] = frozenset()
    baseline: str = ""
    baselined: int = 0
    fixed: int = 0


# A finding's own lines shown in the terminal (a longer range is cut), and the
# longest source line kept (the terminal shows a window around the column).
SOURCE_LINES_MAX = 3
SOURCE_LINE_CHARS = 2_000


# -- views: what the editor's report shows beyond the findings ------------------
# Source lines shown around a finding in the report (before and after; at most).
EXCERPT_CONTEXT = 2
EXCERPT_MAX = 12


@dataclass(frozen=True)
class Limits:
    """RD001's thresholds for one content type."""

    max_grade_en: float = 8.0
    target_grade_en: float = 6.0
    min_inflesz_es: float = 55.0
    target_inflesz_es: float = 65.0
    min_words: int = 100


@dataclass(frozen=True)
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
    sentences: int = 0
    scale: str = ""  # flesch-kincaid-grade (English) | inflesz (Spanish): what ``value`` is
    baseline: float | None = None  # the same score in RD005's baseline (None: no baseline, or a new guide)
    baseline_label: str = ""  # the baseline as RD005 names it ("reports/readability-baseline.json", "git:main")


@dataclass(frozen=True)
class DocumentView:
    """One file as the report shows it: title, reading, and the source lines near findings."""

    display: str
    lang: str  # en | es | other
    title: str = ""
    reading: Reading | None = None
    line_count: int = 0
    excerpt: dict[int, str] = field(default_factory=dict)  # line number -> text
    updated: str = ""  # front matter `updated` (YYYY-MM-DD), "" when absent or invalid
    last_reviewed: str = ""  # front matter `last_reviewed`
    awaiting_translation: bool = False  # English only: the Spanish is pending on purpose
    doc_id: str = ""  # the guide's id ("" for data files and an invalid id)


@dataclass(frozen=True)
class BlockView:
    """One block of a guide in the side-by-side view."""

    kind: str
    level: int
    ordered: bool
    number: int
    line: int
    text: str  # the rendered text; code and HTML blocks: the source
    end_line: int = 0  # the block's last source line (0: only ``line`` is known)


@dataclass(frozen=True)
class RowView:
    """One row of the side-by-side view: an English block, its Spanish counterpart, tags."""

    en: BlockView | None
    es: BlockView | None
    tags: tuple[str, ...]  # stale | facts | added | missing | extra | moved
    change: str = ""  # text | facts | added: how the English changed since the sync
    diff: str = ""  # the English word diff since the sync


@dataclass(frozen=True)
class SyncView:
    """A pair's sync state: synced, stale, never (no sync mark) or invalid."""

    status: str
    synced: str = ""
    error: str = ""
    stale_blocks: int = 0
    confirmed_by: str = ""  # who ran `sync mark` (the sync file's `confirmed_by`), "" when unknown


@dataclass(frozen=True)
class AlignmentView:
    """How the two bodies of a pair align (counts of blocks)."""

    confident: bool
    english_blocks: int
    missing: int
    extra: int
    moved: int


@dataclass(frozen=True)
class PairView:
    """An English guide, its translation, and how they compare."""

    doc_id: str
    en: DocumentView
    es: DocumentView
    sync: SyncView | None
    alignment: AlignmentView | None
    rows: tuple[RowView, ...]
    removed: tuple[str, ...]  # word diffs of English blocks removed since the sync


@dataclass(frozen=True)
class Views:
    """Everything the editor's report shows besides the findings."""

    pairs: tuple[PairView, ...]
    unpaired: tuple[DocumentView, ...]  # guides without a counterpart
    documents: dict[str, DocumentView]  # every other file with findings, by display path
    limits: Limits
    # INFLESZ -> English grade: grade = anchor_grade + (anchor_inflesz - INFLESZ) / per_grade
    inflesz_scale: tuple[float, float, float] = (65.0, 6.0, 5.0)

    def grade_for_inflesz(self, inflesz: float) -> float:
        """Where an INFLESZ value falls on the English grade scale."""
        anchor_inflesz, anchor_grade, per_grade = self.inflesz_scale
        return anchor_grade + (anchor_inflesz - inflesz) / per_grade

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-able data (for the result cache)."""
        return asdict(self)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Views:
        """The views :meth:`to_data` wrote (KeyError/TypeError/ValueError when malformed)."""

        def reading(item: Any) -> Reading | None:
            return Reading(**item) if item is not None else None

        def document(item: dict[str, Any]) -> DocumentView:
            fields = dict(item)
            fields["reading"] = reading(fields["reading"])
            fields["excerpt"] = {int(k): str(v) for k, v in fields["excerpt"].items()}
            return DocumentView(**fields)

        def block(item: Any) -> BlockView | None:
            return BlockView(**item) if item is not None else None

        def row(item: dict[str, Any]) -> RowView:
            return RowView(block(item["en"]), block(item["es"]), tuple(item["tags"]), item["change"], item["diff"])

        def pair(item: dict[str, Any]) -> PairView:
            sync = SyncView(**item["sync"]) if item["sync"] is not None else None
            alignment = AlignmentView(**item["alignment"]) if item["alignment"] is not None else None
            return PairView(
                item["doc_id"], document(item["en"]), document(item["es"]), sync, alignment,
                tuple(row(r) for r in item["rows"]), tuple(item["removed"]),
            )

        return cls(
            tuple(pair(p) for p in data["pairs"]),
            tuple(document(d) for d in data["unpaired"]),
            {key: document(value) for key, value in data["documents"].items()},
            Limits(**data["limits"]),
            _scale(data["inflesz_scale"]),
        )


def _scale(value: Any) -> tuple[float, float, float]:
    anchor_inflesz, anchor_grade, per_grade = (float(v) for v in value)
    return anchor_inflesz, anchor_grade, per_grade


# -- publish status: the editor's decision per guide --------------------------------
# Worst first: the order of the overview and of the JSON's ``status`` values.
PUBLISH_STATUSES = ("fixes", "translation", "review", "ready")
# Findings that say the Spanish must catch up with the English (stale or never
# marked): they make a pair "needs translation", not "needs fixes".
TRANSLATION_CODES = frozenset({"PR020", "PR021", "PR022"})
# The review-date rule (ST010): a guide past its review date "needs review".
REVIEW_CODE = "ST010"


def publish_status(
    findings: Sequence[Finding], fail_on: Severity, sync: SyncView | None, pending: bool = False
) -> str:
    """One guide's publish status from the findings of its files (both languages).

    ``fixes``: a finding at or above the fail level (other than the stale and
    review findings, which have their own status); ``translation``: the Spanish
    is missing, stale, never marked or unusable (``sync`` None means there is
    no Spanish; ``pending``: the English says ``awaiting_translation``);
    ``review``: past its review date (ST010); else ``ready``.
    """
    if any(f.severity >= fail_on and f.code not in TRANSLATION_CODES and f.code != REVIEW_CODE for f in findings):
        return "fixes"
    if pending or sync is None or sync.status != "synced":
        return "translation"
    if any(f.code == REVIEW_CODE for f in findings):
        return "review"
    return "ready"
