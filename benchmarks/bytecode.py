"""Compile contentlint's bytecode before timing it.

An installed package has its ``.pyc`` files (pip compiles them); an editable
checkout may not, when ``PYTHONDONTWRITEBYTECODE`` is set, and then every cold
run would time the Python compiler (about 0.2 s) instead of contentlint.
"""

from __future__ import annotations

import compileall
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def compile_package() -> None:
    """Write the ``__pycache__`` of every contentlint module (quietly): this checkout's,
    and the one ``PYTHONPATH`` points at when another revision is measured."""
    import os

    folders = [ROOT / "src"] + [Path(p) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    for folder in folders:
        if (folder / "contentlint").is_dir():
            compileall.compile_dir(str(folder / "contentlint"), quiet=1)
