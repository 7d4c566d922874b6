"""Cold-process wall time of `contentlint --version` and of a one-pair check.

Not a test: prints a table and writes reports/benchmarks-startup.json.
Run: .venv/bin/python benchmarks/startup_bench.py [--runs 15]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bytecode import compile_package

TARGET_SECONDS = 0.25


def _timed(command: list[str], cwd: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return times


def _one_pair_project(folder: Path) -> Path:
    """A project holding only the seed guide's English/Spanish pair and the data files."""
    content = ROOT / "content"
    (folder / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n')
    for lang, name in (("en", "what-to-do-if-the-school-denies-an-iep.md"), ("es", "que-hacer-si-la-escuela-niega-un-iep.md")):
        (folder / "content" / lang).mkdir(parents=True, exist_ok=True)
        shutil.copy(content / lang / name, folder / "content" / lang / name)
    if (content / "data").is_dir():
        shutil.copytree(content / "data", folder / "content" / "data")
    if (content / "sync").is_dir():
        shutil.copytree(content / "sync", folder / "content" / "sync")
    return folder


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    compile_package()
    exe = str(Path(sys.executable).with_name("contentlint"))
    rows = []
    with tempfile.TemporaryDirectory() as temp:
        project = _one_pair_project(Path(temp))
        pair_files = [str(p) for p in sorted((project / "content").glob("*/*.md"))]
        cases = {
            "contentlint --version": [exe, "--version"],
            "check one pair, no result cache": [exe, "check", "--no-cache", *pair_files],
            "check one pair, result cache warm": [exe, "check", *pair_files],
        }
        for label, command in cases.items():
            _timed(command, project, 2)  # warm the OS file cache, not the process
            times = _timed(command, project, args.runs)
            rows.append({"case": label, "median_s": round(statistics.median(times), 4), "min_s": round(min(times), 4), "runs": args.runs})
    print(f"{'case':<36} {'median':>8} {'min':>8}  target")
    for row in rows:
        target = f"<= {TARGET_SECONDS}" if "pair" in row["case"] else ""
        row["target"] = TARGET_SECONDS if target else None
        print(f"{row['case']:<36} {row['median_s']:>7.3f}s {row['min_s']:>7.3f}s  {target}")
    out = ROOT / "reports" / "benchmarks-startup.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"startup": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
