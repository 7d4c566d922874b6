"""``contentlint lsp``: the language server for editors, over stdin/stdout.

Needs the optional ``lsp`` extra (``pip install 'contentlint[lsp]'``: pygls);
without it the command says so and exits 2. Editor set-up: docs/editors.md.
"""

from __future__ import annotations

import argparse
import sys

EXIT_ERROR = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``contentlint lsp`` has no arguments: the editor sends its options at start."""
    parser.add_argument("--stdio", action="store_true", help="talk over stdin/stdout (the default and only way)")


def run(args: argparse.Namespace) -> int:
    """Serve until the editor says exit."""
    try:
        from contentlint.lsp.server import serve
    except ImportError as exc:
        sys.stderr.write(
            f"contentlint: error: the language server needs pygls ({exc.name} is missing);"
            " install it with: pip install 'contentlint[lsp]'\n"
        )
        return EXIT_ERROR
    serve()
    return 0
