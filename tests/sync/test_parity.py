"""PR030-PR038: parity of numbers, dates, durations, contacts, links, citations, acronyms, guide links."""

from __future__ import annotations

import pytest
from sync_helpers import brief, related_lines

EN = "content/en/facts.md"
ES = "content/es/datos.md"


@pytest.fixture
def parity(library):
    lib = library("parity")
    return lib, lib.findings()


def _at(lib, found, code, path, needle):
    line = lib.line_of(path, needle)
    matching = [f for f in found if f["code"] == code and f["path"] == path and f["line"] == line]
    assert len(matching) == 1, (code, path, line, brief(found))
    return matching[0]


def test_parity_finds_exactly_the_planted_mismatches(parity):
    lib, found = parity
    expected = {
        ("PR030", ES, "estas 6 cosas"),
        ("PR030", ES, "1.500 dólares"),
        ("PR030", ES, "1.234,5"),
        ("PR031", ES, "16 de enero"),
        ("PR031", ES, "31 de junio"),
        ("PR032", ES, "31 de junio"),
        ("PR032", ES, "30 de febrero"),
        ("PR032", EN, "February 30, 2026"),
        ("PR032", EN, "Monday, January 15"),
        ("PR033", ES, "dentro de 3 días."),
        ("PR034", ES, "555-0124"),
        ("PR034", ES, "ayuda@example.org"),
        ("PR035", ES, "parentcenterhub.org/)"),
        ("PR036", ES, "300.153(a)"),
        ("PR037", ES, "de inmediato"),
        ("PR038", ES, "(datos.md)"),
        ("PR038", ES, "../en/prior-written-notice.md"),
    }
    assert brief(found) == {(code, path, lib.line_of(path, needle)) for code, path, needle in expected}


def test_numbers(parity):
    lib, found = parity
    seven = _at(lib, found, "PR030", ES, "estas 6 cosas")
    assert "English has 7; Spanish has 6" in seven["message"]
    assert related_lines(seven) == [(EN, lib.line_of(EN, "these 7 things"))]
    assert seven["column"] == lib.read(ES).split("\n")[seven["line"] - 1].index("6") + 1
    spain = _at(lib, found, "PR030", ES, "1.500 dólares")
    assert "1.500 reads as 1.5 in es_US, as 1500 in es_ES" in spain["message"]
    style = _at(lib, found, "PR030", ES, "1.234,5")
    assert "write 1,234.5" in style["message"]


def test_numbers_as_words_money_and_times_agree(parity):
    lib, found = parity
    # "three business days"/"3 días hábiles", "one year"/"1 año", "$1,500"/"1,500 dólares", "6:30 PM"/"18:30"
    for needle in ("dentro de 3 días hábiles", "1,500 dólares. La reunión", "10 días escolares"):
        line = lib.line_of(ES, needle)
        assert not [f for f in found if f["path"] == ES and f["line"] == line]


def test_dates(parity):
    lib, found = parity
    wrong = _at(lib, found, "PR031", ES, "16 de enero")
    assert "English has January 15, 2026; Spanish has 16 de enero de 2026" in wrong["message"]
    assert related_lines(wrong) == [(EN, lib.line_of(EN, "Comments are due"))]
    june = _at(lib, found, "PR032", ES, "31 de junio")
    assert "June has 30 days" in june["message"]
    assert june["column"] == lib.read(ES).split("\n")[june["line"] - 1].index("31 de junio") + 1
    february = _at(lib, found, "PR032", EN, "February 30, 2026")
    assert "February 2026 has 28 days" in february["message"]
    monday = _at(lib, found, "PR032", EN, "Monday, January 15")
    assert "is a Thursday, not a Monday" in monday["message"]
    thursday = lib.line_of(ES, "el jueves, 15")
    assert not [f for f in found if f["code"] == "PR032" and f["path"] == ES and f["line"] == thursday]


def test_durations(parity):
    lib, found = parity
    days = _at(lib, found, "PR033", ES, "dentro de 3 días.")
    assert "English has “3 business days”; Spanish has “3 días”" in days["message"]
    assert related_lines(days) == [(EN, lib.line_of(EN, "within 3 business days."))]


def test_contacts_links_citations_acronyms(parity):
    lib, found = parity
    assert "(800) 555-0142" in _at(lib, found, "PR034", ES, "555-0124")["message"]
    assert "help@example.org" in _at(lib, found, "PR034", ES, "ayuda@example.org")["message"]
    url = _at(lib, found, "PR035", ES, "parentcenterhub.org/)")
    assert "find-your-center" in url["message"]
    cite = _at(lib, found, "PR036", ES, "300.153(a)")
    assert "34 CFR 300.152(a)" in cite["message"]
    acronym = _at(lib, found, "PR037", ES, "de inmediato")
    assert "missing PWN" in acronym["message"] and acronym["severity"] == "warning"


def test_guide_links(parity):
    lib, found = parity
    other = _at(lib, found, "PR038", ES, "(datos.md)")
    assert "English links to prior-written-notice; Spanish links to facts" in other["message"]
    english = _at(lib, found, "PR038", ES, "../en/prior-written-notice.md")
    assert "its Spanish translation is content/es/notificacion-previa-por-escrito.md" in english["message"]
    assert english["column"] == lib.read(ES).split("\n")[english["line"] - 1].index("[notificación") + 1


def test_url_map_is_an_option(library):
    lib = library("parity")
    line = lib.line_of(ES, "example.org/es/rules")
    assert not [f for f in lib.findings("PR035") if f["line"] == line]
    lib.write("pyproject.toml", '[tool.contentlint]\ncontent = "content"\n')
    assert [f["line"] for f in lib.findings("PR035")].count(line) == 1


def test_acronym_equivalent_from_data_file(library):
    lib = library("parity")
    line = lib.line_of(ES, "equipo del PEI")
    assert not [f for f in lib.findings("PR037") if f["line"] == line]
    (lib.path("content/data/acronyms.yaml")).unlink()
    assert [f["line"] for f in lib.findings("PR037")].count(line) == 1


def test_spanish_only_impossible_date_in_unpaired_guide(library):
    lib = library("pairing")
    lib.edit("content/es/huerfana.md", "Esta guía no tiene original en inglés.", "Vence el 31 de junio.")
    (finding,) = lib.findings("PR032")
    path = "content/es/huerfana.md"
    assert (finding["path"], finding["line"], finding["column"]) == (path, lib.line_of(path, "Vence el"), 10)
