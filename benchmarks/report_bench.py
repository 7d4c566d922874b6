"""`contentlint report` (HTML, JSON, SARIF, JUnit, summary, translation-status.json):
wall time on the bundled library, and time and report sizes on a generated library.

Target: <= 2 s on the bundled library. Not a test.
Run: .venv/bin/python benchmarks/report_bench.py [--runs 5] [--pairs 200]
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bytecode import compile_package

ROOT = Path(__file__).resolve().parents[1]


def _generator() -> object:
    spec = importlib.util.spec_from_file_location("generate_library", ROOT / "benchmarks/generate_library.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _time(exe: str, project: Path, out: Path, runs: int, *options: str) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([exe, "report", *options, "--out", str(out)], cwd=project, capture_output=True,
                              check=False)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"contentlint report exited {done.returncode}: {done.stderr}")
    return times


def _line(label: str, times: list[float], target: str = "") -> str:
    return (f"{label}: median {statistics.median(times):.2f} s, min {min(times):.2f} s over {len(times)} runs"
            + (f" ({target})" if target else ""))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pairs", type=int, default=200, help="pairs of the generated library (0: skip it)")
    args = parser.parse_args()
    exe = str(Path(sys.executable).with_name("contentlint"))
    compile_package()
    with tempfile.TemporaryDirectory() as temp:
        out = Path(temp) / "out"
        # The bundled library, copied so its own reports/ and cache stay untouched.
        bundled = Path(temp) / "bundled"
        shutil.copytree(ROOT / "content", bundled / "content")
        shutil.copyfile(ROOT / "pyproject.toml", bundled / "pyproject.toml")
        print(_line("contentlint report (bundled library), no cache", _time(exe, bundled, out, args.runs,
                                                                           "--no-cache"), "target <= 2 s"))
        _time(exe, bundled, out, 1)  # fills the cache
        print(_line("contentlint report (bundled library), cache warm", _time(exe, bundled, out, args.runs),
                    "target <= 2 s"))
        if args.pairs:
            library = _generator().generate(Path(temp) / "generated", args.pairs, 0.05, 7)  # type: ignore[attr-defined]
            runs = max(1, args.runs // 2)
            print(_line(f"contentlint report ({args.pairs} generated pairs), no cache",
                        _time(exe, library, out, runs, "--no-cache")))
            for path in sorted(out.iterdir()):
                print(f"  {path.name}: {path.stat().st_size / 1024:,.0f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
