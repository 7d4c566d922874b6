"""Reporters turn a Report into text for people and machines.

They see findings and RuleInfo only, never rule classes. Each is a function
``render(report, stream, options)``; ``REPORTERS`` maps format names to the
module that holds it, imported only when that format is asked for.
"""

from __future__ import annotations

import importlib
from typing import Any, Protocol, TextIO

from contentlint.report import Report

REPORTERS: dict[str, str] = {
    "text": "contentlint.reporters.text",  # full: with the source (ruff's default)
    "full": "contentlint.reporters.text",
    "concise": "contentlint.reporters.text",  # one line per finding, no source
    "json": "contentlint.reporters.json_format",
    "sarif": "contentlint.reporters.sarif",
    "github": "contentlint.reporters.github",
    "junit": "contentlint.reporters.junit",
    "summary": "contentlint.reporters.summary",
    "html": "contentlint.reporters.html.page",
    "translation-status": "contentlint.reporters.translation_status",
}

# What `contentlint report` writes, format -> file name.
REPORT_FILES: dict[str, str] = {
    "json": "contentlint.json",
    "sarif": "contentlint.sarif",
    "junit": "contentlint.junit.xml",
    "summary": "contentlint-summary.md",
    "html": "contentlint-report.html",
    "translation-status": "translation-status.json",
}


class Render(Protocol):
    """The reporter interface."""

    def __call__(self, report: Report, stream: TextIO, options: dict[str, Any]) -> None: ...


def get_reporter(name: str) -> Render:
    """The render function of a format."""
    module = importlib.import_module(REPORTERS[name])
    render: Render = module.render
    return render
