"""`contentlint sync mark` records who confirmed the translation (`confirmed_by`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

SYNC = "content/sync/school-denies-iep.yaml"
PAIR = ("content/en/school-denies-iep.md", "content/es/la-escuela-niega-un-iep.md")


def _sync_findings(lib):
    """PR020-PR023 findings on the marked pair (the fixture's other pairs are never marked)."""
    return [f for f in lib.findings("PR02") if f["path"] in PAIR]


def _git_identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str | None) -> None:
    """A git configuration of our own (never the machine's)."""
    config = tmp_path / "gitconfig"
    config.write_text(f"[user]\n\tname = {name}\n" if name else "", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


def test_by_names_who_confirmed(library, tmp_path, monkeypatch):
    _git_identity(tmp_path, monkeypatch, "Git User")
    lib = library("clean")
    run = lib.cli("sync", "mark", "school-denies-iep", "--by", "  María   José Pérez ")
    assert run.code == 0, run.err
    data = YAML(typ="safe").load(lib.read(SYNC))
    assert data["confirmed_by"] == "María José Pérez"  # spaces tidied; --by wins over git
    assert _sync_findings(lib) == []  # the key is the tool's own: no PR023, the pair is in sync
    status = lib.cli("sync", "status", "--format", "json").json()
    assert {row["id"]: row["status"] for row in status["pairs"]}["school-denies-iep"] == "synced"


def test_git_user_name_by_default(library, tmp_path, monkeypatch):
    _git_identity(tmp_path, monkeypatch, "Ana Gómez")
    lib = library("clean")
    lib.mark("school-denies-iep")
    assert YAML(typ="safe").load(lib.read(SYNC))["confirmed_by"] == "Ana Gómez"


def test_no_name_known_writes_no_key(library, tmp_path, monkeypatch):
    _git_identity(tmp_path, monkeypatch, None)
    lib = library("clean")
    lib.mark("school-denies-iep")
    text = lib.read(SYNC)
    assert "confirmed_by" not in text
    assert _sync_findings(lib) == []


def test_a_hostile_name_is_quoted_and_stays_data(library, tmp_path, monkeypatch):
    _git_identity(tmp_path, monkeypatch, None)
    lib = library("clean")
    name = 'x" \\n blocks: [] # <script>'
    assert lib.cli("sync", "mark", "school-denies-iep", "--by", name).code == 0
    data = YAML(typ="safe").load(lib.read(SYNC))
    assert data["confirmed_by"] == name and len(data["blocks"]) == 20
    assert _sync_findings(lib) == []


def test_a_stale_pair_keeps_who_confirmed_it(library, tmp_path, monkeypatch):
    _git_identity(tmp_path, monkeypatch, None)
    lib = library("clean")
    lib.cli("sync", "mark", "school-denies-iep", "--by", "Ana")
    lib.edit("content/en/school-denies-iep.md", "It is hard to hear", "It can be hard to hear")
    run = lib.cli("check", "--format", "json", "--select", "PR020")
    assert [f["code"] for f in run.json()["findings"]] == ["PR020"]
    guide = next(g for g in run.json()["guides"] if g["id"] == "school-denies-iep")
    assert guide["sync"]["state"] == "stale" and guide["sync"]["confirmed_by"] == "Ana"


def test_sync_status_names_who_confirmed_a_stale_pair(library, tmp_path, monkeypatch):
    _git_identity(tmp_path, monkeypatch, None)
    lib = library("clean")
    lib.cli("sync", "mark", "school-denies-iep", "--by", "Ana Gómez")
    lib.edit("content/en/school-denies-iep.md", "It is hard to hear", "It can be hard to hear")
    text = lib.cli("sync", "status")
    assert text.code == 1
    assert "content/es/la-escuela-niega-un-iep.md: stale, 1 English change(s) since " in text.out
    assert "(confirmed by Ana Gómez)" in text.out
    rows = {row["id"]: row for row in lib.cli("sync", "status", "--format", "json").json()["pairs"]}
    assert rows["school-denies-iep"]["confirmed_by"] == "Ana Gómez"
    assert rows["school-denies-iep"]["status"] == "stale"
