"""The editor's decisions in a real headless Chromium: a publish status per guide
(sorted worst first), the findings on the side-by-side rows, who and when,
search and filters, and the printable view.

The library is the editor fixture marked in sync by a named person, then one
Spanish deadline planted wrong ("60 días" -> "30 días": PR033 on both sides)
and one Spanish review date left old (ST010), in a git repository on a branch.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from report_html_helpers import FIXTURES, HTML_NAME, MARK_ENV, REPORT_ENV, cli, edit, open_page, visible_findings

from contentlint.report import PUBLISH_STATUSES

PLANTED = ("El estado debe decidir en un plazo de 60 días", "El estado debe decidir en un plazo de 30 días")
SPANISH = "content/es/la-escuela-niega-un-iep.md"


def _git(library: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=t@example.org", *args], cwd=library,
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The planted library, committed on branch ``spanish-review``."""
    library = tmp_path_factory.mktemp("report-editor") / "library"
    shutil.copytree(FIXTURES / "library", library)
    cli("sync", "mark", "--all", "--force", "--by", "Ana Gómez", cwd=library, **MARK_ENV)
    edit(library / SPANISH, *PLANTED)
    edit(library / "content/es/notificacion-previa-por-escrito.md", "last_reviewed: 2026-11-20",
         "last_reviewed: 2025-09-01")
    _git(library, "init", "-q", "-b", "spanish-review")
    _git(library, "add", "-A")
    _git(library, "commit", "-q", "-m", "planted")
    return library


@pytest.fixture(scope="module")
def planted_report(planted: Path) -> Path:
    out = planted.parent / "out"
    result = cli("report", "--out", str(out), cwd=planted, **REPORT_ENV)
    assert f"wrote {out / HTML_NAME}" in result.out
    return out / HTML_NAME


@pytest.fixture
def page(browser: Any, planted_report: Path) -> Any:
    opened, watch = open_page(browser, planted_report)
    yield opened
    assert watch.page_errors == [] and watch.console_errors == []
    assert watch.requests == [planted_report.resolve().as_uri()]
    opened.close()


def overview(page: Any) -> list[dict[str, str]]:
    """The overview rows in page order: guide id, publish status, the row's text."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('#pairs-table tbody tr')).map(tr => ({
              guide: tr.dataset.guide, status: tr.dataset.status, text: tr.innerText,
              first: tr.cells[0].innerText, hidden: tr.hidden}))"""
    )


def test_the_planted_deadline_needs_fixes_and_the_review_date_needs_review(page: Any) -> None:
    rows = {row["guide"]: row for row in overview(page)}
    assert rows["school-denies-iep"]["first"] == "Needs fixes"  # the status is the first column
    assert rows["prior-written-notice"]["first"] == "Needs review"
    # A pair with an error never shows a green "in sync" or "all aligned".
    planted = page.locator('#pairs-table tr[data-guide="school-denies-iep"] td')
    sync, blocks = planted.nth(4), planted.nth(5)
    assert sync.inner_text() == "in sync" and blocks.inner_text() == "all 20 aligned"
    assert sync.locator(".st-ok").count() == 0 and blocks.locator(".st-ok").count() == 0
    # Four pairs and a guide without its Spanish; none ready.
    line = page.locator("#readiness .ready-line").inner_text()
    assert line.startswith("0 of 5 guides ready to publish")
    assert "Needs fixes: 3" in line and "Needs translation: 1" in line and "Needs review: 1" in line
    assert "fail level (error)" in page.locator("#readiness .policy").inner_text()


def test_overview_is_sorted_worst_first(page: Any, planted_report: Path) -> None:
    rows = overview(page)
    order = [PUBLISH_STATUSES.index(row["status"]) for row in rows]
    assert order == sorted(order)
    assert rows[-1]["guide"] == "prior-written-notice"
    # Among the pairs that need fixes, the one with the most errors comes first.
    errors = [int(page.locator(f'#pairs-table tr[data-guide="{row["guide"]}"] td').nth(1).inner_text())
              for row in rows if row["status"] == "fixes"]
    assert errors == sorted(errors, reverse=True) and errors[0] > errors[-1]
    # The pair sections follow the same order.
    sections = page.evaluate("() => Array.from(document.querySelectorAll('article.guide')).map(a => a.dataset.guide)")
    assert sections == [row["guide"] for row in rows]


