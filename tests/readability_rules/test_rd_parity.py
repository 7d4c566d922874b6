"""RD004 translation-reads-harder: the Spanish guide against its English, on one grade scale."""

from __future__ import annotations

from rd_helpers import check, fixture, fixtures, project


def _pair(tmp_path, en: str, es: str, config: str = ""):
    """A pair from two fixtures, the Spanish one given the English one's id and type."""
    english = fixture(en)
    doc_id = english.split("id: ", 1)[1].split("\n", 1)[0]
    guide_type = english.split("type: ", 1)[1].split("\n", 1)[0]
    return project(tmp_path, {en: english, es: fixture(es, id=doc_id, type=guide_type)}, config)


def test_faithful_translations_pass(cli, tmp_path) -> None:
    root = fixtures(tmp_path, "en/plain.md", "es/sencilla.md", "en/middling.md", "es/intermedia.md")
    assert check(cli, root, "RD004") == (0, [])


def test_spanish_easier_than_english_is_fine(cli, tmp_path) -> None:
    # dense-guide: English grade 23.9, Spanish INFLESZ 5.7 = grade 17.9 on the English scale
    assert check(cli, fixtures(tmp_path, "en/dense.md", "es/densa.md"), "RD004") == (0, [])


def test_harder_spanish_is_reported_on_the_spanish_file(cli, tmp_path) -> None:
    code, found = check(cli, _pair(tmp_path, "en/plain.md", "es/intermedia.md"), "RD004")
    assert code == 0  # a warning
    (finding,) = found
    assert (finding.code, finding.file, finding.line, finding.column, finding.severity) == (
        "RD004", "es/intermedia.md", 5, 8, "warning",
    )
    # INFLESZ 61.7 -> 6 + (65 - 61.7) / 5 = 6.7 on the English scale; English grade -0.0 shows as 0.0
    assert finding.message == (
        "Spanish reads 6.7 grades harder than the English: INFLESZ 61.7 (grade 6.7 on the English scale) "
        "vs English grade 0.0, more than 2 apart"
    )
    assert finding.related == ("content/en/plain.md",)
    # within 2 grades of 0.0: grade 2.0 = INFLESZ 65 - (2 - 6) * 5 = 85
    assert finding.hint == (
        "Bring the Spanish to INFLESZ 85.0 or more: split long sentences (11.6 words per sentence vs 7.2 in "
        "English) and prefer everyday words to formal ones."
    )


def test_gap_and_size_are_options(cli, tmp_path) -> None:
    config = "[tool.contentlint.rules.translation-reads-harder]\nmax-gap = 7\n"
    assert check(cli, _pair(tmp_path, "en/plain.md", "es/intermedia.md", config), "RD004") == (0, [])
    config = "[tool.contentlint.rules.RD004]\nmin-words = 110\n"  # intermedia has 104 words
    assert check(cli, _pair(tmp_path, "en/plain.md", "es/intermedia.md", config), "RD004") == (0, [])


def test_only_the_changed_spanish_file_brings_its_pair(cli, tmp_path) -> None:
    root = _pair(tmp_path, "en/plain.md", "es/intermedia.md")
    result = cli("check", "--no-cache", "--select", "RD004", "--format", "json", "content/en/plain.md", cwd=root)
    assert [(f["code"], f["path"]) for f in result.findings()] == [("RD004", "content/es/intermedia.md")]
