"""Odd rows planted in the caches: every one is a miss, never a result and never a crash.

Each test writes rows straight into the SQLite database or the JSON result
file, then asserts a cached run answers exactly as a ``--no-cache`` run does.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from clitools import guide_text, run_process, write_project

DB = ".contentlint_cache/cache-v1.sqlite"
RESULTS = ".contentlint_cache/results-v2"


def _project(tmp_path: Path) -> Path:
    # An invalid date: SC findings on a file rule, so the targets table holds them.
    return write_project(tmp_path, {"content/en/sample-guide.md": guide_text(updated="2026-02-30")})


def _answer(cli, root: Path, *extra: str) -> tuple[int, list[tuple[str, str, int, str]]]:
    result = cli("check", "--format", "json", *extra, cwd=root)
    return result.code, sorted((f["code"], f["path"], f["line"], f["message"]) for f in result.findings())


def _rows(root: Path, sql: str, *args: object) -> None:
    with sqlite3.connect(root / DB) as connection:
        connection.execute(sql, args)


def _drop_results(root: Path) -> None:
    shutil.rmtree(root / RESULTS, ignore_errors=True)  # the whole-run cache would answer first


def _entries(root: Path) -> list[Path]:
    """The stored runs of the whole-run cache (beside them: the rule tables they share)."""
    return [p for p in (root / RESULTS).glob("*.json") if not p.name.startswith("rules-")]


@pytest.mark.parametrize("value", ["{}", '{"a": 1}', "null", "[1]", "[{}]", '"text"', "[[]]", "[" * 5000])
def test_a_target_row_of_another_shape_is_a_miss(cli, tmp_path, value):
    root = _project(tmp_path)
    expected = _answer(cli, root, "--no-cache")
    assert expected[0] == 1 and expected[1]
    assert _answer(cli, root) == expected  # fills the caches
    _rows(root, "UPDATE targets SET value = ?", value)
    _drop_results(root)
    assert _answer(cli, root) == expected  # before: {} hid every finding ("All clear", exit 0)


def test_a_target_row_of_another_sqlite_type_is_a_miss(cli, tmp_path):
    root = _project(tmp_path)
    expected = _answer(cli, root, "--no-cache")
    _answer(cli, root)
    for value in (b"[]", 7, 1.5):
        _rows(root, "UPDATE targets SET value = ?", value)
        _drop_results(root)
        assert _answer(cli, root) == expected


def _finding_rows(root: Path) -> list[tuple[str, list[dict]]]:
    with sqlite3.connect(root / DB) as connection:
        rows = connection.execute("SELECT key, value FROM targets").fetchall()
    return [(key, json.loads(value)) for key, value in rows if json.loads(value)]


@pytest.mark.parametrize("change", [
    lambda f: f.update(location=["x.md", "1", 1, None, None, ""]),
    lambda f: f.update(location=["x.md", True, 1, None, None, ""]),
    lambda f: f.update(location=[["x.md"], 1, 1, None, None, ""]),
    lambda f: f.update(related={}),
    lambda f: f.update(code=5),
    lambda f: f.update(severity="fatal"),
    lambda f: f.update(message={"t": "{x:>99999999999}", "p": {"x": "a"}}),
    lambda f: f.update(message={"t": "{x:{y}>{y}}", "p": {"x": "a", "y": "99999999"}}),
    lambda f: f.update(message={"t": "{x.__class__}", "p": {"x": "a"}}),
    lambda f: f.update(message={"t": "{x[0]}", "p": {"x": "a"}}),
    lambda f: f.update(message={"t": "{x!a}", "p": {"x": "a"}}),
    lambda f: f.update(message={"t": "{x}", "p": {"x": [1, 2]}}),
    lambda f: f.update(message={"t": "{x}", "p": {}}),
    lambda f: f.update(message={"t": "{x}", "p": {"x": "a"}, "extra": 1}),
    lambda f: f.update(hint=["not", "text"]),
])
def test_a_finding_of_another_shape_or_an_unsafe_template_is_a_miss(cli, tmp_path, change):
    root = _project(tmp_path)
    expected = _answer(cli, root, "--no-cache")
    _answer(cli, root)
    rows = _finding_rows(root)
    assert rows
    for key, findings in rows:
        change(findings[0])
        _rows(root, "UPDATE targets SET value = ? WHERE key = ?", json.dumps(findings), key)
    _drop_results(root)
    started = time.monotonic()
    assert _answer(cli, root) == expected
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("value", ["text", 2**63 - 1, 1.5, -4, None, b"\x00"])
def test_an_odd_run_counter_starts_again(cli, tmp_path, value):
    root = _project(tmp_path)
    expected = _answer(cli, root, "--no-cache")
    _answer(cli, root)
    _rows(root, "UPDATE meta SET value = ? WHERE name = 'run'", value) if value is not None else None
    if value is None:  # NOT NULL: a table of another shape instead
        _rows(root, "DROP TABLE meta")
        _rows(root, "CREATE TABLE meta (name TEXT, value TEXT)")
        _rows(root, "INSERT INTO meta VALUES ('run', 'x')")
    for _ in range(3):  # before: every run crashed until the cache was deleted
        _drop_results(root)
        assert _answer(cli, root) == expected
    with sqlite3.connect(root / DB) as connection:
        run = connection.execute("SELECT value FROM meta WHERE name = 'run'").fetchone()[0]
    assert isinstance(run, int) and run < 100


@pytest.mark.parametrize("value", [b"not marshal", 5, "text", None])
def test_an_odd_yaml_row_is_a_miss(cli, tmp_path, value):
    import marshal

    root = _project(tmp_path)
    expected = _answer(cli, root, "--no-cache")
    _answer(cli, root)
    if value is None:  # well-formed marshal of the wrong shapes
        value = marshal.dumps(("front matter as text", {("id",): ("1", 1)}, {}, {}))
    _rows(root, "UPDATE yaml SET value = ?", value)
    _rows(root, "DELETE FROM targets")
    _drop_results(root)
    assert _answer(cli, root) == expected


@pytest.mark.parametrize("change", [
    lambda e: e.update(report={"findings": {}, "checked": [], "rules": [], "views": None}),
    lambda e: e["report"].update(findings={}),
    lambda e: e["report"].update(checked="abc"),
    lambda e: e["report"].update(rules=[["A", "b", "c", "error"]]),
    lambda e: e["report"].update(views={"pairs": 1}),
    lambda e: e.update(fail_on=3),
    lambda e: e["report"]["findings"][0].update(message={"t": "{m:>99999999999}", "p": {"m": "x"}}),
    lambda e: e["report"]["findings"][0].update(message={"t": "{m:>{m}}", "p": {"m": "9"}}),
])
def test_an_odd_whole_run_entry_is_a_miss(cli, tmp_path, change):
    root = _project(tmp_path)
    expected = _answer(cli, root, "--no-cache")
    _answer(cli, root)
    (path,) = _entries(root)
    entry = json.loads(path.read_text())
    change(entry)
    path.write_text(json.dumps(entry))
    assert _answer(cli, root) == expected


@pytest.mark.parametrize("value", [[], "x", {"k": []}, None, {"format": 2}, {"format": 1, "entries": {}}])
@pytest.mark.parametrize("which", ["entry", "rules"])
def test_an_odd_results_file_is_a_miss(cli, tmp_path, value, which):
    root = _project(tmp_path)
    expected = _answer(cli, root, "--no-cache")
    assert _answer(cli, root) == expected  # fills the cache
    (path,) = _entries(root) if which == "entry" else (root / RESULTS).glob("rules-*.json")
    path.write_text(json.dumps(value))
    assert _answer(cli, root) == expected
    assert _answer(cli, root) == expected


def test_a_rule_table_evicted_makes_its_entries_misses(cli, tmp_path):
    root = _project(tmp_path)
    expected = _answer(cli, root, "--no-cache")
    assert _answer(cli, root) == expected
    for table in (root / RESULTS).glob("rules-*.json"):
        table.unlink()
    assert _answer(cli, root) == expected


def test_an_unsafe_template_does_not_hang_a_real_run(tmp_path):
    """Through the installed command, in a subprocess with a timeout: a width of a
    hundred billion characters once hung the run or exhausted its memory."""
    root = _project(tmp_path)
    expected = run_process(["check", "--no-cache", "--format", "json"], root, timeout=60)
    run_process(["check"], root, timeout=60)
    for key, findings in _finding_rows(root):
        findings[0]["message"] = {"t": "{x:>99999999999}", "p": {"x": "a"}}
        _rows(root, "UPDATE targets SET value = ? WHERE key = ?", json.dumps(findings), key)
    _drop_results(root)
    result = run_process(["check", "--format", "json"], root, timeout=60)
    assert (result.code, result.findings()) == (expected.code, expected.findings())