def test_the_side_by_side_opens_and_marks_the_step_red_on_both_sides(page: Any) -> None:
    article = page.locator('article[data-guide="school-denies-iep"]')
    table = article.locator("details.sbs-wrap table.sbs")
    assert table.is_visible()  # opened by itself: the pair has a pair finding
    row = table.locator("tr.row-error")
    assert row.count() == 1
    en, es, status = (row.locator("td").nth(i) for i in range(3))
    assert "step 4" in en.inner_text() and "step 4" in es.inner_text()
    assert "cell-error" in en.get_attribute("class") and "cell-error" in es.get_attribute("class")
    # The differing values are marked in the running text, on each side.
    assert en.locator("mark.hl-error").all_inner_texts() == ["60 days"]
    assert es.locator("mark.hl-error").all_inner_texts() == ["30 días"]
    red = page.evaluate("el => getComputedStyle(el).backgroundColor", es.element_handle())
    assert red == "rgb(253, 232, 232)"
    # The finding is on the row: severity, code, message; and no green "aligned".
    finding = status.locator('[data-row-finding="error"]')
    assert "PR033" in finding.inner_text() and "Spanish has “30 días”" in finding.inner_text()
    assert status.get_by_text("aligned", exact=True).count() == 0
    # Rows without findings still say "aligned" in green.
    assert table.locator("tr:not(.row-error) .badge.st-ok", has_text="aligned").count() >= 10


def test_hard_sentences_are_marked_in_the_running_text(page: Any) -> None:
    article = page.locator('article[data-guide="procedural-safeguards"]')
    article.locator("details.sbs-wrap summary").click()
    marked = article.locator("table.sbs mark.hl").all_inner_texts()
    assert any(text.startswith("The procedural safeguards notice comprehensively") and text.endswith("proceedings.")
               for text in marked), marked


def test_who_and_when(page: Any, planted: Path) -> None:
    header = page.locator("header.page-header").inner_text()
    assert "generated November 30, 2026, 00:53 UTC" in header
    assert f"commit {_git(planted, 'rev-parse', '--short=12', 'HEAD')}" in header
    assert "branch spanish-review" in header
    article = page.locator('article[data-guide="school-denies-iep"]')
    facts = article.locator("dl.facts").inner_text()
    assert "confirmed by Ana Gómez on May 28, 2026, 20:26 UTC" in facts
    assert "2026-05-28T" not in facts  # in words, not an ISO stamp
    assert "EN November 20, 2026 · ES November 20, 2026" in facts  # updated and last reviewed
    reviewed = page.locator('article[data-guide="prior-written-notice"] dl.facts').inner_text()
    assert "ES September 1, 2025" in reviewed


def test_the_pull_request_is_in_the_header_under_ci(browser: Any, planted: Path, tmp_path: Path) -> None:
    env = {**REPORT_ENV, "GITHUB_REF": "refs/pull/42/merge", "GITHUB_HEAD_REF": "fix-deadlines",
           "GITHUB_SHA": "0123456789abcdef0123"}
    cli("report", "--out", str(tmp_path), cwd=planted, **env)
    page, _watch = open_page(browser, tmp_path / HTML_NAME)
    try:
        header = page.locator("header.page-header").inner_text()
        assert "pull request #42" in header and "branch fix-deadlines" in header and "commit 0123456789ab" in header
    finally:
        page.close()


def test_search_filters_the_overview_and_the_findings(page: Any) -> None:
    page.fill("#filter-q", "garantías")  # a Spanish title
    visible = [row["guide"] for row in overview(page) if not row["hidden"]]
    assert visible == ["procedural-safeguards"]
    assert page.locator('article[data-guide="school-denies-iep"]').is_hidden()
    page.fill("#filter-q", "durations differ")  # a finding's message
    assert [row["guide"] for row in overview(page) if not row["hidden"]] == ["school-denies-iep"]
    assert {f["rule"] for f in visible_findings(page)} == {"PR033"}
    page.fill("#filter-q", "content/en/request-school")  # a path
    assert [row["guide"] for row in overview(page) if not row["hidden"]] == ["request-school-records"]
    page.fill("#filter-q", "")
    assert not any(row["hidden"] for row in overview(page))


def test_status_and_guide_filters(page: Any) -> None:
    page.select_option("#filter-status-select", "review")
    assert [row["guide"] for row in overview(page) if not row["hidden"]] == ["prior-written-notice"]
    assert {f["rule"] for f in visible_findings(page)} <= {"ST010", "RD002", "RD001", "RD003"}
    assert "ST010" in {f["rule"] for f in visible_findings(page)}
    page.select_option("#filter-status-select", "")
    page.select_option("#filter-guide", "request-school-records")
    assert [row["guide"] for row in overview(page) if not row["hidden"]] == ["request-school-records"]
    page.select_option("#filter-lang", "es")
    assert visible_findings(page) and {f["lang"] for f in visible_findings(page)} == {"es"}


def test_printable_view_one_guide_per_page(page: Any, tmp_path: Path) -> None:
    page.emulate_media(media="print")
    breaks = page.evaluate(
        "() => Array.from(document.querySelectorAll('article.guide')).map(a => getComputedStyle(a).breakBefore)")
    assert breaks == ["page"] * 4
    assert page.locator("#filters").is_hidden() and page.locator("#charts").is_hidden()
    # Every side-by-side is printed, also those the screen shows closed.
    closed = page.locator('article[data-guide="prior-written-notice"] details.sbs-wrap')
    assert closed.get_attribute("open") is None
    assert closed.locator("table.sbs").is_visible()
    pdf = page.pdf(path=str(tmp_path / "report.pdf"), format="Letter")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert pages >= 5  # the overview, then at least one page per guide pair
