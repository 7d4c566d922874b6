"""One answer whatever the path: plain, parallel and cached runs print the same bytes.

Also the regression tests of three bugs of the shared state between rules
(issue 13): a run-level finding repeated per worker process, a reduced HTML
page when answered from the result cache, and a cached detail shown in the
wrong UI language.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from clitools import ROOT, run_process

FORMATS = ("text", "json", "sarif", "github", "junit", "summary", "html")
REPORT_FILES = ("contentlint.json", "contentlint.sarif", "contentlint.junit.xml", "contentlint-summary.md",
                "contentlint-report.html", "translation-status.json")


def _generator():
    spec = importlib.util.spec_from_file_location("generate_library", ROOT / "benchmarks/generate_library.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _bundled(tmp_path: Path) -> Path:
    root = tmp_path / "bundled"
    shutil.copytree(ROOT / "content", root / "content")
    (root / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n', encoding="utf-8")
    return root


def _outputs(root: Path, *options: str) -> dict[str, bytes]:
    """Every format of one kind of run: ``check`` per format and ``report`` for the files."""
    out: dict[str, bytes] = {}
    for fmt in FORMATS:
        done = run_process(["check", *options, "--format", fmt], cwd=root, timeout=300)
        assert done.code in (0, 1), done.err
        out[fmt] = done.out.encode("utf-8")
    folder = root / f"reports-{'-'.join(o.strip('-') for o in options) or 'cached'}"
    # The report's header says when it was made: the same moment for every kind of run.
    done = run_process(["report", *options, "--out", str(folder)], cwd=root, timeout=300,
                       SOURCE_DATE_EPOCH="1796000000")
    assert done.code in (0, 1), done.err
    for name in REPORT_FILES:
        out[name] = (folder / name).read_bytes()
    return out


def _assert_same(expected: dict[str, bytes], actual: dict[str, bytes], label: str) -> None:
    for key, value in expected.items():
        assert actual[key] == value, f"{label}: {key} differs"


@pytest.mark.parametrize("library", ["bundled", "generated-200"])
def test_every_format_is_byte_identical_cached_parallel_and_plain(tmp_path: Path, library: str) -> None:
    # The generated library has seeded defects.
    root = _bundled(tmp_path) if library == "bundled" else _generator().generate(tmp_path / "lib", 200, 0.1, 7)
    plain = _outputs(root, "--no-cache")
    assert b'"findings": []' not in plain["json"] or library == "bundled"
    _assert_same(plain, _outputs(root, "--no-cache", "--jobs", "2"), "--jobs 2")
    _assert_same(plain, _outputs(root), "cold cache")
    _assert_same(plain, _outputs(root), "warm cache")
    # One guide edited and edited back: every target comes from the per-target cache.
    guide = sorted((root / "content" / "en").glob("*.md"))[0]
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text + "\nAn added closing line.\n", encoding="utf-8")
    run_process(["check", "--format", "json"], cwd=root)
    guide.write_text(text, encoding="utf-8")
    _assert_same(plain, _outputs(root), "target cache")


def test_a_missing_baseline_is_reported_once_per_run(tmp_path: Path) -> None:
    """Regression: the "one error per run" lived in each worker's memo (3 errors with --jobs 3)."""
    root = _bundled(tmp_path)
    (root / "pyproject.toml").write_text(
        '[tool.contentlint]\ncontent = "content"\n[tool.contentlint.rules.RD005]\nbaseline = "missing.json"\n',
        encoding="utf-8",
    )

    def baseline_errors(*options: str) -> int:
        done = run_process(["check", *options, "--select", "RD", "--format", "json"], cwd=root)
        found = json.loads(done.out)["findings"]
        return sum(1 for f in found if "baseline cannot be used" in f["message"])

    assert baseline_errors("--no-cache", "--jobs", "1") == 1
    assert baseline_errors("--no-cache", "--jobs", "3") == 1
    assert baseline_errors() == 1
    guide = root / "content/en/prior-written-notice.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    assert baseline_errors() == 1  # most targets from the cache, one re-checked
    assert baseline_errors("--jobs", "3") == 1


def test_a_cached_html_report_is_the_full_report(tmp_path: Path) -> None:
    """Regression: ``check --format html`` answered from the result cache showed findings only."""
    root = _bundled(tmp_path)
    first = run_process(["check", "--format", "html"], cwd=root).out
    second = run_process(["check", "--format", "html"], cwd=root).out
    assert "English and Spanish side by side" in first
    assert second == first


def test_a_cached_detail_follows_the_ui_language(tmp_path: Path) -> None:
    """Regression: a stale block's detail label stayed English when the run came from the cache."""
    root = _bundled(tmp_path)
    guide = root / "content/en/prior-written-notice.md"
    text = guide.read_text(encoding="utf-8")
    edited = text.replace("It explains a decision about", "It explains a choice about", 1)
    assert edited != text
    guide.write_text(edited, encoding="utf-8")
    spanish = "content/es/notificacion-previa-por-escrito.md"
    english = run_process(["check", spanish], cwd=root)
    assert "English since the sync:" in english.out
    cached = run_process(["check", spanish, "--ui-lang", "es"], cwd=root)
    fresh = run_process(["check", spanish, "--ui-lang", "es", "--no-cache"], cwd=root)
    assert "inglés desde la sincronización:" in fresh.out
    assert cached.out == fresh.out
