"""Machine-readable metrics: the JSON ``guides`` field and ``translation-status.json``,
validated by the JSON Schemas kept in docs/, with the reading scores equal to the
ones RD001 reports; and reports written with the umask's permissions."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from clitools import FIXTURES, ROOT, CliRunner, run_process

SCHEMA = json.loads((ROOT / "docs" / "json-format.schema.json").read_text(encoding="utf-8"))
STATUS_SCHEMA = json.loads((ROOT / "docs" / "translation-status.schema.json").read_text(encoding="utf-8"))
# RD001 fires on every guide, so each score it computes is in a message.
STRICT_READING = """
[tool.contentlint.rules.RD001]
max-grade-en = 1
target-grade-en = 0.5
min-inflesz-es = 98
target-inflesz-es = 99
min-words = 1
"""
_GRADE = re.compile(r"^reading grade (-?[0-9.]+) is above .*; ([0-9]+) words,")
_INFLESZ = re.compile(r"^INFLESZ (-?[0-9.]+) \(.*; ([0-9]+) words,")


def _library(tmp_path: Path, config: str = "") -> Path:
    """The editor fixture library, marked in sync, then one English fact changed."""
    root = tmp_path / "library"
    shutil.copytree(FIXTURES / "report_html" / "library", root)
    if config:
        with (root / "pyproject.toml").open("a", encoding="utf-8") as handle:
            handle.write(config)
    # --force: the fixture library has a pair with an open error (refused otherwise).
    done = run_process(["sync", "mark", "--all", "--force", "--by", "Ana Gómez"], cwd=root,
                       SOURCE_DATE_EPOCH="1780000000")
    assert done.code == 0, done.err
    english = root / "content" / "en" / "school-denies-iep.md"
    english.write_text(english.read_text(encoding="utf-8").replace("within 60 days", "within 30 days"),
                       encoding="utf-8")
    return root


def _check_json(root: Path) -> dict[str, Any]:
    done = run_process(["check", "--format", "json"], cwd=root)
    assert done.code in (0, 1), done.err
    document: dict[str, Any] = json.loads(done.out)
    jsonschema.validate(document, SCHEMA)
    return document


def _by_path(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {side["path"]: side for guide in document["guides"] for side in (guide["en"], guide["es"]) if side}


def test_the_json_carries_each_guides_metrics(tmp_path: Path) -> None:
    document = _check_json(_library(tmp_path))
    guides = {guide["id"] or guide["en"]["path"]: guide for guide in document["guides"]}
    assert document["policy"] == {"fail_on": "error"}
    stale = guides["school-denies-iep"]
    assert stale["status"] == "fixes"  # the changed fact makes a parity error (PR033) too
    assert stale["sync"]["state"] == "stale" and stale["sync"]["stale_blocks"] == 1
    assert stale["sync"]["confirmed_by"] == "Ana Gómez" and stale["sync"]["synced"] == "2026-05-28T20:26:40Z"
    states = [block["state"] for block in stale["sync"]["blocks"]]
    assert states.count("stale") == 1 and states.count("in_sync") == len(states) - 1
    assert guides["request-school-records"]["status"] == "fixes"  # PR010: a step missing in the Spanish
    assert "missing" in {block["state"] for block in guides["request-school-records"]["sync"]["blocks"]}
    assert guides["prior-written-notice"]["status"] == "ready"
    unpaired = guides["meeting-checklist"]
    assert unpaired["es"] is None and unpaired["sync"] is None and unpaired["status"] in ("translation", "fixes")
    english = stale["en"]
    assert english["updated"] == "2026-11-20" and english["last_reviewed"] == "2026-11-20"
    assert english["words"] > 100 and english["sentences"] > 5
    assert english["reading"]["scale"] == "flesch-kincaid-grade" and english["reading"]["target"] == 6.0
    assert stale["es"]["reading"]["scale"] == "inflesz" and stale["es"]["reading"]["band"]


def test_a_words_only_change_needs_translation(tmp_path: Path) -> None:
    root = _library(tmp_path)
    english = root / "content" / "en" / "prior-written-notice.md"
    text = english.read_text(encoding="utf-8")
    paragraph = next(line for line in text.splitlines() if line.startswith("Prior Written Notice (PWN) is"))
    english.write_text(text.replace(paragraph, paragraph.replace("a letter", "a written letter", 1)),
                       encoding="utf-8")
    guide = next(g for g in _check_json(root)["guides"] if g["id"] == "prior-written-notice")
    assert guide["sync"]["state"] == "stale"
    assert guide["status"] == "translation"


def test_the_reading_scores_are_the_ones_rd001_reports(tmp_path: Path) -> None:
    document = _check_json(_library(tmp_path, STRICT_READING))
    sides = _by_path(document)
    compared = 0
    for finding in document["findings"]:
        if finding["code"] != "RD001":
            continue
        found = _GRADE.match(finding["message"]) or _INFLESZ.match(finding["message"])
        assert found, finding["message"]
        side = sides[finding["path"]]
        assert side["reading"]["value"] == float(found.group(1))
        assert side["words"] == int(found.group(2))
        assert side["reading"]["status"] == "limit"
        compared += 1
    # Every other guide is within even these targets (a very short checklist).
    within = [side for side in sides.values() if side["reading"]["status"] == "ok"]
    assert compared == len(sides) - len(within) >= 8
    assert all(side["reading"]["value"] <= side["reading"]["target"] for side in within)


def test_report_writes_translation_status(tmp_path: Path) -> None:
    root = _library(tmp_path)
    done = run_process(["report", "--out", str(tmp_path / "out")], cwd=root)
    assert done.code in (0, 1), done.err
    assert f"wrote {tmp_path / 'out' / 'translation-status.json'}" in done.out
    status = json.loads((tmp_path / "out" / "translation-status.json").read_text(encoding="utf-8"))
    jsonschema.validate(status, STATUS_SCHEMA)
    by_id = {guide["id"]: guide for guide in status["guides"]}
    assert by_id["school-denies-iep"]["out_of_date"] is True
    assert by_id["school-denies-iep"]["state"] == "out_of_date"
    assert by_id["school-denies-iep"]["es"] == "content/es/la-escuela-niega-un-iep.md"
    assert by_id["prior-written-notice"] | {"synced": None} == {
        "id": "prior-written-notice", "en": "content/en/prior-written-notice.md",
        "es": "content/es/notificacion-previa-por-escrito.md", "state": "in_sync", "out_of_date": False,
        "stale_blocks": 0, "synced": None, "confirmed_by": "Ana Gómez", "en_updated": "2026-11-20",
        "es_updated": "2026-11-20",
    }
    # The JSON report beside it validates too, and agrees.
    report = json.loads((tmp_path / "out" / "contentlint.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, SCHEMA)
    assert {g["id"]: g["sync"]["state"] for g in report["guides"] if g["sync"]}["school-denies-iep"] == "stale"


def test_the_documented_example_validates() -> None:
    text = (ROOT / "docs" / "json-format.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, re.DOTALL)
    assert len(blocks) >= 2
    jsonschema.validate(json.loads(blocks[0]), SCHEMA)
    jsonschema.validate(json.loads(blocks[1]), STATUS_SCHEMA)


def test_bundled_library_guides_are_ready(tmp_path: Path) -> None:
    root = tmp_path / "bundled"
    shutil.copytree(ROOT / "content", root / "content")
    (root / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n', encoding="utf-8")
    document = _check_json(root)
    assert document["guides"] and {guide["status"] for guide in document["guides"]} == {"ready"}
    assert all(g["sync"]["state"] == "synced" for g in document["guides"])


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_reports_follow_the_umask(cli: CliRunner, tmp_path: Path, umask: int, expected: int) -> None:
    root = _library(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "contentlint-report.html").write_text("old", encoding="utf-8")
    os.chmod(out / "contentlint-report.html", 0o600)  # written owner-only by an older version
    previous = os.umask(umask)
    try:
        cli("report", "--out", str(out), cwd=root)
    finally:
        os.umask(previous)
    modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in out.iterdir()}
    assert len(modes) == 6
    assert set(modes.values()) == {expected}, modes


def test_the_readability_trend_against_the_baseline(tmp_path: Path) -> None:
    root = _library(tmp_path, '\n[tool.contentlint.rules.RD005]\nbaseline = "git:HEAD"\n')
    git = ["git", "-c", "user.name=Test", "-c", "user.email=t@example.org"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "baseline"]):
        subprocess.run([*git, *args], cwd=root, check=True, capture_output=True)
    english = root / "content" / "en" / "school-denies-iep.md"
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace(
        "It is hard to hear",
        "It is, notwithstanding the considerable administrative complexity inherent in institutional "
        "determinations, extraordinarily difficult, emotionally and procedurally, to hear", 1), encoding="utf-8")
    document = _check_json(root)
    reading = _by_path(document)["content/en/school-denies-iep.md"]["reading"]
    regression = next(f for f in document["findings"] if f["code"] == "RD005")
    found = re.match(r"grade ([0-9.]+) to ([0-9.]+) since git:HEAD", regression["message"])
    assert found, regression["message"]
    assert reading["baseline"] == {"value": float(found.group(1)), "label": "git:HEAD"}
    assert reading["value"] == float(found.group(2))
    # Unchanged guides have the same score in the baseline; the HTML shows the trend in words.
    same = _by_path(document)["content/en/prior-written-notice.md"]["reading"]
    assert same["baseline"] == {"value": same["value"], "label": "git:HEAD"}
    done = run_process(["report", "--out", str(tmp_path / "out")], cwd=root)
    assert done.code in (0, 1), done.err
    page = (tmp_path / "out" / "contentlint-report.html").read_text(encoding="utf-8")
    assert f"grade {found.group(1)} → {found.group(2)} since git:HEAD" in page


def test_the_fail_level_decides_the_status(tmp_path: Path) -> None:
    root = _library(tmp_path)
    status = {g["id"]: g["status"] for g in _check_json(root)["guides"]}
    assert status["prior-written-notice"] == "ready"  # a warning, below the fail level
    done = run_process(["check", "--format", "json", "--fail-on", "warning"], cwd=root)  # from the result cache
    document = json.loads(done.out)
    jsonschema.validate(document, SCHEMA)
    assert document["policy"] == {"fail_on": "warning"}
    assert {g["id"]: g["status"] for g in document["guides"]}["prior-written-notice"] == "fixes"
