"""PR040-PR041: glossary terms with Spanish inflection; known mistranslations."""

from __future__ import annotations

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
