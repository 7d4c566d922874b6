"""Which fuzz-campaign cases make markdown-it.rs panic, and whether contentlint's
pre-check sends their bodies to the Python parser.

Not a test. For every Markdown file of cases ``--start`` .. ``--start + --cases`` of a
campaign seed (tests/fuzz/cases.py), parses the body with markdown-it-pyrs directly
(its panics' reports go to a scratch file, not the terminal) and prints, as JSON,
each panicking body's case index and file and ``rust_may_panic``'s answer on it. A
body the pre-check does not route still cannot reach the writer's terminal (see
content/markdown/rust.py), but each one costs a panic and a second parse.

Run: PYTHONPATH=src .venv/bin/python benchmarks/markdown_panic_census.py --seed 20261203 --cases 100000
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "fuzz"))

from cases import make_case

from contentlint.content.markdown.parse import rust_may_panic


def _body(data: bytes) -> str:
    text = data.decode("utf-8", "replace")
    if text.startswith("---") and "\n---" in text:
        return text.split("\n---", 1)[1]
    return text


def _panics(parser: Any, body: str) -> bool:
    try:
        parser.tree(body)
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":
            raise
        return True
    return False


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("--seed", type=int, default=20261203)
    arguments.add_argument("--start", type=int, default=0)
    arguments.add_argument("--cases", type=int, default=1000)
    args = arguments.parse_args()
    import markdown_it_pyrs

    def fresh() -> Any:
        return markdown_it_pyrs.MarkdownIt("commonmark").enable("table")

    parser, found = fresh(), []
    terminal = os.dup(2)
    with tempfile.TemporaryFile() as scratch:
        os.dup2(scratch.fileno(), 2)
        try:
            for index in range(args.start, args.start + args.cases):
                for name, data in make_case(args.seed, index).files.items():
                    if name.endswith(".md") and _panics(parser, body := _body(data)):
                        parser = fresh()
                        found.append({"index": index, "file": name, "routed": rust_may_panic(body)})
        finally:
            os.dup2(terminal, 2)
    routed = sum(1 for entry in found if entry["routed"])
    print(json.dumps({"seed": args.seed, "start": args.start, "cases": args.cases, "panicking_bodies": len(found),
                      "routed_to_python": routed, "bodies": found}, indent=1))
    return 0 if routed == len(found) else 1


if __name__ == "__main__":
    raise SystemExit(main())
