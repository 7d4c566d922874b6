"""The benchmarks of two revisions in one run: is any case slower after a change?

Not a test. Runs ``run_benchmarks.py`` once per revision, alternating
(before, after, before, after ... for ``--rounds``), each revision's code
chosen with ``PYTHONPATH`` and each measured on the same generated libraries;
then prints each case's medians side by side with the ratio.

    git worktree add --detach /tmp/before <commit>
    .venv/bin/python benchmarks/compare_revisions.py /tmp/before/src src --scales 1000 --rounds 2

The machine is shared and drifts by up to 30 % between runs: alternating the
revisions puts the drift on both sides.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _measure(src: Path, scales: str, runs: int, out: Path) -> list[dict[str, object]]:
    env = {**os.environ, "PYTHONPATH": str(src.resolve())}
    command = [sys.executable, str(ROOT / "benchmarks/run_benchmarks.py"), "--scales", scales, "--runs", str(runs),
               "--json", str(out)]
    subprocess.run(command, env=env, check=True, capture_output=True)
    rows: list[dict[str, object]] = json.loads(out.read_text())["rows"]
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the src/ folder of the revision before")
    parser.add_argument("after", type=Path, help="the src/ folder of the revision after")
    parser.add_argument("--scales", default="1000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", type=Path, help="write both revisions' rows here")
    args = parser.parse_args()
    seconds: dict[str, dict[str, list[float]]] = {"before": {}, "after": {}}
    order: list[str] = []
    with tempfile.TemporaryDirectory() as temp:
        for number in range(args.rounds):
            for label, src in (("before", args.before), ("after", args.after)):
                rows = _measure(src, args.scales, args.runs, Path(temp) / f"{label}-{number}.json")
                for row in rows:
                    case = str(row["case"])
                    if case not in order:
                        order.append(case)
                    seconds[label].setdefault(case, []).append(float(row["seconds"]))  # type: ignore[arg-type]
    print(f"{'case':<60} {'before':>8} {'after':>8} {'after/before':>13}")
    table = []
    for case in order:
        before = statistics.median(seconds["before"].get(case, [float("nan")]))
        after = statistics.median(seconds["after"].get(case, [float("nan")]))
        table.append({"case": case, "before": before, "after": after, "ratio": after / before if before else None})
        print(f"{case:<60} {before:>8.2f} {after:>8.2f} {after / before:>13.2f}")
    if args.json:
        args.json.write_text(json.dumps({"rounds": args.rounds, "rows": table}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
