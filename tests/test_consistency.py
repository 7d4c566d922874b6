"""PR045 inconsistent-translation through the real CLI: one English sentence translated
two ways across the library (and the reverse), what must stay silent, and the
pre-commit path (a run on one pair reports what the full check reports for it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from clitools import guide_text, run_process, write_project

ENGLISH = "Ask the school for a copy of the report."
PIDA = "Pida a la escuela una copia del informe."
SOLICITE = "Solicite a la escuela una copia del informe."
# guide_text's body is 10 lines after the front matter; the paragraph added below
# starts 2 lines later (line 19 in every guide written here).
LINE = 19


def _guide(doc_id: str, lang: str, paragraph: str) -> str:
    slug = doc_id if lang == "en" else f"{doc_id}-es"
    return guide_text(doc_id=doc_id, lang=lang, slug=slug) + "\n" + paragraph + "\n"


def _library(root: Path, pairs: dict[str, tuple[str, str]]) -> Path:
    files: dict[str, str | bytes] = {}
    for doc_id, (english, spanish) in pairs.items():
        files[f"content/en/{doc_id}.md"] = _guide(doc_id, "en", english)
        files[f"content/es/{doc_id}-es.md"] = _guide(doc_id, "es", spanish)
    return write_project(root, files)


def _pr045(cli: Any, root: Path, *args: str) -> list[dict[str, Any]]:
    result = cli("check", "--select", "PR045", "--format", "json", *args, cwd=root)
    assert result.code == 0, result.err  # info: never a merge blocker
    return [f for f in result.findings() if f["code"] == "PR045"]


def test_one_english_sentence_translated_two_ways_is_reported_where_it_differs(cli, tmp_path) -> None:
    _library(tmp_path, {
        "guide-a": (ENGLISH, PIDA),
        "guide-b": ("Read this first. " + ENGLISH, "Lea esto primero. " + SOLICITE),
        "guide-c": (ENGLISH, PIDA),
    })
    [finding] = _pr045(cli, tmp_path, "--no-cache")
    # The minority rendering, at its sentence (the second of the paragraph).
    assert (finding["path"], finding["line"], finding["column"]) == ("content/es/guide-b-es.md", LINE, 19)
    assert finding["severity"] == "info"
    assert finding["message"] == (
        f"the English sentence “{ENGLISH}” is translated in 2 ways in the library: here “{SOLICITE}”, "
        f"in content/es/guide-a-es.md:{LINE} “{PIDA}”"
    )
    assert "Choose one translation" in finding["hint"]
    places = [(r["path"], r["line"], r["column"]) for r in finding["related"]]
    assert places == [
        ("content/en/guide-b.md", LINE, 18),  # the English sentence it translates
        ("content/es/guide-a-es.md", LINE, 1),
        ("content/es/guide-c-es.md", LINE, 1),
    ]
    assert finding["related"][1]["note"] == f"“{PIDA}” for “{ENGLISH}”"


def test_a_tie_is_reported_at_every_place_and_in_spanish(cli, tmp_path) -> None:
    _library(tmp_path, {"guide-a": (ENGLISH, PIDA), "guide-b": (ENGLISH, SOLICITE)})
    findings = _pr045(cli, tmp_path, "--no-cache")
    assert [(f["path"], f["line"]) for f in findings] == [
        ("content/es/guide-a-es.md", LINE), ("content/es/guide-b-es.md", LINE)]
    shown = cli("check", "--select", "PR045", "--no-cache", "--ui-lang", "es", cwd=tmp_path).out
    assert f"content/es/guide-b-es.md:{LINE}:1: PR045 la oración en inglés “{ENGLISH}” se traduce de 2 maneras" in shown
    assert "Elija una traducción" in shown


def test_typography_markup_and_accent_normalization_are_the_same_rendering(cli, tmp_path) -> None:
    _library(tmp_path, {
        "guide-a": ("Ask the school for your child's report card.",
                    "Pida a la escuela la libreta de calificaciones de su hijo."),
        # Curly apostrophe, emphasis, a link, a non-breaking space, decomposed accents,
        # another final punctuation mark, upper case: the same words.
        "guide-b": ("Ask the school for your child’s **report card**!",
                    "Pida a la escuela la [libreta](https://example.org/a)\u00a0de calificaciones de su HIJO!"),
        "guide-c": ("Ask the school for your child's report card.",
                    "Pida a la escuela la libreta de calificacio\u0301nes de su hijo."),
        # Agreement only: the noun the pronoun stands for is elsewhere.
        "guide-d": ("Ask for it in writing today.", "Pídalo por escrito hoy."),
        "guide-e": ("Ask for it in writing today.", "Pídala por escrito hoy."),
        # Too short to judge.
        "guide-f": ("Call the school.", "Llame a la escuela."),
        "guide-g": ("Call the school.", "Comuníquese con la escuela."),
    })
    assert _pr045(cli, tmp_path, "--no-cache") == []


def test_two_english_sentences_given_the_same_spanish(cli, tmp_path) -> None:
    other = "Request a copy of the report from the school."
    _library(tmp_path, {"guide-a": (ENGLISH, PIDA), "guide-b": (other, PIDA), "guide-c": (ENGLISH, PIDA)})
    [finding] = _pr045(cli, tmp_path, "--no-cache")
    assert (finding["path"], finding["line"], finding["column"]) == ("content/es/guide-b-es.md", LINE, 1)
    assert finding["message"] == (
        f"the Spanish “{PIDA}” translates 2 different English sentences: here “{other}”, "
        f"in content/es/guide-a-es.md:{LINE} “{ENGLISH}”"
    )
    assert [r["path"] for r in finding["related"]] == [
        "content/en/guide-b.md", "content/es/guide-a-es.md", "content/es/guide-c-es.md"]


def _run_json(root: Path, *args: str) -> list[dict[str, Any]]:
    result = run_process(["check", "--select", "PR045", "--format", "json", *args], cwd=root)
    assert result.code == 0, result.err
    return [f for f in json.loads(result.out)["findings"] if f["code"] == "PR045"]


def _for(findings: list[dict[str, Any]], paths: set[str]) -> list[dict[str, Any]]:
    return [f for f in findings if f["path"] in paths]


def test_a_run_on_one_pair_reports_what_the_full_check_reports(tmp_path) -> None:
    root = _library(tmp_path, {
        "guide-a": (ENGLISH, PIDA), "guide-b": (ENGLISH, SOLICITE), "guide-c": (ENGLISH, PIDA)})
    pair_b = ("content/en/guide-b.md", "content/es/guide-b-es.md")
    full = _run_json(root, "--no-cache")
    assert [f["path"] for f in full] == ["content/es/guide-b-es.md"]
    # Cold (no cache), then with the caches of that run warm, then after another
    # change of the pair: the finding on guide-b depends on guides a and c.
    assert _run_json(root, "--no-cache", *pair_b) == _for(full, set(pair_b))
    assert _run_json(root) == full  # warms both caches
    assert _run_json(root, *pair_b) == _for(full, set(pair_b))
    with (root / pair_b[1]).open("a", encoding="utf-8") as handle:
        handle.write("\nGuarde una copia de cada carta en su carpeta.\n")
    with (root / pair_b[0]).open("a", encoding="utf-8") as handle:
        handle.write("\nKeep a copy of every letter in your binder.\n")
    assert _run_json(root, *pair_b) == _for(_run_json(root, "--no-cache"), set(pair_b))


def test_a_finding_that_depends_on_another_pair_follows_its_edit(tmp_path) -> None:
    root = _library(tmp_path, {"guide-a": (ENGLISH, PIDA), "guide-b": (ENGLISH, SOLICITE)})
    pair_b = ("content/en/guide-b.md", "content/es/guide-b-es.md")
    assert len(_run_json(root, *pair_b)) == 1  # a tie: guide-b is reported (caches now warm)
    # guide-a now says what guide-b says: nothing is inconsistent any more, though
    # the run checks only guide-b, whose files did not change.
    spanish_a = root / "content/es/guide-a-es.md"
    spanish_a.write_text(spanish_a.read_text(encoding="utf-8").replace(PIDA, SOLICITE), encoding="utf-8")
    assert _run_json(root, *pair_b) == []
    assert _run_json(root, "--no-cache", *pair_b) == []


def test_stored_sentence_tables_that_do_not_decode_are_recomputed(tmp_path) -> None:
    import sqlite3

    root = _library(tmp_path, {
        "guide-a": (ENGLISH, PIDA), "guide-b": (ENGLISH, SOLICITE), "guide-c": (ENGLISH, PIDA)})
    pair_b = ("content/en/guide-b.md", "content/es/guide-b-es.md")
    full = _run_json(root)
    database = root / ".contentlint_cache" / "cache-v1.sqlite"
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT key FROM memo").fetchall()
        assert len(rows) >= 6  # a table and its key digests per pair
        for index, (key,) in enumerate(rows):
            value = ["not json", "[[1, 2]]", '[["a", "b", 3]]', "{}"][index % 4]
            connection.execute("UPDATE memo SET value = ? WHERE key = ?", (value, key))
    assert _run_json(root, *pair_b) == _for(full, set(pair_b))
