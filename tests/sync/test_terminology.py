"""PR040-PR041: glossary terms with Spanish inflection; known mistranslations."""

from __future__ import annotations

import pytest
from sync_helpers import brief, related_lines

EN = "content/en/terms.md"
ES = "content/es/terminos.md"


def test_terminology_findings(library):
    lib = library("terminology")
    found = lib.findings()
    assert brief(found) == {
        ("PR041", ES, 5),  # the title
        ("PR041", ES, lib.line_of(ES, "audiciones de debido")),  # a card's text
        ("PR040", ES, lib.line_of(ES, "Pida un aviso previo antes")),
        ("PR040", ES, lib.line_of(ES, "una audición de debido")),
        ("PR041", ES, lib.line_of(ES, "una audición de debido")),
    }
    notice = next(f for f in found if f["code"] == "PR040" and "Prior Written Notice" in f["message"])
    assert "“notificación previa por escrito” (or “aviso previo por escrito”)" in notice["message"]
    assert related_lines(notice) == [(EN, lib.line_of(EN, "before the meeting"))]
    wrong = next(f for f in found if f["code"] == "PR041" and f["line"] == lib.line_of(ES, "una audición de debido"))
    assert wrong["column"] == lib.read(ES).split("\n")[wrong["line"] - 1].index("audición") + 1
    assert "“audición” is a known mistranslation of “due process hearing”" in wrong["message"]


def test_inflection_accents_and_variants_pass(library):
    lib = library("terminology")
    found = lib.findings("PR040")
    for needle in ("evaluaciones educativas independientes", "aviso previo por escrito", "mediacion", "quejas estatales"):
        assert lib.line_of(ES, needle) not in {f["line"] for f in found}


def test_glossary_loaded_once_per_run(library, monkeypatch):
    from contentlint.bilingual import glossary

    calls = []
    real = glossary.build_index
    monkeypatch.setattr(glossary, "build_index", lambda *a: calls.append(1) or real(*a))
    lib = library("terminology")
    lib.findings("PR04")
    assert len(calls) == 1


def test_no_glossary_no_findings(library):
    lib = library("terminology")
    lib.path("content/data/glossary.yaml").unlink()
    assert lib.findings("PR040", "PR041") == []


@pytest.mark.parametrize(("disguised", "shown"), [
    ("audi\u00adción", "audi\u00adción"),  # a soft hyphen inside the word
    ("audi\u2060ción", "audi\u2060ción"),  # a word joiner
    ("аudición", "аudición"),  # a Cyrillic "а"
    ("audiсión", "audiсión"),  # a Cyrillic "с"
    ("AUDIСIÓN", "AUDIСIÓN"),  # a capital Cyrillic "С"
])
@pytest.mark.parametrize("cache", [(), ("--no-cache",)])
def test_a_disguised_mistranslation_is_still_found(library, disguised, shown, cache):
    """Before: a soft hyphen or a look-alike letter inside the word hid it from PR041."""
    lib = library("terminology")
    lib.edit(ES, "una audición de debido", f"una {disguised} de debido")
    line = lib.line_of(ES, f"una {disguised} de debido")
    for _ in range(2):  # the second run answers from the caches
        run = lib.cli("check", "--select", "PR041", "--format", "json", *cache)
        found = [f for f in run.json()["findings"] if f["line"] == line]
        assert len(found) == 1, run.json()["findings"]
        assert found[0]["column"] == lib.read(ES).split("\n")[line - 1].index(disguised) + 1
        assert f"“{shown}” is a known mistranslation of “due process hearing”" in found[0]["message"]
