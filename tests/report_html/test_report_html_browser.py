"""The HTML report in a real headless Chromium: filters, side by side, keyboard,
languages, no network, no errors, contrast, and the documentation screenshots."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from report_html_helpers import (
    CONTRAST_JS,
    HTML_NAME,
    SCREENSHOTS,
    Watch,
    cli,
    open_page,
    report,
    visible_findings,
)

from clitools import ROOT


def assert_quiet(page: Any, watch: Watch, path: Path) -> None:
    """No console errors, no page errors, no request but the file:// page itself."""
    assert watch.page_errors == []
    assert watch.console_errors == []
    assert not [w for w in watch.console_warnings if "Content Security Policy" in w]
    assert watch.requests == [path.resolve().as_uri()]


def findings_json(html_path: Path) -> list[dict[str, Any]]:
    """The findings of the JSON report written beside the HTML."""
    return json.loads((html_path.parent / "contentlint.json").read_text(encoding="utf-8"))["findings"]


def pair_article(page: Any, doc_id: str) -> Any:
    """The section of one guide pair."""
    return page.locator("article.guide").filter(has=page.locator("h2 .doc-id", has_text=doc_id))


@pytest.fixture
def page(browser: Any, fixture_report: Path) -> Any:
    """The fixture report, opened; checked for errors and requests after the test."""
    opened, watch = open_page(browser, fixture_report)
    yield opened
    assert_quiet(opened, watch, fixture_report)
    opened.close()


def test_report_writes_the_html_file(fixture_report: Path) -> None:
    assert fixture_report.name == HTML_NAME
    text = fixture_report.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>\n<html lang=\"en\"")
    # No external asset, and the content's own links are text, never links.
    assert "https://www.parentcenterhub.org" in text
    assert 'href="http' not in text and " src=" not in text and "url(" not in text
    assert re.findall(r' href="([^"]*)"', text) and all(
        href.startswith("#") or href == "data:," for href in re.findall(r' href="([^"]*)"', text)
    )


def test_page_opens_without_errors_or_network(page: Any, fixture_report: Path) -> None:
    assert page.title().startswith("contentlint report")
    assert page.locator("#pairs-table tbody tr").count() == 4
    assert page.locator("#filters").is_visible()  # the script ran under the CSP


def test_overview_shows_every_pair(page: Any) -> None:
    rows = page.locator("#pairs-table tbody tr")
    text = {rows.nth(i).locator("th .doc-id").inner_text(): rows.nth(i).inner_text() for i in range(rows.count())}
    assert set(text) == {"prior-written-notice", "procedural-safeguards", "request-school-records", "school-denies-iep"}
    assert "stale: 2 blocks changed" in text["school-denies-iep"]
    assert "in sync" in text["prior-written-notice"]
    assert "1 missing" in text["request-school-records"]
    assert "above limit" in text["procedural-safeguards"]
    assert "below limit" in text["procedural-safeguards"]
    assert page.locator("#unpaired").get_by_text("content/en/meeting-checklist.md").count() >= 1


def test_severity_filter_hides_warnings(page: Any, fixture_report: Path) -> None:
    total = len(findings_json(fixture_report))
    assert len(visible_findings(page)) == total
    page.select_option("#filter-severity", "error")
    shown = visible_findings(page)
    errors = [f for f in findings_json(fixture_report) if f["severity"] == "error"]
    assert shown and len(shown) == len(errors)
    assert {f["severity"] for f in shown} == {"error"}
    assert page.locator('[data-finding][data-severity="warning"]').first.is_hidden()
    assert page.locator("#filter-status").inner_text() == f"Showing {len(errors)} of {total} findings"
    # A file with warnings only says that nothing matches.
    assert page.get_by_text("No findings match the filters.").evaluate_all(
        "els => els.filter(el => el.offsetParent !== null).length") >= 1


