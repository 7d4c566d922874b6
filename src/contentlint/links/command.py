"""``contentlint links --engine linkchecker DIR_OR_URL`` (stub until the links rules land)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``contentlint links``."""
    parser.add_argument("target", help="a folder of rendered HTML, or a site URL")
    parser.add_argument("--engine", choices=("linkchecker",), default="linkchecker")


def run(args: argparse.Namespace) -> int:
    """Not built yet."""
    raise NotImplementedError
