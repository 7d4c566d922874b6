"""``contentlint lsp`` driven over stdio as an editor drives it (every wait bounded)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clitools import ROOT
from lspclient import LspClient

pytest.importorskip("pygls")

EN = "content/en/prior-written-notice.md"
ES = "content/es/notificacion-previa-por-escrito.md"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


@pytest.fixture
def client(project: Path) -> Iterator[LspClient]:
    lsp = LspClient(project)
    try:
        yield lsp
    finally:
        if lsp.process.poll() is None:
            lsp.close()


def _apply(text: str, edits: list[dict[str, Any]]) -> str:
    """Apply LSP text edits (UTF-16 positions; the test texts are in the BMP)."""
    lines = text.split("\n")
    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                       reverse=True):
        start, end = edit["range"]["start"], edit["range"]["end"]
        assert start["line"] == end["line"]
        line = lines[start["line"]]
        lines[start["line"]] = line[: start["character"]] + edit["newText"] + line[end["character"] :]
    return "\n".join(lines)


def test_an_editor_session(client: LspClient, project: Path) -> None:
    capabilities = client.initialize(project, {"debounce": 0})["capabilities"]
    assert capabilities["hoverProvider"] and capabilities["codeActionProvider"]
    en, es = project / EN, project / ES
    text = en.read_text(encoding="utf-8")

    mark = client.mark()
    client.open(en, text)
    assert client.diagnostics(en.as_uri(), mark) == []
    assert client.diagnostics(es.as_uri(), mark) == []

    # The writer drops an acronym's expansion and writes a YAML 1.1 boolean.
    edited = text.replace("Prior Written Notice (PWN) is", "PWN is", 1).replace(
        "awaiting_translation: false", "awaiting_translation: no")
    mark = client.mark()
    client.change(en, edited, 2)
    found = client.diagnostics(en.as_uri(), mark)
    assert sorted(d["code"] for d in found) == ["PL001", "SC009"]
    boolean = next(d for d in found if d["code"] == "SC009")
    line = edited.split("\n")[boolean["range"]["start"]["line"]]
    assert line[boolean["range"]["start"]["character"] : boolean["range"]["end"]["character"]] == "no"
    assert "read as a boolean" in boolean["message"] and boolean["source"] == "contentlint"
    # The English change makes the Spanish paragraph stale: shown on the Spanish file.
    stale = client.diagnostics(es.as_uri(), mark)
    assert [d["code"] for d in stale] == ["PR020"]

    explained = client.request("textDocument/hover", {
        "textDocument": {"uri": en.as_uri()}, "position": boolean["range"]["start"]})
    assert "**SC009 yaml11-boolean**" in explained["contents"]["value"]
    assert "## What it does" in explained["contents"]["value"]
    nothing = client.request("textDocument/hover", {
        "textDocument": {"uri": en.as_uri()}, "position": {"line": 1, "character": 0}})
    assert nothing is None

    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": en.as_uri()},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": len(edited.split("\n")), "character": 0}},
        "context": {"diagnostics": found}})
    assert sorted(a["title"] for a in actions) == ["PL001: Spell out PWN", "SC009: Write false"]
    fixed = _apply(edited, [e for a in actions for e in a["edit"]["changes"][en.as_uri()]])
    assert fixed == text

    mark = client.mark()
    client.change(en, fixed, 3)
    assert client.diagnostics(en.as_uri(), mark) == []
    assert client.diagnostics(es.as_uri(), mark) == []
    assert client.close() == 0


def test_changes_are_debounced_to_the_last_text(client: LspClient, project: Path) -> None:
    # A long pause, so the three changes surely arrive within it: only the last is checked.
    client.initialize(project, {"debounce": 3000})
    en = project / EN
    text = en.read_text(encoding="utf-8")
    mark = client.mark()
    client.open(en, text)
    assert client.diagnostics(en.as_uri(), mark) == []
    mark = client.mark()
    client.change(en, text.replace("awaiting_translation: false", "awaiting_translation: no"), 2)
    client.change(en, text.replace("awaiting_translation: false", "awaiting_translation: off"), 3)
    client.change(en, text.replace("Prior Written Notice (PWN) is", "PWN is", 1), 4)
    assert [d["code"] for d in client.diagnostics(en.as_uri(), mark)] == ["PL001"]
    assert client.close() == 0


def test_closing_a_file_goes_back_to_the_disk_and_clears_its_diagnostics(client: LspClient, project: Path) -> None:
    client.initialize(project, {"debounce": 0})
    en, es = project / EN, project / ES
    text = en.read_text(encoding="utf-8")
    mark = client.mark()
    client.open(en, text)
    assert client.diagnostics(en.as_uri(), mark) == []
    mark = client.mark()
    client.change(en, text.replace("awaiting_translation: false", "awaiting_translation: no"), 2)
    assert [d["code"] for d in client.diagnostics(en.as_uri(), mark)] == ["SC009"]
    mark = client.mark()
    client.notify("textDocument/didClose", {"textDocument": {"uri": en.as_uri()}})
    assert client.diagnostics(en.as_uri(), mark) == []
    # The Spanish guide, opened next, is checked against the English on disk again.
    mark = client.mark()
    client.open(es, es.read_text(encoding="utf-8"))
    assert client.diagnostics(es.as_uri(), mark) == []
    assert client.close() == 0


def test_a_file_outside_the_content_folder_gets_nothing(client: LspClient, project: Path) -> None:
    client.initialize(project, {"debounce": 0})
    readme = project / "README.md"
    readme.write_text("# Notes\n\nawaiting_translation: no\n", encoding="utf-8")
    client.open(readme, readme.read_text(encoding="utf-8"))
    en = project / EN
    mark = client.mark()
    client.open(en, en.read_text(encoding="utf-8"))
    client.diagnostics(en.as_uri(), mark)
    assert not [n for n in client.notifications if n["params"].get("uri") == readme.as_uri()]
    assert client.close() == 0


@pytest.mark.parametrize("change", [
    ("It explains a decision", "It explains a choice"),          # a body edit
    ("id: prior-written-notice", "id: prior-written-notices"),  # the id: the pair breaks
    ("---\nid:", "id:"),                                         # the front matter breaks
])
def test_a_replaced_document_gives_the_indices_a_fresh_library_has(project: Path, change: tuple[str, str]) -> None:
    from contentlint.content.library import Library
    from contentlint.lsp.state import WarmLibrary

    warm = WarmLibrary.open(project)
    before = warm.library()
    assert before.pairs and before.by_real_path and before._by_folder_name  # built, so they are carried over
    path = project / EN
    doc = warm.update(path, path.read_text(encoding="utf-8").replace(*change, 1))
    assert doc is not None
    replaced, fresh = warm.library(), Library(list(warm.library().documents))
    assert replaced.guides == fresh.guides
    assert replaced.by_id == fresh.by_id
    assert replaced.pairs == fresh.pairs
    assert replaced.by_real_path == fresh.by_real_path
    assert replaced._by_folder_name == fresh._by_folder_name
    assert replaced.at_path(path) is doc


def test_a_heading_change_is_published_on_the_guides_that_link_to_it(client: LspClient, project: Path) -> None:
    linking = project / "content/en/dispute-options.md"
    text = linking.read_text(encoding="utf-8")
    linking.write_text(text.replace("(prior-written-notice.md)", "(prior-written-notice.md#what-it-is)", 1),
                       encoding="utf-8")
    client.initialize(project, {"debounce": 0})
    en = project / EN
    source = en.read_text(encoding="utf-8")
    mark = client.mark()
    client.open(en, source)
    assert client.diagnostics(en.as_uri(), mark) == []
    mark = client.mark()
    client.change(en, source.replace("## What it is\n", "## What PWN is\n", 1), 2)
    broken = client.diagnostics(linking.as_uri(), mark)
    assert [d["code"] for d in broken] == ["LK003"]
    assert "what-it-is" in broken[0]["message"]
    mark = client.mark()
    client.change(en, source, 3)
    assert client.diagnostics(linking.as_uri(), mark) == []
    assert client.close() == 0