def test_rule_filter(page: Any, fixture_report: Path) -> None:
    page.select_option("#filter-rule", "PR010")
    shown = visible_findings(page)
    assert shown == [{"severity": "error", "rule": "PR010", "lang": "es"}]
    page.select_option("#filter-rule", "RD002")
    expected = sum(1 for f in findings_json(fixture_report) if f["code"] == "RD002")
    assert {f["rule"] for f in visible_findings(page)} == {"RD002"}
    assert len(visible_findings(page)) == expected


def test_language_filter_and_reset(page: Any, fixture_report: Path) -> None:
    total = len(findings_json(fixture_report))
    page.select_option("#filter-lang", "es")
    shown = visible_findings(page)
    assert shown and {f["lang"] for f in shown} == {"es"}
    page.select_option("#filter-lang", "en")
    assert {f["lang"] for f in visible_findings(page)} == {"en"}
    page.select_option("#filter-severity", "error")
    assert {(f["lang"], f["severity"]) for f in visible_findings(page)} == {("en", "error")}
    page.get_by_role("button", name="Show all").click()
    page.wait_for_function(f"document.querySelectorAll('[data-finding]:not([hidden])').length === {total}")
    assert len(visible_findings(page)) == total


def test_side_by_side_marks_stale_blocks_with_the_word_diff(page: Any) -> None:
    article = pair_article(page, "school-denies-iep")
    table = article.locator("details.sbs-wrap table.sbs")
    assert table.is_visible()  # a pair with stale blocks is open
    stale = table.locator("tr.row-stale")
    assert stale.count() == 2
    words = stale.nth(0)
    assert words.get_by_text("stale: English changed", exact=True).is_visible()
    # Copied or read aloud, the diff keeps its wdiff markers; they are not seen.
    assert words.locator("del").inner_text() == "[-with-]"
    assert words.locator("ins").all_inner_texts() == ["{+led by+}", "{+trained,+}"]
    assert words.locator("del .mark").first.bounding_box()["width"] <= 1
    facts = stale.nth(1)
    assert facts.get_by_text("stale: English facts changed").is_visible()
    assert facts.locator("del").inner_text() == "[-60-]" and facts.locator("ins").inner_text() == "{+30+}"
    # The Spanish cell still shows what the translation says.
    assert "60 días" in facts.locator("td").nth(1).inner_text()
    # The findings in context: PR020 and PR021 with the diff and the source lines.
    finding = article.locator('[data-rule="PR021"]')
    assert finding.locator(".f-detail del").inner_text() == "[-60-]"
    assert finding.locator(".src .hit").count() >= 1


def test_side_by_side_marks_the_missing_step(page: Any) -> None:
    table = pair_article(page, "request-school-records").locator("table.sbs")
    missing = table.locator("tr.row-missing")
    assert missing.count() == 1
    assert "Ask for copies." in missing.inner_text()
    assert missing.get_by_text("missing in the Spanish").is_visible()
    assert missing.get_by_text("no Spanish block").is_visible()


def test_pair_without_problems_is_collapsed_but_present(page: Any) -> None:
    details = pair_article(page, "prior-written-notice").locator("details.sbs-wrap")
    assert details.get_attribute("open") is None
    details.locator("summary").click()
    assert details.locator("table.sbs tbody tr").count() == 3


