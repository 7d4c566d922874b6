"""The caches that make the everyday pre-commit fast (issue 17): the result file
keeps each configuration's rule table once, and the CLDR data of the fact
extractor is kept between runs; a planted row of any shape is a miss."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from clitools import ROOT, write_project

DB = ".contentlint_cache/cache-v1.sqlite"
RESULTS = ".contentlint_cache/results-v2"
PAIR = ("content/en/prior-written-notice.md", "content/es/notificacion-previa-por-escrito.md")


@pytest.fixture
def library(tmp_path):
    """The bundled library with a number changed in a Spanish guide (PR030, which reads CLDR data)."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    write_project(tmp_path, {})
    guide = tmp_path / PAIR[1]
    guide.write_text(guide.read_text(encoding="utf-8").replace("estas 7 cosas", "estas 8 cosas"), encoding="utf-8")
    return tmp_path


def _findings(cli, root, *extra):
    result = cli("check", "--format", "json", *extra, *PAIR, cwd=root)
    return result.code, result.findings()


def _edit(root, number):
    with (root / PAIR[0]).open("a", encoding="utf-8") as handle:
        handle.write(f"\nKeep a copy of letter {number} in your binder.\n")
    with (root / PAIR[1]).open("a", encoding="utf-8") as handle:
        handle.write(f"\nGuarde una copia de la carta {number} en su carpeta.\n")


def test_the_result_file_keeps_one_rule_table_per_configuration(cli, library):
    for number in range(4):
        _edit(library, number)
        assert _findings(cli, library)[0] == 1
    stored = sorted((library / RESULTS).glob("*.json"))
    tables = [p for p in stored if p.name.startswith("rules-")]
    entries = [json.loads(p.read_text(encoding="utf-8")) for p in stored if p not in tables]
    assert len(entries) == 4
    assert len(tables) == 1
    assert all(entry["report"]["rules"] == tables[0].name[len("rules-"):-len(".json")] for entry in entries)


def test_the_locale_data_is_kept_and_gives_the_same_findings(cli, library):
    expected = _findings(cli, library, "--no-cache")
    assert expected[0] == 1 and any(f["code"] == "PR030" for f in expected[1])
    assert _findings(cli, library) == expected  # fills the caches
    with sqlite3.connect(library / DB) as connection:
        # The memo also keeps each pair's sentence tables (PR045): the locale data is one row.
        rows = connection.execute("SELECT key, value FROM memo WHERE key LIKE 'locale-data|%'").fetchall()
    assert len(rows) == 1 and "es_US" in json.loads(rows[0][1])
    _edit(library, 1)
    expected = _findings(cli, library, "--no-cache")
    assert _findings(cli, library) == expected  # answered with the kept data


@pytest.mark.parametrize("value", ["{}", "[]", "null", "not json", '{"es_US": {"group": 1}}',
                                   '{"es_US": {"group": ",", "decimal": ".", "months": [[1]], "short_months": [],'
                                   ' "days": [], "usd": "$"}}', "[" * 5000,
                                   '{"es_US": {"group": ",", "decimal": ".", "months": [[1, ""]], "short_months": [],'
                                   ' "days": [], "usd": "$"}}'])
def test_a_planted_memo_row_is_a_miss(cli, library, value):
    expected = _findings(cli, library, "--no-cache")
    _findings(cli, library)
    with sqlite3.connect(library / DB) as connection:
        connection.execute("UPDATE memo SET value = ?", (value,))
    _edit(library, 2)
    expected = _findings(cli, library, "--no-cache")
    assert _findings(cli, library) == expected
