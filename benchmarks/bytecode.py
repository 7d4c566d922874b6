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
    """Write the ``__pycache__`` of every contentlint module (quietly)."""
    compileall.compile_dir(str(ROOT / "src" / "contentlint"), quiet=1)
