"""The stand-in for pydantic's private plugin loader (cli/app.py) stays compatible.

contentlint replaces ``pydantic.plugin._loader`` (which imports importlib.metadata,
email, zipfile, csv and socket to find plugins that PYDANTIC_DISABLE_PLUGINS=__all__
then ignores) with a module whose ``get_plugins()`` returns ``()``. A pydantic
upgrade that imports more names from its loader must not break a run.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pydantic

from contentlint.cli.app import PYDANTIC_LOADER_NAMES

CHECK = "import sys; from contentlint.cli import main; code = main(['check', '--format', 'json']); "


def _names_pydantic_imports_from_its_loader() -> set[str]:
    names: set[str] = set()
    for path in Path(pydantic.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("_loader") and (
                node.level > 0 or (node.module or "").startswith("pydantic.plugin")
            ):
                names.update(alias.name for alias in node.names)
    return names


def test_the_stand_in_answers_every_name_pydantic_imports_from_its_loader():
    imported = _names_pydantic_imports_from_its_loader()
    assert imported, "pydantic no longer imports from plugin._loader: drop the stand-in"
    assert imported <= PYDANTIC_LOADER_NAMES, f"pydantic now also imports {sorted(imported - PYDANTIC_LOADER_NAMES)}"


def _run(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, check=False,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).parents[1] / "src")})


def test_a_check_validates_front_matter_without_importlib_metadata(tmp_path):
    from clitools import guide_text, write_project

    root = write_project(tmp_path, {"content/en/sample-guide.md": guide_text().replace("lang: en", "lang: en\nbogus: 1")})
    result = _run(CHECK + "print(code, 'importlib.metadata' in sys.modules, type(sys.modules['pydantic.plugin._loader']))", root)
    code, metadata_imported, loader = result.stdout.strip().splitlines()[-1].split(" ", 2)
    assert result.returncode == 0, result.stderr
    assert code == "1"  # the unknown field is reported: pydantic validated the front matter
    assert metadata_imported == "False"
    assert "module" in loader


def test_any_other_name_falls_back_to_the_real_loader(tmp_path):
    code = (
        "import os; os.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'\n"
        "from contentlint.cli.app import _skip_pydantic_plugin_loader\n"
        "_skip_pydantic_plugin_loader()\n"
        "import sys; stand_in = sys.modules['pydantic.plugin._loader']\n"
        "assert stand_in.get_plugins() == ()\n"
        "value = stand_in._plugins\n"  # a name only the real module has
        "import importlib; real = importlib.import_module('pydantic.plugin._loader')\n"
        "print(real is not stand_in, hasattr(real, '_plugins'))\n"
    )
    result = _run(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]
