"""The speed and memory benchmarks of issue 8, with markdownlint-cli2 as a peer.

Not a test. Prints a table and writes reports/benchmarks.json.

    .venv/bin/python benchmarks/run_benchmarks.py [--scales 1000,10000] [--runs 3]

Cases:
- a cold single-pair check (the pre-commit path: a new process, two files);
- a full library of N pairs with every offline check, without the result cache;
- the same library again with nothing changed (answered by the result cache);
- the same library with one guide edited (a sentence added), each run another
  guide: the per-target cache re-checks that pair and reuses every other result;
- the pre-commit path in that library: one edited guide and its translation
  passed as files, the caches warm for everything else;
- peak RSS of the full run (from the child's rusage);
- markdownlint-cli2 (npm, installed into benchmarks/.peers by
  `npm install --prefix benchmarks/.peers markdownlint-cli2`) on the same files.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
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
from generate_library import generate

EXE = str(Path(sys.executable).with_name("contentlint"))
PEER = ROOT / "benchmarks/.peers/node_modules/.bin/markdownlint-cli2"
TARGETS = {"pair": 0.25, 1000: 1.5, 10000: 15.0, "rss_mb": 300, "cached": 0.3}


def _run(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and the command's own peak RSS in MB (GNU time's %M)."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file:
        timed = ["/usr/bin/time", "-f", "%M", "-o", rss_file.name, *command] if Path("/usr/bin/time").exists() else command
        start = time.perf_counter()
        subprocess.run(timed, cwd=cwd, capture_output=True, check=False, env={**os.environ, "NO_COLOR": "1"})
        wall = time.perf_counter() - start
        text = Path(rss_file.name).read_text().strip().splitlines()
    kilobytes = float(text[-1]) if text and text[-1].isdigit() else 0.0
    return wall, kilobytes / 1024


def _median(command: list[str], cwd: Path, runs: int) -> tuple[float, float]:
    results = [_run(command, cwd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def _edited_runs(library: Path, runs: int, staged_pair: bool = False) -> float:
    """Median wall time of checks that each follow an edit of another guide.

    ``staged_pair``: check only the edited guide and its translation, as the
    pre-commit hook does when those two files are staged.
    """
    guides = sorted((library / "content/en").glob("*.md"))
    times = []
    for number in range(runs):
        guide = guides[(number * 97 + (53 if staged_pair else 0)) % len(guides)]
        with guide.open("a", encoding="utf-8") as handle:
            handle.write(f"\nKeep a copy of letter {number} in your binder.\n")
        files = [str(guide), str(_translation(guide))] if staged_pair else []
        times.append(_run([EXE, "check", "--format", "json", *files], library)[0])
    return statistics.median(times)


def _translation(guide: Path) -> Path:
    """The Spanish guide with the same ``id:`` as an English one."""
    line = next(x for x in guide.read_text(encoding="utf-8").splitlines() if x.startswith("id: "))
    for path in sorted(guide.parent.parent.glob("es/*.md")):
        if line in path.read_text(encoding="utf-8").splitlines():
            return path
    raise LookupError(f"no translation of {guide}")


def _machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", default="1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, default=ROOT / "reports" / "benchmarks.json", help="where to write the rows")
    args = parser.parse_args()
    compile_package()
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as temp:
        base = Path(temp)
        pair = generate(base / "pair", 1, 0.0, 1)
        files = sorted(str(p) for p in (pair / "content").glob("e[ns]/*.md"))
        wall, _ = _median([EXE, "check", "--no-cache", *files], pair, max(args.runs, 5))
        rows.append({"case": "single pair, cold process (pre-commit)", "files": 2, "seconds": wall, "target": TARGETS["pair"]})
        bundled = base / "bundled"
        shutil.copytree(ROOT / "content", bundled / "content")
        (bundled / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n')
        staged = ["content/en/prior-written-notice.md", "content/es/notificacion-previa-por-escrito.md"]
        wall, _ = _median([EXE, "check", "--no-cache", *staged], bundled, max(args.runs, 5))
        rows.append({"case": "one pair of the bundled library (17 files), no cache", "files": 2, "seconds": wall, "target": TARGETS["pair"]})
        _run([EXE, "check", *staged], bundled)
        wall = _edited_runs(bundled, max(args.runs, 5), staged_pair=True)
        rows.append({"case": "one pair of the bundled library, edited, caches warm", "files": 2, "seconds": wall, "target": TARGETS["pair"]})
        for scale in (int(s) for s in args.scales.split(",") if s):
            library = generate(base / f"lib{scale}", scale, 0.05, 1)
            count = 2 * scale
            wall, rss = _median([EXE, "check", "--no-cache", "--format", "json"], library, args.runs)
            rows.append({"case": f"{scale} pairs, all offline checks", "files": count, "seconds": wall, "peak_rss_mb": round(rss), "target": TARGETS.get(scale)})
            _run([EXE, "check", "--format", "json"], library)  # fill the result cache
            wall, _ = _median([EXE, "check", "--format", "json"], library, args.runs)
            rows.append({"case": f"{scale} pairs, nothing changed (result cache)", "files": count, "seconds": wall, "target": TARGETS["cached"]})
            wall = _edited_runs(library, args.runs)
            rows.append({"case": f"{scale} pairs, one guide edited (per-target cache)", "files": count, "seconds": wall, "target": None})
            wall = _edited_runs(library, args.runs, staged_pair=True)
            rows.append({"case": f"{scale} pairs, pre-commit on one edited pair (caches warm)", "files": count, "seconds": wall, "target": None})
            if PEER.exists():
                globs = ["content/**/*.md"]
                wall, rss = _median([str(PEER), *globs], library, args.runs)
                rows.append({"case": f"{scale} pairs, markdownlint-cli2 (peer, Markdown style only)", "files": count, "seconds": wall, "peak_rss_mb": round(rss), "target": None})
            shutil.rmtree(library, ignore_errors=True)
    print(f"machine: {_machine()}")
    print(f"{'case':<58} {'files':>6} {'seconds':>8} {'RSS MB':>7} {'target':>7}")
    for row in rows:
        target = f"<= {row['target']}" if row.get("target") else ""
        rss = row.get("peak_rss_mb", "")
        print(f"{row['case']:<58} {row['files']:>6} {row['seconds']:>8.2f} {rss!s:>7} {target:>7}")
    out = args.json
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"machine": _machine(), "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
