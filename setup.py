"""Build hook: compile the message catalogs (.po -> .mo) into the built package.

Everything else about the package is in pyproject.toml. An editable install
reads the .po directly (see contentlint.i18n.translations), so it needs no .mo.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithCatalogs(build_py):
    """``build_py`` that also writes ``locale/<lang>/LC_MESSAGES/*.mo`` into the build."""

    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            self.compile_catalogs(Path(self.build_lib) / "contentlint" / "locale")

    @staticmethod
    def compile_catalogs(locale: Path) -> list[Path]:
        """Compile every ``.po`` under ``locale`` (fuzzy entries are left out, as pybabel does)."""
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        written = []
        for po in sorted(locale.glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=po.parent.parent.name)
            mo = po.with_suffix(".mo")
            with mo.open("wb") as handle:
                write_mo(handle, catalog, use_fuzzy=False)
            written.append(mo)
        return written


setup(cmdclass={"build_py": BuildPyWithCatalogs})
