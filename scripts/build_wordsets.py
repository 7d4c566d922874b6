#!/usr/bin/env python3
"""Builds the precompiled word sets shipped with contentlint.

Usage::

    PYTHONPATH=src .venv/bin/python scripts/build_wordsets.py

For each shipped dictionary (src/contentlint/language/dictionaries/<locale>.aff/.dic)
it generates every form the affix rules produce (contentlint.language.wordset.expand)
and writes <locale>.words beside it (the block layout of
contentlint.language.wordset.encode_blocks, read without decompressing). Run it after changing a dictionary file; the
tests check that the shipped sets match the dictionaries' fingerprints.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def main() -> int:
    from contentlint.language.speller import LOCALES, Speller, shipped_set_path
    from contentlint.language.wordset import encode_blocks, expand

    for lang in LOCALES:
        speller = Speller(lang)
        forms = expand(speller.engine())
        path = shipped_set_path(lang)
        path.write_bytes(encode_blocks(forms))
        print(f"{path.relative_to(ROOT)}: {len(forms)} forms, {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
