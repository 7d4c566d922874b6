"""The Glossary and Acronym Decoder pages: generated from the data, checked by ST020.

Every test works on a copy of the bundled library, so what it shows is what an
editor of the real library sees.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from clitools import ROOT

PAGES = {
    "en/glossary.md": "glossary",
    "es/glosario.md": "glossary",
    "en/acronym-decoder.md": "acronyms",
    "es/decodificador-de-siglas.md": "acronyms",
}


@pytest.fixture
def library(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n')
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line)


def test_bundled_pages_are_current_and_counted(cli, library):
    result = cli("generate", "pages", cwd=library)
    assert (result.code, result.out.strip()) == (0, "Generated pages are up to date.")
    content = library / "content"
    terms = len(re.findall(r"^  - id: ", (content / "data/glossary.yaml").read_text(), re.M))
    acronyms = len(re.findall(r"^  - acronym: ", (content / "data/acronyms.yaml").read_text(), re.M))
    for page, source in PAGES.items():
        entries = re.findall(r"^## .*\{#([^}]+)\}$", (content / page).read_text(), re.M)
        assert len(entries) == len(set(entries)) == (terms if source == "glossary" else acronyms), page


def test_bundled_library_links_to_pages_not_yaml():
    for index in ("en/library.md", "es/biblioteca.md"):
        text = (ROOT / "content" / index).read_text(encoding="utf-8")
        assert ".yaml" not in text
    assert "](glossary.md)" in (ROOT / "content/en/library.md").read_text(encoding="utf-8")
    assert "](decodificador-de-siglas.md)" in (ROOT / "content/es/biblioteca.md").read_text(encoding="utf-8")


def test_edited_term_reported_on_both_pages_then_regenerated(cli, library):
    data = library / "content/data/glossary.yaml"
    _edit(data, "You can refuse, and you can take it back later in writing.",
          "You can say no, and you can take it back later in writing.")
    result = cli("check", "--select", "ST020", "--format", "json", cwd=library)
    assert result.code == 1
    found = {(f["path"], f["line"]): f for f in result.findings()}
    expected = {
        ("content/en/glossary.md", _line_of(library / "content/en/glossary.md", "You can refuse, and")),
        # The Spanish page renders the same entry, whose English words ("En inglés: «consent»")
        # are unchanged; only its English page differs.
    }
    assert set(found) == expected
    finding = next(iter(found.values()))
    assert "changed: consent" in finding["message"] and "content/data/glossary.yaml" in finding["message"]
    assert "contentlint generate pages" in finding["hint"]

    written = cli("generate", "pages", cwd=library)
    assert written.code == 0
    assert "wrote content/en/glossary.md" in written.out
    assert "content/sync/glossary.yaml" in written.out  # the pair marked in sync again
    assert "You can say no" in (library / "content/en/glossary.md").read_text(encoding="utf-8")
    again = cli("check", "--format", "json", cwd=library)
    assert again.code == 0, [(f["code"], f["path"], f["line"]) for f in again.findings()]
    assert not [f for f in again.findings() if f["code"] in ("ST020", "PR020", "PR021", "PR022")]


def test_new_acronym_reported_on_both_decoder_pages(cli, library):
    data = library / "content/data/acronyms.yaml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text + "  - acronym: SST\n    en: Student Study Team\n    es: Equipo de estudio del estudiante\n",
                    encoding="utf-8")
    result = cli("check", "--select", "ST020", "--format", "json", cwd=library)
    assert result.code == 1
    paths = sorted(f["path"] for f in result.findings())
    assert paths == ["content/en/acronym-decoder.md", "content/es/decodificador-de-siglas.md"]
    for finding in result.findings():
        assert "new: sst" in finding["message"]
        lines = (library / finding["path"]).read_text(encoding="utf-8").rstrip("\n").split("\n")
        assert finding["line"] == len(lines)  # the page's last line: the new entry goes after it
    assert cli("generate", "pages", cwd=library).code == 0
    assert "## SST (Student Study Team) {#sst}" in (library / "content/en/acronym-decoder.md").read_text()
    assert "## SST (Equipo de estudio del estudiante) {#sst}" in (
        library / "content/es/decodificador-de-siglas.md").read_text()
    assert cli("check", "--select", "ST020,PR,LK", cwd=library).code == 0


def test_checking_only_the_changed_data_file_checks_the_pages(cli, library):
    """pre-commit passes only the staged data file: the pages made from it are checked too."""
    _edit(library / "content/data/acronyms.yaml", "    en: Prior Written Notice\n", "    en: Prior Written Notice letter\n")
    result = cli("check", "content/data/acronyms.yaml", "--select", "ST020", "--format", "json", cwd=library)
    assert result.code == 1
    assert sorted((f["path"], f["message"].split(": ", 1)[1]) for f in result.findings()) == [
        ("content/en/acronym-decoder.md", "changed: pwn"),
        ("content/es/decodificador-de-siglas.md", "changed: pwn"),
    ]


def test_hand_edit_of_a_page_is_reported(cli, library):
    page = library / "content/es/glosario.md"
    _edit(page, "Estas son palabras que puede oír", "Estas son las palabras que puede oír")
    result = cli("check", "--select", "ST020", "--format", "json", cwd=library)
    [finding] = result.findings()
    assert (finding["path"], finding["line"]) == ("content/es/glosario.md", _line_of(page, "Estas son las"))
    assert "the text around the entries changed" in finding["message"]


def test_missing_data_file_is_reported_not_skipped(cli, library):
    (library / "content/data/acronyms.yaml").unlink()
    result = cli("check", "--select", "ST020", "--format", "json", cwd=library)
    assert result.code == 1
    assert sorted(f["path"] for f in result.findings()) == sorted(f"content/{page}" for page in PAGES)
    for finding in result.findings():
        assert "data/acronyms.yaml is missing or not valid" in finding["message"]
    generated = cli("generate", "pages", cwd=library)
    assert generated.code == 2 and "data/acronyms.yaml" in generated.err


def test_other_guides_can_link_to_a_term_anchor(cli, library):
    en = library / "content/en/prior-written-notice.md"
    es = library / "content/es/notificacion-previa-por-escrito.md"
    en.write_text(en.read_text(encoding="utf-8") + "\nSee [consent](glossary.md#consent) and [PWN](acronym-decoder.md#pwn).\n",
                  encoding="utf-8")
    es.write_text(es.read_text(encoding="utf-8")
                  + "\nVea [consentimiento](glosario.md#consent) y [PWN](decodificador-de-siglas.md#pwn).\n",
                  encoding="utf-8")
    assert cli("check", "--select", "LK", cwd=library).code == 0
    _edit(en, "glossary.md#consent", "glossary.md#consentimiento")
    broken = cli("check", "--select", "LK003", "--format", "json", cwd=library)
    assert [f["code"] for f in broken.findings()] == ["LK003"]


def test_generate_writes_only_under_the_content_folder(cli, library):
    for page in PAGES:
        (library / "content" / page).unlink()
    before = {p for p in library.rglob("*") if p.is_file()}
    result = cli("generate", "pages", cwd=library)
    assert result.code == 0
    after = {p for p in library.rglob("*") if p.is_file()}
    new = {p.relative_to(library).as_posix() for p in after - before}
    assert {p for p in new if not p.startswith(".contentlint_cache/")} == {f"content/{page}" for page in PAGES}
    assert cli("check", cwd=library).code == 0


def test_generate_never_writes_through_a_symbolic_link(cli, library, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "target.md"
    outside.write_text("not yours\n", encoding="utf-8")
    page = library / "content/en/glossary.md"
    page.unlink()
    page.symlink_to(outside)
    result = cli("generate", "pages", cwd=library)
    assert result.code == 2
    assert "content/en/glossary.md" in result.err
    assert outside.read_text(encoding="utf-8") == "not yours\n"
