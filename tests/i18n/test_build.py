"""The build compiles the Spanish catalog into the package (setup.py's build_py hook).

The full ``pip install .`` runs in an isolated build environment (slow, needs the
index); this test runs the hook's compile step on a copy of the locale folder.
"""

from __future__ import annotations

import gettext
import runpy
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_build_hook_compiles_the_catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import setuptools

    monkeypatch.setattr(setuptools, "setup", lambda **kwargs: None)
    hook = runpy.run_path(str(ROOT / "setup.py"))["BuildPyWithCatalogs"]
    assert hook.__mro__[1].__name__ == "build_py"
    locale = tmp_path / "contentlint" / "locale"
    shutil.copytree(ROOT / "src" / "contentlint" / "locale", locale)
    written = hook.compile_catalogs(locale)
    mo = locale / "es" / "LC_MESSAGES" / "contentlint.mo"
    assert written == [mo]
    with mo.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)
    assert catalog.gettext("hint:") == "sugerencia:"
    assert catalog.ngettext("{count} error", "{count} errors", 2) == "{count} errores"
    assert catalog.ngettext("{count} error", "{count} errors", 1) == "{count} error"


def test_package_data_ships_the_catalogs() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"**/*.mo"' in text and '"**/*.po"' in text
    assert "babel" in text.split("[build-system]", 1)[1].split("[", 1)[0] or "babel>=" in text


def test_installed_mo_is_used_and_a_stale_mo_is_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from contentlint import i18n

    folder = tmp_path / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "contentlint.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "hint:"\nmsgstr "desde el po:"\n',
                  encoding="utf-8")
    import babel.messages.mofile as mofile
    import babel.messages.pofile as pofile

    catalog = pofile.read_po(po.open("rb"))
    catalog.get("hint:").string = "desde el mo:"
    mo = folder / "contentlint.mo"
    with mo.open("wb") as handle:
        mofile.write_mo(handle, catalog)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    now = po.stat().st_mtime
    os.utime(mo, (now - 1, now - 1))  # unpacked just before the .po: still the installed catalog
    i18n.translations.cache_clear()
    assert i18n.translations("es").gettext("hint:") == "desde el mo:"
    os.utime(mo, (now - 60, now - 60))  # the .po was edited after the last compile
    i18n.translations.cache_clear()
    assert i18n.translations("es").gettext("hint:") == "desde el po:"
    i18n.translations.cache_clear()
