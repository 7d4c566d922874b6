"""The command line: argv in, text out, an exit code back. Nothing below prints."""

from contentlint.cli.app import main

__all__ = ["main"]
