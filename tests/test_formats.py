"""Golden files of every output format on one fixture library; SARIF against its schema.

Regenerate after an intended change with: CONTENTLINT_UPDATE_GOLDEN=1 pytest tests/test_formats.py
"""

from __future__ import annotations

import json
import os

import pytest

from clitools import FIXTURES, ROOT

LIBRARY = FIXTURES / "report-library"
GOLDEN = ROOT / "tests" / "golden"
SELECT = ("--select", "SC,ST,FC,CL")
FORMATS = {
    "text": "check.full.txt",  # the default: each finding with its source line
    "concise": "check.txt",
    "json": "check.json",
    "sarif": "check.sarif",
    "github": "check.github.txt",
    "junit": "check.junit.xml",
    "summary": "check.summary.md",
}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_format_matches_golden_file(cli, fmt, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    result = cli("check", *SELECT, "--format", fmt, cwd=LIBRARY)
    assert result.code == 1
    golden = GOLDEN / FORMATS[fmt]
    if os.environ.get("CONTENTLINT_UPDATE_GOLDEN"):
        golden.write_text(result.out, encoding="utf-8")
    assert result.out == golden.read_text(encoding="utf-8")


def test_sarif_is_valid_against_the_official_schema(cli):
    import jsonschema

    schema = json.loads((ROOT / "tests/data/sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    log = json.loads(cli("check", *SELECT, "--format", "sarif", cwd=LIBRARY).out)
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert {r["ruleId"] for r in results} <= {r["id"] for r in rules}
    assert all(r["helpUri"] and r["help"]["text"] for r in rules)
    related = [r for r in results if r.get("relatedLocations")]
    assert related, "findings with a counterpart carry it as a related location"
    prints = [r["partialFingerprints"]["contentlint/v1"] for r in results]
    assert len(set(prints)) == len(prints)


def test_sarif_fingerprints_survive_line_shifts(cli, tmp_path):
    import shutil

    shutil.copytree(LIBRARY, tmp_path / "lib")
    before = json.loads(cli("check", *SELECT, "--format", "sarif", cwd=tmp_path / "lib").out)
    guide = tmp_path / "lib/content/en/broken-guide.md"
    guide.write_text(guide.read_text().replace("## Steps", "A new paragraph.\n\n## Steps"))
    after = json.loads(cli("check", *SELECT, "--format", "sarif", cwd=tmp_path / "lib").out)

    def prints(log):
        return {r["partialFingerprints"]["contentlint/v1"] for r in log["runs"][0]["results"]}

    assert prints(before) == prints(after)


def test_github_annotations_respect_the_caps(cli, tmp_path):
    from clitools import guide_text, write_project

    files = {f"content/en/g{i}.md": guide_text(doc_id=f"g{i}", slug=f"g{i}", updated="2026-02-30") for i in range(14)}
    write_project(tmp_path, files)
    result = cli("check", "--select", "SC", "--format", "github", cwd=tmp_path)
    lines = result.out.splitlines()
    assert sum(1 for line in lines if line.startswith("::error ")) == 10
    notice = [line for line in lines if line.startswith("::notice ")]
    assert len(notice) == 1 and "4 more finding(s)" in notice[0]


def test_step_summary_is_written_under_github_actions(cli, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    cli("check", *SELECT, cwd=LIBRARY)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## ❌ contentlint") and "`SC008`" in text


def test_report_command_writes_every_report(cli, tmp_path):
    result = cli("report", *SELECT, "--out", str(tmp_path), cwd=LIBRARY)
    assert result.code == 1
    for name in ("contentlint.json", "contentlint.sarif", "contentlint.junit.xml", "contentlint-summary.md"):
        assert (tmp_path / name).stat().st_size > 0
    assert json.loads((tmp_path / "contentlint.json").read_text())["summary"]["errors"] == 4
