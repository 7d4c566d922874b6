"""LK010: the app card's address is not known yet; the content model says so and the check names it."""

from __future__ import annotations

import shutil

from clitools import ROOT

EN = "content/en/what-to-do-if-the-school-denies-an-iep.md"
ES = "content/es/que-hacer-si-la-escuela-niega-un-iep.md"


def _library(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n')
    return tmp_path


def test_bundled_app_card_is_a_named_warning_not_an_error(cli, tmp_path):
    library = _library(tmp_path)
    for path in (EN, ES):
        assert "example.org" not in (library / path).read_text(encoding="utf-8")
    result = cli("check", "--format", "json", cwd=library)
    assert result.code == 0  # the library passes at the error level
    pending = [(f["path"], f["line"], f["severity"], f["message"]) for f in result.findings() if f["code"] == "LK010"]
    assert pending == [
        (EN, 19, "warning", "card “Get the free app” has no address yet (pending: The app's address is not known yet.)"),
        (ES, 19, "warning", "card “Descargue la aplicación gratuita” has no address yet "
                            "(pending: Todavía no se conoce la dirección de la aplicación.)"),
    ]
    assert cli("check", "--fail-on", "warning", "--select", "LK010", cwd=library).code == 1


def test_real_address_silences_it_and_a_card_without_any_link_is_reported(cli, tmp_path):
    library = _library(tmp_path)
    en = library / EN
    en.write_text(en.read_text(encoding="utf-8").replace(
        "    pending: The app's address is not known yet.\n", "    href: https://www.parentcenterhub.org/\n"),
        encoding="utf-8")
    es = library / ES
    es.write_text(es.read_text(encoding="utf-8").replace(
        "    pending: Todavía no se conoce la dirección de la aplicación.\n", ""), encoding="utf-8")
    result = cli("check", "--select", "LK010,SC", "--format", "json", cwd=library)
    found = [(f["code"], f["path"], f["message"]) for f in result.findings()]
    assert found == [("LK010", ES, "card “Descargue la aplicación gratuita” has no link")]
