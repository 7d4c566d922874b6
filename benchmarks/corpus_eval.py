#!/usr/bin/env python3
"""Measure contentlint's false findings and recall on the translator-variation corpus.

    python benchmarks/corpus_eval.py --src /work/wt-old/src --json before.json --md BEFORE.md

--src PATH   contentlint source tree put on PYTHONPATH (default: this repository's src)
--python     interpreter that runs contentlint (default: this one)
--json OUT   write the full results as JSON
--md OUT     write the summary table as Markdown (it is also printed)
--case ID    only these cases (and their defective twins); repeatable
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "corpus"))

import harness


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", default=str(ROOT / "src"))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--json", dest="json_out")
    ap.add_argument("--md", dest="md_out")
    ap.add_argument("--jobs", type=int, default=8)
    ap.add_argument("--case", action="append")
    args = ap.parse_args(argv)
    summary = harness.evaluate(src=args.src, python=args.python, jobs=args.jobs, only=args.case)
    md = harness.markdown(summary, src=args.src)
    print(md)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.md_out:
        Path(args.md_out).write_text(md, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
