"""Wall time of `contentlint report` on the bundled library (HTML, JSON, SARIF, JUnit, summary).

Target: <= 2 s. Not a test. Run: .venv/bin/python benchmarks/report_bench.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    exe = str(Path(sys.executable).with_name("contentlint"))
    times = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run([exe, "report", "--out", out], cwd=ROOT, capture_output=True, check=False)
            times.append(time.perf_counter() - start)
    print(f"contentlint report (bundled library): median {statistics.median(times):.2f} s, "
          f"min {min(times):.2f} s over {args.runs} runs (target <= 2 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
