"""Precision and recall of the MP rules per kind on tests/meaning/corpus.yaml.

    python benchmarks/meaning_eval.py [--src src] [--corpus FILE] [--json OUT] [--verbose]

``--corpus tests/meaning/heldout.yaml`` scores the held-out pairs (written apart
from the rules) instead of the development corpus.

Runs the real CLI (``--select MP``) on a project built from the corpus (see
tests/meaning/meaning_harness.py) and prints one row per kind; ``--verbose`` also lists
each false finding and each missed defect.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "meaning"))

import meaning_harness as harness


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", default=str(ROOT / "src"))
    parser.add_argument("--corpus", type=Path, default=harness.CORPUS,
                        help="a corpus file in the format of tests/meaning/corpus.yaml")
    parser.add_argument("--json", dest="json_out")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    summary = harness.evaluate(args.src, corpus=args.corpus.resolve())
    print(f"{summary['pairs']} sentence pairs ({summary['correct']} correct, "
          f"{summary['pairs'] - summary['correct']} with a planted defect)")
    print(f"{'kind':<10} {'planted':>7} {'found':>6} {'false':>6} {'precision':>10} {'recall':>7}")
    for kind, row in summary["kinds"].items():
        print(f"{kind:<10} {row['planted']:>7} {row['found']:>6} {row['false']:>6} "
              f"{row['precision']:>10.1%} {row['recall']:>7.1%}")
    if args.verbose:
        for wrong in summary["false_findings"]:
            f = wrong["finding"]
            print(f"FALSE {f['code']} row {wrong['row']}: {f['message']} | {wrong.get('en', '')} | {wrong.get('es', '')}")
        for missed in summary["missed"]:
            print(f"MISSED {missed['expect']} row {missed['row']}: {missed['en']} | {missed['es']}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
