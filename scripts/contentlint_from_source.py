#!/usr/bin/env python3
"""Run contentlint from this repository's ``src/`` (the local pre-commit hook).

``.pre-commit-config.yaml`` checks this repository's own library with the
contentlint of the same commit, not with a released version: pre-commit
installs the dependencies (``additional_dependencies``) and this wrapper puts
``src/`` first on the import path. The Spanish catalog is read from the
``.po`` file when no compiled ``.mo`` is there.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from contentlint.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
