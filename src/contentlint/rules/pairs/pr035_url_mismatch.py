"""PR035 url-mismatch: external links differ between aligned blocks."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from pydantic import Field

from contentlint.facts.extract import Fact
from contentlint.facts.grammar import url_key
from contentlint.findings import Severity
from contentlint.i18n import msg
from contentlint.rules.base import NoOptions
from contentlint.rules.kinds import FactParityRule

if TYPE_CHECKING:
    pass


class UrlMismatch(FactParityRule):
    """An aligned Spanish block that links to other web addresses than the English block.

    ## What it does
    Compares the external URLs of two aligned blocks (link targets and URLs
    written in the text; scheme and host case and a trailing slash ignored).
    A Spanish URL matches when it is the English one, or the English one with a
    prefix replaced by its Spanish equivalent from `url-map`.

    ## Why is this bad?
    A changed or dropped link sends one group of readers somewhere else, often
    to an outdated or English-only page when a Spanish one exists.

    ## Example
    ```toml
    [tool.contentlint.rules.url-mismatch]
    url-map = {"https://www.parentcenterhub.org/" = "https://www.parentcenterhub.org/es/"}
    ```
    With this map, `https://www.parentcenterhub.org/find-your-center/` in English
    and `https://www.parentcenterhub.org/es/find-your-center/` in Spanish agree.

    ## Options
    - `url-map` (default empty): English URL prefix -> Spanish URL prefix.
    """

    code = "PR035"
    name = "url-mismatch"
    default_severity = Severity.ERROR

    class Options(NoOptions):
        """Options of PR035."""

        url_map: dict[str, str] = Field(default_factory=dict)

    facts = (("urls", ""),)
    token_prefix = "u:"

    @cached_property
    def _prefixes(self) -> list[tuple[str, str]]:
        """The url-map, longest English prefix first."""
        pairs = ((url_key(k), url_key(v)) for k, v in self.options.url_map.items())
        return sorted(pairs, key=lambda kv: len(kv[0]), reverse=True)

    def same(self, en: Fact, es: Fact) -> bool:
        """The same address, or the Spanish page the url-map names for it."""
        return _same(en, es, self._prefixes)

    def message(self, label: str, english: str, spanish: str) -> str:
        """Name the links only one side has."""
        return msg("links differ from the English block: English has {english}; Spanish has {spanish}",
                   english=english, spanish=spanish)

    def hint(self) -> str:
        """How to fix it."""
        return msg("Link to the same page as the English (or its Spanish version listed in url-map).")


def _same(en: Fact, es: Fact, prefixes: list[tuple[str, str]]) -> bool:
    if en.key == es.key:
        return True
    for english, spanish in prefixes:
        if en.key.startswith(english) and es.key == (spanish + en.key[len(english):]).rstrip("/"):
            return True
    return False
