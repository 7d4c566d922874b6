"""JUnit XML: one test case per checked file; findings at or above fail-on are failures.

Messages are shown in ``options["ui_lang"]`` (people read them in CI); the XML
structure and attribute names stay the same in every language.
"""

from __future__ import annotations

from typing import Any, TextIO
from xml.sax.saxutils import escape, quoteattr

from contentlint.findings import Severity
from contentlint.i18n import localize, msg
from contentlint.report import Report
from contentlint.reporters.safe import visible, xml_text


def render(report: Report, stream: TextIO, options: dict[str, Any]) -> None:
    """Write a JUnit XML document."""
    fail_on: Severity = options.get("fail_on", Severity.ERROR)
    lang = options.get("ui_lang") or "en"
    by_path: dict[str, list[Any]] = {path: [] for path in report.checked}
    for finding in report.findings:
        by_path.setdefault(finding.location.path, []).append(finding)
    failures = sum(1 for items in by_path.values() if any(f.severity >= fail_on for f in items))
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(f'<testsuites name="contentlint" tests="{len(by_path)}" failures="{failures}">\n')
    stream.write(f'  <testsuite name="contentlint" tests="{len(by_path)}" failures="{failures}" errors="0">\n')
    for path in sorted(by_path):
        items = by_path[path]
        stream.write(f"    <testcase classname=\"contentlint\" name={quoteattr(xml_text(visible(path)))}>\n")
        failing = [f for f in items if f.severity >= fail_on]
        if failing:
            text = "\n".join(
                f"{visible(f.location.path)}:{f.location.line}:{f.location.column}: {visible(f.code)} "
                f"{visible(localize(f.message, lang))}"
                for f in failing
            )
            message = localize(msg("{count} finding(s)", count=len(failing)), lang)
            attribute = quoteattr(xml_text(message))
            body = escape(xml_text(text))
            stream.write(f"      <failure message={attribute} type=\"contentlint\">{body}</failure>\n")
        others = [f for f in items if f.severity < fail_on]
        if others:
            text = "\n".join(
                f"{f.location.line}:{f.location.column}: {visible(f.code)} {visible(localize(f.message, lang))}"
                for f in others
            )
            stream.write(f"      <system-out>{escape(xml_text(text))}</system-out>\n")
        stream.write("    </testcase>\n")
    stream.write("  </testsuite>\n</testsuites>\n")
