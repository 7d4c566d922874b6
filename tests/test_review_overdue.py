"""ST010 review-overdue: a guide whose `last_reviewed` is older than the review period."""

from __future__ import annotations

from pathlib import Path

import pytest

from clitools import CliRunner, guide_text, write_project

# "Today" is November 30, 2026.
TODAY = "1796000000"


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY)
    monkeypatch.setenv("CONTENTLINT_NO_CACHE", "1")


def _review(cli: CliRunner, root: Path, *args: str) -> list[dict[str, object]]:
    result = cli("check", "--format", "json", "--select", "ST010", *args, cwd=root)
    assert result.code in (0, 1), result.err
    return result.findings()


def _project(tmp_path: Path, last_reviewed: str, config: str = "") -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    return write_project(tmp_path, {
        "content/en/sample-guide.md": guide_text(last_reviewed=last_reviewed, awaiting_translation="true"),
    }, config)


def test_a_guide_reviewed_13_months_ago_is_reported_at_its_date(cli: CliRunner, tmp_path: Path) -> None:
    findings = _review(cli, _project(tmp_path, "2025-10-15"))
    assert [(f["code"], f["path"], f["line"], f["column"], f["severity"]) for f in findings] == [
        ("ST010", "content/en/sample-guide.md", 9, 16, "warning")
    ]
    assert findings[0]["message"] == (
        "last reviewed on 2025-10-15, 13 months ago (the review period is 12 months)"
    )
    assert "set last_reviewed" in str(findings[0]["hint"])


@pytest.mark.parametrize("date", ["2025-11-30", "2026-06-01", "2026-11-30", "2027-01-01"])
def test_within_the_period_is_silent(cli: CliRunner, tmp_path: Path, date: str) -> None:
    # Exactly 12 months, recent, today, and a date in the future are not overdue.
    assert _review(cli, _project(tmp_path, date)) == []


def test_the_period_is_configurable(cli: CliRunner, tmp_path: Path) -> None:
    config = "\n[tool.contentlint.rules.review-overdue]\nmax-age-months = 24\n"
    assert _review(cli, _project(tmp_path, "2025-01-15", config)) == []
    assert len(_review(cli, _project(tmp_path / "six", "2026-04-15", config.replace("24", "6")))) == 1


def test_an_invalid_date_is_left_to_the_schema_rules(cli: CliRunner, tmp_path: Path) -> None:
    root = _project(tmp_path, "2025-02-30")
    assert _review(cli, root) == []
    result = cli("check", "--format", "json", cwd=root)
    assert "SC008" in result.codes() and "ST010" not in result.codes()


def test_the_bundled_library_is_within_its_review_period(cli: CliRunner) -> None:
    from clitools import ROOT

    assert _review(cli, ROOT) == []
