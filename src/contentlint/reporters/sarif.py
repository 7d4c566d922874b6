"""SARIF 2.1.0 for code scanning: rules with help, stable fingerprints, related locations.

SARIF is a machine format: messages stay in English whatever ``--ui-lang`` says
(fingerprints, code-scanning alerts and tools that parse them must not change
with the reader's locale).
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, TextIO

from contentlint import __version__
from contentlint.findings import Finding, Location, Severity
from contentlint.report import Report, RuleInfo

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
DOCS_URI = "https://github.com/contentlint/contentlint/blob/main/docs/rules.md"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_LINE_NUMBERS = re.compile(r"\b(line|línea)s? \d+(, column \d+)?")


def fingerprint(finding: Finding) -> str:
    """Stable across runs and unrelated edits: rule, file and message without line numbers."""
    message = _LINE_NUMBERS.sub(r"\1", finding.message)
    raw = "\x1f".join((finding.code, finding.location.path, message))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def _rule(info: RuleInfo) -> dict[str, Any]:
    return {
        "id": info.code,
        "name": "".join(part.capitalize() for part in info.name.split("-")),
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": info.summary},
        "help": {"text": info.documentation, "markdown": info.documentation},
        "helpUri": f"{DOCS_URI}#{info.code.lower()}",
        "defaultConfiguration": {"level": _LEVELS[info.severity]},
        "properties": {"tags": [info.name]},
    }


def _physical(location: Location) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": location.path, "uriBaseId": "%SRCROOT%"}}
    if location.line >= 1:
        region: dict[str, Any] = {"startLine": location.line, "startColumn": max(location.column, 1)}
        if location.end_line:
            region["endLine"] = location.end_line
            region["endColumn"] = max(location.end_column or 1, 1)
        physical["region"] = region
    return physical


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    text = finding.message + (f"\nHint: {finding.hint}" if finding.hint else "")
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": _physical(finding.location)}],
        "partialFingerprints": {"contentlint/v1": fingerprint(finding)},
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    if finding.related:
        result["relatedLocations"] = [
            {"id": number, "physicalLocation": _physical(loc), "message": {"text": loc.note or "counterpart"}}
            for number, loc in enumerate(finding.related, start=1)
        ]
    return result


def as_document(report: Report) -> dict[str, Any]:
    """The SARIF log as Python data."""
    rules = sorted(report.rules, key=lambda r: r.code)
    index = {info.code: position for position, info in enumerate(rules)}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "contentlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": "https://github.com/contentlint/contentlint",
                        "rules": [_rule(info) for info in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index) for f in report.findings],
            }
        ],
    }


def render(report: Report, stream: TextIO, options: dict[str, Any]) -> None:
    """Write the SARIF log."""
    json.dump(as_document(report), stream, ensure_ascii=False, indent=2, sort_keys=True)
    stream.write("\n")
