"""What the parsers alone cost, before any rule runs: the floor under the cold targets.

Not a test. For a generated library of N pairs, in one process on one core:
reading and decoding every file, composing the front matter with libyaml
(contentlint's loader), validating it with the pydantic models, and building
markdown-it-pyrs' syntax tree of every body (no conversion to blocks). And for
one new process: importing Python with the libraries contentlint is built on
(pydantic, ruamel.yaml, markdown-it-pyrs, babel) and nothing of contentlint.

    .venv/bin/python benchmarks/floor_bench.py [--pairs 1000]
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
sys.path.insert(0, str(ROOT / "benchmarks"))

from bytecode import compile_package
from generate_library import generate

IMPORTS = "import pydantic, ruamel.yaml, markdown_it_pyrs, babel; from pydantic import BaseModel"


def _parse_only(library: Path) -> dict[str, float]:
    from markdown_it_pyrs import MarkdownIt

    from contentlint.content.documents import load_document
    from contentlint.schema.validate import validate_document

    files = sorted((library / "content").rglob("*.md")) + sorted((library / "content/data").glob("*.yaml"))
    parser = MarkdownIt("commonmark").enable("table")  # as contentlint.content.markdown.rust does
    start = time.perf_counter()
    docs = [load_document(path, str(path), 2_000_000) for path in files]
    loaded = time.perf_counter()
    for doc in docs:
        validate_document(doc)
    validated = time.perf_counter()
    for doc in docs:
        if doc.body:
            parser.tree(doc.body)
    parsed = time.perf_counter()
    return {
        "files": len(files),
        "read + YAML": loaded - start,
        "pydantic validation": validated - loaded,
        "markdown tree": parsed - validated,
        "total": parsed - start,
    }


def _import_floor(runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", IMPORTS], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory() as temp:
        library = generate(Path(temp) / "lib", args.pairs, 0.05, 1)
        results = _parse_only(library)
    print(f"{results['files']} files, one process, one core, no rules:")
    for name in ("read + YAML", "pydantic validation", "markdown tree", "total"):
        print(f"  {name:<22} {results[name]:.2f} s")
    print(f"new process importing pydantic, ruamel.yaml, markdown-it-pyrs, babel: {_import_floor(args.runs):.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
