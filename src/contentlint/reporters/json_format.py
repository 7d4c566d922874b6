"""JSON output: a versioned, documented envelope (docs/json-format.md).

Keys are sorted and findings ordered by path, line, column and code, so the
same input always gives byte-identical output.

JSON is a machine format: messages and hints stay in English whatever
``--ui-lang`` says, so scripts that read them do not depend on the locale.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from contentlint import __version__
from contentlint.findings import Severity
from contentlint.report import Report

FORMAT_VERSION = 1


def as_document(report: Report) -> dict[str, Any]:
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
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "contentlint", "version": __version__},
        "summary": summary,
        "findings": [finding.as_dict() for finding in report.findings],
    }


def render(report: Report, stream: TextIO, options: dict[str, Any]) -> None:
    """Write the JSON document."""
    json.dump(as_document(report), stream, ensure_ascii=False, indent=2, sort_keys=True)
    stream.write("\n")
