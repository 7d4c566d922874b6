"""``translation-status.json``: which Spanish guides are out of date, for a site.

``contentlint report`` writes it beside the other reports. A static site reads
it at build time and shows "this translation is out of date" on a Spanish page
whose English changed since the translation was last confirmed (the banner docs
sites build by hand). Small on purpose: one entry per guide pair, keyed by
nothing but what a page knows (its path or its guide id). Documented with an
example in docs/json-format.md; schema: ``docs/translation-status.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from contentlint.report import Report

FORMAT_VERSION = 1
# The pair's sync state -> what the page should say.
_STATES = {"synced": "in_sync", "stale": "out_of_date", "never": "never_marked", "invalid": "unknown"}


def as_document(report: Report) -> dict[str, Any]:
    """The file as Python data (no guides when the run has no views)."""
    guides = []
    for pair in report.views.pairs if report.views is not None else ():
        sync = pair.sync
        state = _STATES.get(sync.status, "unknown") if sync is not None else "unknown"
        guides.append({
            "id": pair.doc_id,
            "en": pair.en.display,
            "es": pair.es.display,
            "state": state,
            "out_of_date": state != "in_sync",
            "stale_blocks": sync.stale_blocks if sync is not None else 0,
            "synced": (sync.synced or None) if sync is not None else None,
            "confirmed_by": (sync.confirmed_by or None) if sync is not None else None,
            "en_updated": pair.en.updated or None,
            "es_updated": pair.es.updated or None,
        })
    guides.sort(key=lambda g: (g["id"], g["es"]))
    return {"version": FORMAT_VERSION, "guides": guides}


def render(report: Report, stream: TextIO, options: dict[str, Any]) -> None:
    """Write ``translation-status.json``."""
    json.dump(as_document(report), stream, ensure_ascii=False, indent=2, sort_keys=True)
    stream.write("\n")
