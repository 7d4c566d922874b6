"""PR050-PR051: untranslated and wrong-language text; PR060-PR061: the language switch."""

from __future__ import annotations

from sync_helpers import brief, related_lines

EN = "content/en/papers.md"
ES = "content/es/papeles.md"


def test_language_findings(library):
    lib = library("language")
    found = lib.findings()
    assert brief(found) == {
        ("PR050", ES, 5),  # the title
        ("PR050", ES, lib.line_of(ES, "Keep every email")),
        ("PR051", ES, lib.line_of(ES, "Please keep your requests")),
        ("PR051", ES, lib.line_of(ES, "If it does not answer")),
        ("PR051", EN, lib.line_of(EN, "Guarde una copia")),
    }
    same = next(f for f in found if f["code"] == "PR050" and f["line"] != 5)
    assert related_lines(same) == [(EN, lib.line_of(EN, "Keep every email"))]
    sentence = next(f for f in found if "a sentence" in f["message"])
    assert "“If it does not answer, ask again.”" in sentence["message"]
    line = lib.read(ES).split("\n")[sentence["line"] - 1]
    assert sentence["column"] == line.index("If it does") + 1
    english_guide = next(f for f in found if f["path"] == EN)
    assert "in Spanish, but the guide is English" in english_guide["message"]


def test_names_quotes_acronyms_and_short_blocks_are_not_judged(library):
    lib = library("language")
    lines = {f["line"] for f in lib.findings() if f["path"] == ES}
    assert lib.line_of(ES, "Parent Center Hub") not in lines  # a name and a quoted English term
    assert lib.line_of(ES, "IDEA (34 CFR") not in lines  # identical, but nothing left to translate


def test_min_words_option(library):
    lib = library("language")
    lib.write(
        "pyproject.toml",
        '[tool.contentlint]\ncontent = "content"\nignore = ["PR022"]\n\n'
        "[tool.contentlint.rules.untranslated-block]\nmin-words = 20\n",
    )
    assert lib.findings("PR050") == []


def test_language_switch(library):
    lib = library("language-switch")
    found = lib.findings()
    en, es = "content/en/school-denies-iep.md", "content/es/la-escuela-niega-un-iep.md"
    pwn_es = "content/es/notificacion-previa-por-escrito.md"
    assert brief(found) == {("PR060", en, 13), ("PR060", es, 13), ("PR061", pwn_es, 2)}
    by_path = {f["path"]: f for f in found}
    assert by_path[en]["column"] == 9  # the value of language_switch.href
    assert "Set language_switch.href to ../es/la-escuela-niega-un-iep.md" in by_path[en]["hint"]
    assert related_lines(by_path[en]) == [(es, 1)]
    assert "back to this guide" in by_path[es]["message"]
    assert by_path[pwn_es]["severity"] == "warning"
    assert "../en/prior-written-notice.md" in by_path[pwn_es]["hint"]


def test_language_switch_pass(library):
    lib = library("clean")
    assert lib.findings("PR05", "PR06") == []
