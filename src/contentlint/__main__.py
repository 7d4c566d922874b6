"""``python -m contentlint``."""

from contentlint.cli import entry

entry()
