#!/usr/bin/env python3
"""Write the readability baseline (RD005) for the content as it is now.

Usage (from the project, with contentlint installed)::

    python scripts/readability_baseline.py                 # -> the RD005 `baseline` file,
                                                           #    else reports/readability-baseline.json
    python scripts/readability_baseline.py -o FILE [--config pyproject.toml]

Scores every guide exactly as the RD rules do (same extraction, same engine, the
RD005 `include-headings` setting) and writes, per guide, its words, sentences and
grade (and INFLESZ for Spanish). Commit the file; CI then reports guides that got
harder by more than RD005 allows, e.g. "grade 7.2 to 8.9".
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def main(argv: Sequence[str] | None = None) -> int:
    """Write the baseline; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, help="baseline file to write")
    parser.add_argument("--config", type=Path, help="a pyproject.toml or .contentlint.toml to use")
    args = parser.parse_args(argv)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

    from contentlint.errors import ConfigError, UsageError
    from contentlint.pipeline.run import load_context
    from contentlint.pipeline.selection import load_resolved as load_config
    from contentlint.readability.baseline import (
        DEFAULT_PATH,
        GIT_PREFIX,
        build_baseline,
        write_baseline,
    )
    from contentlint.rules.readability.rd005_readability_regression import (
        ReadabilityRegression,
    )

    try:
        config = load_config(Path.cwd(), args.config)
        ctx = load_context(config)
    except (ConfigError, UsageError) as exc:
        sys.stderr.write(f"readability_baseline: error: {exc}\n")
        return 2
    options: Any = config.options.get("RD005") or ReadabilityRegression.Options()
    output = args.output
    if output is None:
        configured = options.baseline
        name = configured if configured and not configured.startswith(GIT_PREFIX) else DEFAULT_PATH
        output = config.root / name
    data = build_baseline(ctx.library.guides, include_headings=options.include_headings)
    write_baseline(output, data)
    sys.stdout.write(f"wrote {len(data['guides'])} guides to {output}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