def test_keyboard_skip_link_and_filters(page: Any) -> None:
    page.keyboard.press("Tab")
    skip = page.evaluate("() => [document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert skip == ["skip-link", "#main"]
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["y"] >= 0  # it shows when focused
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    # Search first, then the publish status and guide filters, then the finding filters.
    for control in ("filter-q", "filter-status-select", "filter-guide"):
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.id") == control
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "filter-severity"
    width = page.evaluate("() => parseFloat(getComputedStyle(document.activeElement).outlineWidth)")
    assert width >= 2  # focus visible
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "filter-rule"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "filter-lang"
    # The filters are real form controls: the keyboard changes them.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowDown")  # All severities -> error
    assert page.locator("#filter-severity").input_value() == "error"
    assert {f["severity"] for f in visible_findings(page)} == {"error"}


def test_every_text_block_has_its_language(page: Any) -> None:
    assert page.evaluate("() => document.documentElement.lang") == "en"
    result = page.evaluate(
        """() => {
          const wrong = [];
          let blocks = 0;
          for (const table of document.querySelectorAll('table.sbs')) {
            for (const row of table.tBodies[0].rows) {
              [['en', 0], ['es', 1]].forEach(([lang, col]) => {
                for (const el of row.cells[col].querySelectorAll('.blk-text')) {
                  blocks += 1;
                  if (el.closest('[lang]').getAttribute('lang') !== lang) { wrong.push(el.textContent.slice(0, 40)); }
                }
              });
            }
          }
          for (const el of document.querySelectorAll('.diff-text')) {
            if (el.closest('[lang]').getAttribute('lang') !== 'en') {
              wrong.push('diff ' + el.textContent.slice(0, 40));
            }
          }
          for (const item of document.querySelectorAll('[data-finding]')) {
            const lang = item.dataset.lang;
            for (const pre of item.querySelectorAll('.src pre')) {
              if (lang !== 'other' && pre.getAttribute('lang') !== lang) { wrong.push('source ' + item.id); }
            }
          }
          for (const el of document.querySelectorAll('.overview .title')) {
            const tag = el.querySelector('.lang-tag').textContent.toLowerCase();
            if (el.querySelector('[lang]').getAttribute('lang') !== tag) { wrong.push('title ' + el.textContent); }
          }
          return {wrong, blocks};
        }"""
    )
    assert result["blocks"] > 40
    assert result["wrong"] == []
    assert page.locator('.overview .title [lang="es"]', has_text="Cómo pedir los expedientes").count() == 1


def test_charts_are_accessible_svg(page: Any) -> None:
    charts = page.locator("figure.chart svg")
    assert charts.count() == 2
    for index in range(2):
        svg = charts.nth(index)
        assert svg.get_attribute("role") == "img"
        title_id, desc_id = svg.get_attribute("aria-labelledby").split()
        assert svg.locator(f"title#{title_id}").count() == 1
        assert svg.locator(f"desc#{desc_id}").count() == 1
    reading = charts.nth(0)
    desc = reading.locator("desc").text_content()
    assert "procedural-safeguards: English grade" in desc
    assert reading.locator("line[stroke-dasharray]").count() >= 1  # the target line
    assert reading.locator('line[stroke="#a3161a"]').count() >= 1  # the limit line
    assert reading.locator("rect[fill='#1f5fa8']").count() == 4  # an English bar per pair
    assert reading.locator("rect[fill='#b3541e']").count() == 4  # and a Spanish one beside it


def test_tables_have_headers(page: Any) -> None:
    missing = page.evaluate(
        """() => Array.from(document.querySelectorAll('table'))
            .filter(t => t.querySelectorAll('thead th[scope=col]').length === 0).length"""
    )
    assert missing == 0
    landmarks = page.evaluate("() => ['header', 'nav', 'main', 'footer'].map(t => document.querySelectorAll(t).length)")
    assert landmarks == [1, 1, 1, 1]
    assert page.locator("h1").count() == 1


def test_text_contrast_meets_wcag_aa(page: Any) -> None:
    page.locator("details.sbs-wrap:not([open]) summary").first.click()
    result = page.evaluate(CONTRAST_JS)
    assert result["checked"] > 200
    assert result["bad"] == []


def test_readable_without_javascript(browser_no_js: Any, fixture_report: Path) -> None:
    page, watch = open_page(browser_no_js, fixture_report)
    try:
        assert page.locator("#filters").is_hidden()
        assert page.locator("noscript").count() == 1
        total = len(findings_json(fixture_report))
        assert len(visible_findings(page)) == total
        assert pair_article(page, "school-denies-iep").locator("tr.row-stale").first.is_visible()
        assert watch.page_errors == [] and watch.requests == [fixture_report.resolve().as_uri()]
    finally:
        page.close()


def test_cached_report_is_the_full_report(browser: Any, fixture_library: Path, tmp_path: Path) -> None:
    """Regression: a report answered from the result cache used to show the findings only."""
    library = tmp_path / "cached"
    shutil.copytree(fixture_library, library)
    first, second = tmp_path / "first.html", tmp_path / "second.html"
    cli("check", "--format", "html", "-o", str(first), cwd=library)
    cli("check", "--format", "html", "-o", str(second), cwd=library)  # answered from the result cache
    assert second.read_bytes() == first.read_bytes()
    page, watch = open_page(browser, second)
    try:
        assert page.locator(".note.cache").count() == 0
        assert page.locator("table.sbs").count() > 0
        assert page.locator("[data-finding]").count() == len(
            json.loads(cli("check", "--format", "json", cwd=library).out)["findings"]
        )
        page.select_option("#filter-severity", "error")
        assert {f["severity"] for f in visible_findings(page)} == {"error"}
        assert_quiet(page, watch, second)
    finally:
        page.close()


def _save(page: Any, name: str, tmp_path: Path, **options: Any) -> None:
    """A screenshot under the pytest tmp dir; copied to docs/screenshots/ only when
    CONTENTLINT_UPDATE_SCREENSHOTS=1, so a test run never edits tracked files."""
    page.screenshot(path=str(tmp_path / name), **options)
    if os.environ.get("CONTENTLINT_UPDATE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(tmp_path / name, SCREENSHOTS / name)


def test_screenshots(browser: Any, fixture_report: Path, tmp_path: Path) -> None:
    page, watch = open_page(browser, fixture_report)
    try:
        page.set_viewport_size({"width": 1280, "height": 1000})
        table = page.locator("#pairs-table").bounding_box()
        assert table is not None
        _save(page, "report-overview.png", tmp_path, full_page=True,
              clip={"x": 0, "y": 0, "width": 1280, "height": table["y"] + table["height"] + 16})
        charts = page.locator("#charts").bounding_box()
        assert charts is not None
        _save(page, "report-charts.png", tmp_path, full_page=True,
              clip={"x": 0, "y": charts["y"] - 8, "width": 1280, "height": charts["height"] + 16})
        details = pair_article(page, "school-denies-iep").locator("details.sbs-wrap")
        box = details.bounding_box()
        rows = details.locator("table.sbs tbody tr")
        last = rows.nth(min(7, rows.count() - 1)).bounding_box()  # the stale rows and a few around them
        assert box is not None and last is not None
        _save(page, "report-side-by-side.png", tmp_path, full_page=True,
              clip={"x": 0, "y": box["y"] - 8, "width": 1280, "height": last["y"] + last["height"] - box["y"] + 16})
        for name in ("report-overview.png", "report-side-by-side.png", "report-charts.png"):
            data = (tmp_path / name).read_bytes()
            assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
        assert_quiet(page, watch, fixture_report)
    finally:
        page.close()


def test_bundled_library_report(browser: Any, tmp_path: Path) -> None:
    """The bundled library (every pair in sync, no findings) renders cleanly too."""
    html_path = report(ROOT, tmp_path / "bundled")
    page, watch = open_page(browser, html_path)
    try:
        pairs = page.locator("#pairs-table tbody tr")
        assert pairs.count() == len(list((ROOT / "content" / "en").glob("*.md")))
        assert page.locator("figure.chart svg").count() == 2
        assert len(visible_findings(page)) == len(findings_json(html_path))
        if findings_json(html_path):
            page.select_option("#filter-lang", "es")
            assert {f["lang"] for f in visible_findings(page)} == {"es"}
        else:
            # A clean library: every pair says it is in sync, and there is nothing to filter.
            assert page.locator("#pairs-table tbody tr", has_text="in sync").count() == pairs.count()
        result = page.evaluate(CONTRAST_JS)
        assert result["bad"] == []
        assert_quiet(page, watch, html_path)
    finally:
        page.close()
