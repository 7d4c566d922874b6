"""Errors that end a run with exit code 2 (kept import-light for the CLI)."""


class ConfigError(Exception):
    """The configuration cannot be used; the CLI exits 2 with this message."""


class UsageError(Exception):
    """A path or argument the user gave cannot be used (exit 2)."""
