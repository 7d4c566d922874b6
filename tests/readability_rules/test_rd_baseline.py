"""RD005 readability-regression: a baseline file (written by the script) or a git ref."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rd_helpers import check, fixture, fixtures, project

from clitools import ROOT

SCRIPT = ROOT / "scripts" / "readability_baseline.py"
BASELINE = "[tool.contentlint.rules.RD005]\nbaseline = \"reports/readability-baseline.json\"\n"

EN_OLD = "The school must respond to your request without unnecessary delay."
EN_NEW = (
    "The educational agency must respond comprehensively to your independent evaluation "
    "request without unnecessary administrative delay."
)
ES_OLD = "La escuela debe responder a su solicitud sin demoras innecesarias."
ES_NEW = (
    "La agencia educativa deberá responder exhaustivamente a su solicitud de evaluación "
    "independiente sin demoras administrativas innecesarias."
)


def _script():
    spec = importlib.util.spec_from_file_location("readability_baseline_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write_baseline(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> dict:
    monkeypatch.chdir(root)
    assert _script().main(list(args)) == 0
    return json.loads((root / "reports/readability-baseline.json").read_text(encoding="utf-8"))


def _edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / "content" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_script_writes_the_scores_of_every_guide(tmp_path) -> None:
    root = fixtures(tmp_path, "en/middling.md", "es/intermedia.md", config=BASELINE)
    done = subprocess.run([sys.executable, str(SCRIPT)], cwd=root, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("wrote 2 guides to ")
    data = json.loads((root / "reports/readability-baseline.json").read_text(encoding="utf-8"))
    assert data["format"] == 1 and data["settings"] == {"include_headings": False}
    en = data["guides"]["content/en/middling.md"]
    es = data["guides"]["content/es/intermedia.md"]
    assert (en["lang"], en["words"], en["sentences"], en["grade"]) == ("en", 102, 9, 7.46)
    assert (es["lang"], es["words"], es["id"], es["inflesz"]) == ("es", 104, "middling-guide", 61.69)
    assert es["grade"] == pytest.approx(6 + (65 - 61.69) / 5, abs=0.01)


def test_unchanged_content_passes_and_a_harder_edit_is_reported(cli, tmp_path, monkeypatch) -> None:
    root = fixtures(tmp_path, "en/middling.md", "es/intermedia.md", "en/plain.md", config=BASELINE)
    _write_baseline(root, monkeypatch)
    assert check(cli, root, "RD005") == (0, [])
    _edit(root, "en/middling.md", EN_OLD, EN_NEW)
    _edit(root, "es/intermedia.md", ES_OLD, ES_NEW)
    code, found = check(cli, root, "RD005")
    assert code == 0  # warnings
    rows = [(f.code, f.file, f.line, f.column, f.severity, f.message) for f in found]
    assert rows == [
        ("RD005", "en/middling.md", 5, 8, "warning",
         "grade 7.5 to 9.7 since reports/readability-baseline.json (+2.2, more than the 1 allowed)"),
        ("RD005", "es/intermedia.md", 5, 8, "warning",
         ("INFLESZ 61.7 to 52.5 since reports/readability-baseline.json (-9.2, more than the 5 allowed; "
         "grade 6.7 to 8.5 on the English scale)")),
    ]
    assert found[0].hint.startswith("Find the sentences this change made longer or harder")
    # the new sentence: 15 words, 44 syllables: 0.39 * 15 + 11.8 * 44 / 15 - 15.59 = 24.9
    assert "line 16: grade 24.9, 15 words: The educational agency must respond" in found[0].detail


def test_small_changes_and_easier_text_pass(cli, tmp_path, monkeypatch) -> None:
    root = fixtures(tmp_path, "en/middling.md", "es/intermedia.md", config=BASELINE)
    _write_baseline(root, monkeypatch)
    _edit(root, "en/middling.md", EN_OLD, EN_NEW)
    _edit(root, "es/intermedia.md", ES_OLD, "Pida ayuda si la necesita.")
    config = BASELINE + "max-grade-increase-en = 2.2\n"
    (root / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n' + config, encoding="utf-8")
    assert check(cli, root, "RD005") == (0, [])  # +2.2 is allowed; Spanish got easier


def test_a_renamed_guide_is_found_by_id(cli, tmp_path, monkeypatch) -> None:
    root = fixtures(tmp_path, "en/middling.md", config=BASELINE)
    _write_baseline(root, monkeypatch)
    (root / "content/en/middling.md").rename(root / "content/en/evaluations.md")
    _edit(root, "en/evaluations.md", EN_OLD, EN_NEW)
    _, found = check(cli, root, "RD005")
    assert [(f.file, f.message.split(" since")[0]) for f in found] == [("en/evaluations.md", "grade 7.5 to 9.7")]


def test_new_and_short_guides_are_not_compared(cli, tmp_path, monkeypatch) -> None:
    root = fixtures(tmp_path, "en/plain.md", config=BASELINE)
    _write_baseline(root, monkeypatch)
    (root / "content/en/dense.md").write_text(fixture("en/dense.md"), encoding="utf-8")  # new since the baseline
    assert check(cli, root, "RD005") == (0, [])


def test_a_missing_baseline_is_one_error(cli, tmp_path) -> None:
    root = fixtures(tmp_path, "en/plain.md", "en/middling.md", config=BASELINE)
    code, found = check(cli, root, "RD005,RD006")
    assert code == 1
    assert [(f.code, f.file, f.line, f.severity, f.message) for f in found] == [
        ("RD006", "en/middling.md", 5, "error",
         ("readability baseline cannot be used, no guide was compared: "
         "baseline reports/readability-baseline.json not found")),
    ]
    assert "scripts/readability_baseline.py" in found[0].hint


def test_a_baseline_written_with_other_settings_is_refused(cli, tmp_path, monkeypatch) -> None:
    root = fixtures(tmp_path, "en/middling.md", config=BASELINE)
    _write_baseline(root, monkeypatch)
    (root / "pyproject.toml").write_text(
        '[tool.contentlint]\ncontent = "content"\n' + BASELINE + "include-headings = true\n", encoding="utf-8"
    )
    _, found = check(cli, root, "RD005,RD006")
    assert [f.message.split(": ", 1)[1] for f in found] == [
        ("reports/readability-baseline.json was written with include-headings = false, "
        "but RD005 uses true; rewrite the baseline")
    ]


def test_no_baseline_option_means_no_check(cli, tmp_path) -> None:
    assert check(cli, fixtures(tmp_path, "en/dense.md"), "RD005") == (0, [])


# ---------------------------------------------------------------- git:REF

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=root, capture_output=True, text=True, check=True,
    )
    return done.stdout


def _repository(tmp_path: Path, config: str) -> Path:
    (tmp_path / "repo").mkdir()
    root = fixtures(tmp_path / "repo", "en/middling.md", "es/intermedia.md", "en/plain.md", config=config)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "guides")
    return root


@needs_git
def test_git_ref_baseline(cli, tmp_path) -> None:
    root = _repository(tmp_path, "[tool.contentlint.rules.RD005]\nbaseline = \"git:HEAD\"\n")
    assert check(cli, root, "RD005") == (0, [])
    _edit(root, "en/middling.md", EN_OLD, EN_NEW)
    _edit(root, "es/intermedia.md", ES_OLD, ES_NEW)
    (root / "content/en/dense.md").write_text(fixture("en/dense.md"), encoding="utf-8")  # untracked: new
    _, found = check(cli, root, "RD005")
    assert [(f.file, f.line, f.message) for f in found] == [
        ("en/middling.md", 5, "grade 7.5 to 9.7 since git:HEAD (+2.2, more than the 1 allowed)"),
        ("es/intermedia.md", 5,
         "INFLESZ 61.7 to 52.5 since git:HEAD (-9.2, more than the 5 allowed; grade 6.7 to 8.5 on the English scale)"),
    ]
    # Once committed, HEAD is the new baseline; the previous commit still reports it.
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "harder")
    assert check(cli, root, "RD005") == (0, [])
    (root / "pyproject.toml").write_text(
        '[tool.contentlint]\ncontent = "content"\n[tool.contentlint.rules.RD005]\nbaseline = "git:HEAD~1"\n',
        encoding="utf-8",
    )
    assert [f.message.split(" since")[0] for f in check(cli, root, "RD005")[1]] == [
        "grade 7.5 to 9.7", "INFLESZ 61.7 to 52.5",
    ]


@needs_git
def test_an_unknown_git_ref_is_one_error(cli, tmp_path) -> None:
    root = _repository(tmp_path, "[tool.contentlint.rules.RD005]\nbaseline = \"git:no-such-branch\"\n")
    code, found = check(cli, root, "RD005,RD006")
    assert code == 1 and len(found) == 1
    assert found[0].message.endswith("baseline git:no-such-branch: no such commit (fetch it first, e.g. git fetch origin main)")


def test_git_ref_outside_a_repository_is_one_error(cli, tmp_path) -> None:
    root = project(tmp_path, {"en/middling.md": fixture("en/middling.md")},
                   "[tool.contentlint.rules.RD005]\nbaseline = \"git:HEAD\"\n")
    if shutil.which("git") is not None:
        probe = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=root, capture_output=True, check=False)
        if probe.returncode == 0:
            pytest.skip("the temporary folder is inside a git repository")
    code, found = check(cli, root, "RD005,RD006")
    assert code == 1 and [f.severity for f in found] == ["error"]
    assert "readability baseline cannot be used" in found[0].message
