"""JSON output: a versioned, documented envelope (docs/json-format.md).

Keys are sorted and findings ordered by path, line, column and code, so the
same input always gives byte-identical output.

JSON is a machine format: messages and hints stay in English whatever
``--ui-lang`` says, so scripts that read them do not depend on the locale.

``guides`` (added in version 1, when the run computed the report's views:
``--format json`` and ``contentlint report``) carries per guide what a dashboard
or a site needs: its publish status, word and sentence counts, the reading
score RD001 judges with its target and limit, the sync state of the pair and of
each block, and the review dates. The schema is ``docs/json-format.schema.json``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any, TextIO

from contentlint import __version__
from contentlint.findings import Finding, Severity
from contentlint.report import DocumentView, PairView, Reading, Report, RowView, publish_status

FORMAT_VERSION = 1


def as_document(report: Report, fail_on: Severity = Severity.ERROR) -> dict[str, Any]:
    """The JSON document as Python data."""
    summary: dict[str, Any] = {
        "errors": report.count(Severity.ERROR),
        "warnings": report.count(Severity.WARNING),
        "infos": report.count(Severity.INFO),
        "files_checked": len(report.checked),
        "files_with_findings": len({f.location.path for f in report.findings}),
    }
    scope = report.scope
    if scope is not None and scope.baseline:
        summary["baseline"] = {"path": scope.baseline, "hidden": scope.baselined, "fixed": scope.fixed}
    if scope is not None and scope.changed_since:
        summary["changed_lines"] = {"since": scope.changed_since, "elsewhere": len(scope.unfocused)}
    document: dict[str, Any] = {
        "version": FORMAT_VERSION,
        "tool": {"name": "contentlint", "version": __version__},
        "summary": summary,
        "findings": [finding.as_dict() for finding in report.findings],
    }
    if report.views is not None:
        document["policy"] = {"fail_on": fail_on.label}
        document["guides"] = guide_metrics(report, fail_on)
    return document


def guide_metrics(report: Report, fail_on: Severity) -> list[dict[str, Any]]:
    """Per guide (a pair, or a guide without its counterpart): status, counts,
    scores, sync state and dates, ordered by id and path."""
    views = report.views
    if views is None:
        return []
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_path[finding.location.path].append(finding)
    out = [_pair(pair, by_path, fail_on) for pair in views.pairs]
    for view in views.unpaired:
        findings = by_path.get(view.display, [])
        pending = view.awaiting_translation
        out.append({
            "id": view.doc_id,
            "status": publish_status(findings, fail_on, None, pending),
            "en": _document(view, findings) if view.lang == "en" else None,
            "es": _document(view, findings) if view.lang == "es" else None,
            "sync": None,
            "awaiting_translation": pending,
        })
    out.sort(key=lambda item: (item["id"], (item["en"] or item["es"] or {}).get("path", "")))
    return out


def _pair(pair: PairView, by_path: dict[str, list[Finding]], fail_on: Severity) -> dict[str, Any]:
    en, es = by_path.get(pair.en.display, []), by_path.get(pair.es.display, [])
    sync = pair.sync
    return {
        "id": pair.doc_id,
        "status": publish_status([*en, *es], fail_on, sync, pair.en.awaiting_translation),
        "en": _document(pair.en, en),
        "es": _document(pair.es, es),
        "sync": None if sync is None else {
            "state": sync.status,
            "synced": sync.synced or None,
            "confirmed_by": sync.confirmed_by or None,
            "stale_blocks": sync.stale_blocks,
            "blocks": [_block_state(row, sync.status) for row in pair.rows],
        },
        "awaiting_translation": pair.en.awaiting_translation,
    }


def _document(view: DocumentView, findings: list[Finding]) -> dict[str, Any]:
    reading = view.reading
    return {
        "path": view.display,
        "title": view.title,
        "updated": view.updated or None,
        "last_reviewed": view.last_reviewed or None,
        "errors": sum(1 for f in findings if f.severity == Severity.ERROR),
        "warnings": sum(1 for f in findings if f.severity == Severity.WARNING),
        "infos": sum(1 for f in findings if f.severity == Severity.INFO),
        "words": reading.words if reading is not None else None,
        "sentences": reading.sentences if reading is not None else None,
        "reading": _reading(reading) if reading is not None else None,
    }


def _reading(reading: Reading) -> dict[str, Any]:
    """The score RD001 judges, as RD001 rounds it, with its target and limit."""
    return {
        "scale": reading.scale,
        "value": reading.value,
        "target": reading.target,
        "limit": reading.limit,
        "status": reading.status,
        "english_grade": round(reading.grade_scale, 1) if reading.grade_scale is not None else None,
        "band": reading.band or None,
        "baseline": {"value": reading.baseline, "label": reading.baseline_label}
        if reading.baseline is not None else None,
    }


# The sync state of a block, from its side-by-side row.
_ROW_STATES = {"stale": "stale", "facts": "stale", "added": "stale", "missing": "missing", "extra": "extra"}


def _block_state(row: RowView, pair_state: str) -> dict[str, Any]:
    state = next((_ROW_STATES[tag] for tag in row.tags if tag in _ROW_STATES), None)
    if state is None:
        state = {"synced": "in_sync", "stale": "in_sync", "never": "never_marked"}.get(pair_state, "unknown")
    return {
        "en_line": row.en.line if row.en is not None else None,
        "es_line": row.es.line if row.es is not None else None,
        "state": state,
    }


def render(report: Report, stream: TextIO, options: dict[str, Any]) -> None:
    """Write the JSON document."""
    fail_on = options.get("fail_on")
    document = as_document(report, fail_on if isinstance(fail_on, Severity) else Severity.ERROR)
    json.dump(document, stream, ensure_ascii=False, indent=2, sort_keys=True)
    stream.write("\n")
