"""The HTML report for editors: one self-contained page (see :mod:`.page`)."""

from contentlint.reporters.html.page import render

__all__ = ["render"]
