"""The HTML reporter without a browser (except for the Spanish page): the safe
builder, the CSP hashes, determinism, registration and the UI language."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from report_html_helpers import HTML_NAME, build_library, open_page, report

from contentlint.findings import Finding, Location, Severity
from contentlint.report import Report, RuleInfo
from contentlint.reporters import REPORT_FILES, REPORTERS, get_reporter
from contentlint.reporters.html.assets import CSS, SCRIPT, content_security_policy
from contentlint.reporters.html.page import esc, h, render_diff, render_text


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_registered() -> None:
    from contentlint.cli.app import FORMATS

    assert REPORTERS["html"] == "contentlint.reporters.html.page"
    assert REPORT_FILES["html"] == HTML_NAME
    assert "html" in FORMATS
    assert get_reporter("html") is not None


def test_builder_escapes_text_and_attributes() -> None:
    payload = '"><script>alert(1)</script>\'&'
    out = h("p", {"title": payload, "data-x": payload}, payload)
    assert "<script>" not in out
    assert out.count("&quot;") == 3 and out.count("&#x27;") == 3
    assert esc("<b>") == "&lt;b&gt;"


@pytest.mark.parametrize("name", ["onclick", "ONERROR", "onmouseover", 'x" onclick="a'])
def test_builder_refuses_event_handlers(name: str) -> None:
    with pytest.raises(ValueError):
        h("p", {name: "x"})


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "https://example.org", "../en/x.md", "#a b", "data:text/html,x"],
)
def test_builder_refuses_content_links(href: str) -> None:
    with pytest.raises(ValueError):
        h("a", {"href": href}, "x")


def test_builder_allows_page_fragments() -> None:
    assert h("a", {"href": "#guide-1-x"}, "x") == '<a href="#guide-1-x">x</a>'


def test_word_diff_markup() -> None:
    out = render_diff("within [-60-] {+30+} days <script>")
    assert '<del><span class="mark">[-</span>60<span class="mark">-]</span></del>' in out
    assert "<ins>" in out and out.endswith("days &lt;script&gt;")


def test_csp_hashes_match_the_inline_style_and_script(fixture_report: Path) -> None:
    text = fixture_report.read_text(encoding="utf-8")
    style = re.search(r"<style>(.*?)</style>", text, re.DOTALL)
    script = re.search(r"<script>(.*?)</script>", text, re.DOTALL)
    assert style is not None and script is not None
    assert style.group(1) == CSS and script.group(1) == SCRIPT
    policy = content_security_policy()
    assert policy == (
        f"default-src 'none'; style-src {_sha(CSS)}; script-src {_sha(SCRIPT)}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    assert policy.replace("'", "&#x27;") in text
    # The CSP comes before anything it governs.
    assert text.index("Content-Security-Policy") < text.index("<style>") < text.index("<script>")


def test_two_runs_are_byte_identical(fixture_library: Path, fixture_report: Path, tmp_path: Path) -> None:
    again = report(fixture_library, tmp_path / "again")
    assert again.read_bytes() == fixture_report.read_bytes()


def test_a_fresh_copy_gives_the_same_bytes(tmp_path: Path, fixture_report: Path) -> None:
    """Another folder, new sync marks (same SOURCE_DATE_EPOCH): still the same page."""
    library = build_library(tmp_path / "library")
    assert report(library, tmp_path / "out").read_bytes() == fixture_report.read_bytes()


def _run_in_process(library: Path, monkeypatch: pytest.MonkeyPatch) -> Report:
    from contentlint.pipeline.run import run_check
    from contentlint.pipeline.selection import load_resolved as load_config

    monkeypatch.chdir(library)
    return run_check([], load_config(library), views=True)


def test_generated_stamp_only_when_given(fixture_library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _run_in_process(fixture_library, monkeypatch)
    plain = render_text(result, {})
    stamped = render_text(result, {"generated": "2026-12-01T10:00:00Z"})
    # In words, never the raw ISO stamp.
    assert "generated December 1, 2026, 10:00 UTC" in stamped and 'class="gen-time"' not in plain
    assert "2026-12-01T10:00:00Z" not in stamped
    assert render_text(result, {}) == plain


def test_spanish_ui(browser: Any, fixture_library: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    result = _run_in_process(fixture_library, monkeypatch)
    text = render_text(result, {"ui_lang": "es"})
    assert text.startswith('<!DOCTYPE html>\n<html lang="es"')
    assert render_text(result, {"ui_lang": "es"}) == text
    assert render_text(result, {"ui_lang": "fr"}).startswith('<!DOCTYPE html>\n<html lang="en"')
    # Publish statuses, who and when, in Spanish words.
    stamped = render_text(result, {"ui_lang": "es", "generated": "2026-12-01T10:00:00Z"})
    assert "generado el 1 de diciembre de 2026, 10:00 UTC" in stamped
    assert "confirmado por Ana Gómez el 28 de mayo de 2026, 20:26 UTC" in stamped
    assert "Necesita correcciones" in stamped and "guías listas para publicar" in stamped
    path = tmp_path / "es.html"
    path.write_text(text, encoding="utf-8")
    page, watch = open_page(browser, path)
    try:
        assert page.evaluate("() => document.documentElement.lang") == "es"
        # Content keeps its own language whatever the UI language is.
        assert page.locator('table.sbs .blk-text[lang="en"]').count() > 20
        assert page.locator('table.sbs .blk-text[lang="es"]').count() > 20
        page.select_option("#filter-severity", "error")
        assert page.locator('[data-finding][data-severity="warning"]').first.is_hidden()
        assert watch.page_errors == [] and watch.console_errors == []
        assert watch.requests == [path.resolve().as_uri()]
    finally:
        page.close()


def test_findings_only_report_without_library() -> None:
    finding = Finding("SC005", "unknown-field", Severity.ERROR, "unknown key 'x'", Location("content/en/a.md", 3, 1))
    rules = [RuleInfo("SC005", "unknown-field", "A key the schema does not know.", Severity.ERROR, "doc")]
    text = render_text(Report([finding], ["content/en/a.md"], rules, None, from_cache=True), {})
    assert "result cache" in text
    assert "content/en/a.md:3:1" in text
    assert 'class="sbs' not in text and 'id="charts"' not in text


def test_empty_report() -> None:
    text = render_text(Report([], [], [], None), {})
    assert "No rule reported anything." in text
    assert 'id="filters"' not in text


def test_cli_check_format_html(fixture_library: Path, tmp_path: Path) -> None:
    from report_html_helpers import cli

    library = tmp_path / "lib"
    shutil.copytree(fixture_library, library)
    out = tmp_path / "check.html"
    cli("check", "--no-cache", "--format", "html", "-o", str(out), cwd=library)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
