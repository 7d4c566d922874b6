"""``contentlint sync mark|status``."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``contentlint sync``."""
    sub = parser.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    sub.add_parser("status", help="list stale Spanish blocks")
    mark = sub.add_parser("mark", help="record that a Spanish guide matches its English now")
    mark.add_argument("guide", help="a guide id or path")


def run(args: argparse.Namespace) -> int:
    """Not built yet."""
    raise NotImplementedError
