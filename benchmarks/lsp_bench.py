"""Benchmark: the language server's diagnostics after an edit, warm, as an editor sees them.

Usage:  .venv/bin/python benchmarks/lsp_bench.py [--edits 40] [--pairs 1000] [--skip-generated]

For the bundled library (a copy) and a generated library of `--pairs` pairs
(benchmarks/generate_library.py), starts `contentlint lsp` over stdio, sends
initialize (the library is loaded then), opens an English guide, and then sends
`--edits` didChange notifications one after the other, each changing a word of
a paragraph (in the bundled library the Spanish guide goes stale: PR020 on it). For each
edit it measures the wall time from writing the didChange to reading the
publishDiagnostics of both the guide and its translation: the whole round trip
an editor waits for. The server runs with `debounce: 0`; an editor's default
pause (150 ms) comes on top of these numbers by design, as the writer types.
Targets (issue 17): median at most 100 ms on the bundled library, 300 ms on
1,000 pairs.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from lspclient import LspClient


def measure(project: Path, en: Path, es: Path, edits: int) -> dict[str, float]:
    client = LspClient(project)
    try:
        start = time.perf_counter()
        client.initialize(project, {"debounce": 0})
        init = time.perf_counter() - start
        text = en.read_text(encoding="utf-8")
        mark = client.mark()
        start = time.perf_counter()
        client.open(en, text)
        client.diagnostics(en.as_uri(), mark)
        client.diagnostics(es.as_uri(), mark)
        first = time.perf_counter() - start
        paragraph = next(line for line in text.split("\n") if line.startswith(("The ", "A ", "If ", "You ")))
        times = []
        for number in range(edits):
            edited = text.replace(paragraph, paragraph.replace(" ", f" word{number} ", 1), 1)
            mark = client.mark()
            start = time.perf_counter()
            client.change(en, edited, number + 2)
            client.diagnostics(en.as_uri(), mark)
            client.diagnostics(es.as_uri(), mark)
            times.append(time.perf_counter() - start)
        client.close()
    finally:
        if client.process.poll() is None:
            client.process.kill()
    times.sort()
    return {"initialize": init, "first": first, "median": statistics.median(times),
            "p90": times[int(len(times) * 0.9) - 1], "max": times[-1]}


def _report(name: str, numbers: dict[str, float], target: float) -> bool:
    ok = numbers["median"] <= target
    print(f"{name}: initialize (load) {numbers['initialize']:.2f} s, first check {numbers['first'] * 1000:.0f} ms;"
          f" after an edit: median {numbers['median'] * 1000:.0f} ms, p90 {numbers['p90'] * 1000:.0f} ms,"
          f" max {numbers['max'] * 1000:.0f} ms (target median <= {target * 1000:.0f} ms: {'ok' if ok else 'MISSED'})", flush=True)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--skip-generated", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="contentlint-lsp-"))
    ok = True
    try:
        bundled = folder / "bundled"
        shutil.copytree(ROOT / "content", bundled / "content")
        shutil.copy(ROOT / "pyproject.toml", bundled / "pyproject.toml")
        numbers = measure(bundled, bundled / "content/en/prior-written-notice.md",
                          bundled / "content/es/notificacion-previa-por-escrito.md", args.edits)
        ok &= _report("bundled library (7 pairs)", numbers, 0.100)
        if not args.skip_generated:
            from generate_library import generate

            generated = generate(folder / "generated", args.pairs, 0.05, 1)
            numbers = measure(generated, generated / "content/en/prior-written-notice-3.md",
                              generated / "content/es/notificacion-previa-por-escrito-3.md", args.edits)
            ok &= _report(f"generated library ({args.pairs} pairs)", numbers, 0.300)
    finally:
        shutil.rmtree(folder)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
