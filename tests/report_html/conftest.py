"""Fixtures of the HTML report tests: one headless Chromium per module, and the
reports of the fixture libraries built once per module through the real CLI."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_html_helpers import CHROMIUM, CHROMIUM_ARGS, build_library, report


def _launch(playwright: Any, user_data: str, **options: Any) -> Any:
    return playwright.chromium.launch_persistent_context(
        user_data,
        executable_path=str(CHROMIUM),
        headless=True,
        args=CHROMIUM_ARGS,
        viewport={"width": 1280, "height": 900},
        **options,
    )


@pytest.fixture(scope="module")
def playwright_instance() -> Iterator[Any]:
    """Playwright driving Debian's chromium (skipped when it is not installed)."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (never `playwright install`)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="module")
def browser(playwright_instance: Any) -> Iterator[Any]:
    """One browser (context) per module, with a fresh temporary profile."""
    with tempfile.TemporaryDirectory(prefix="contentlint-chromium-") as user_data:
        context = _launch(playwright_instance, user_data)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="module")
def browser_no_js(playwright_instance: Any) -> Iterator[Any]:
    """The same browser with JavaScript turned off."""
    with tempfile.TemporaryDirectory(prefix="contentlint-chromium-nojs-") as user_data:
        context = _launch(playwright_instance, user_data, java_script_enabled=False)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="module")
def fixture_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The editor fixture library, marked in sync and then edited."""
    return build_library(tmp_path_factory.mktemp("report-html") / "library")


@pytest.fixture(scope="module")
def fixture_report(fixture_library: Path) -> Path:
    """The HTML report of the fixture library (written by `contentlint report`)."""
    return report(fixture_library, fixture_library.parent / "out")
