"""PR035 url-mismatch: external links differ between aligned blocks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from contentlint.facts.extract import Fact
from contentlint.facts.grammar import url_key
from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import NoOptions, PairRule
from contentlint.rules.pairs.parity import mismatch_finding, unmatched

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


class UrlMismatch(PairRule):
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
    groups = ("sync",)

    class Options(NoOptions):
        """Options of PR035."""

        url_map: dict[str, str] = Field(default_factory=dict)

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Compare URLs block by block."""
        prefixes = sorted(((url_key(k), url_key(v)) for k, v in self.options.url_map.items()),
                          key=lambda kv: len(kv[0]), reverse=True)
        for en, es in ctx.aligned_prose(target):
            en_keys = sorted(t for t in en.tokens if t.startswith("u:"))
            if en_keys == sorted(t for t in es.tokens if t.startswith("u:")):
                continue  # the same addresses (or none)
            en_urls = ctx.block_facts(target.en, en).urls
            es_urls = ctx.block_facts(target.es, es).urls
            if not en_urls and not es_urls:
                continue
            en_only, es_only = unmatched(en_urls, es_urls, lambda a, b: _same(a, b, prefixes))
            if not en_only and not es_only:
                continue
            yield mismatch_finding(
                self,
                target,
                en,
                es,
                en_only,
                es_only,
                lambda english, spanish: msg(
                    "links differ from the English block: English has {english}; Spanish has {spanish}",
                    english=english, spanish=spanish,
                ),
                msg("Link to the same page as the English (or its Spanish version listed in url-map)."),
            )


def _same(en: Fact, es: Fact, prefixes: list[tuple[str, str]]) -> bool:
    if en.key == es.key:
        return True
    for english, spanish in prefixes:
        if en.key.startswith(english) and es.key == (spanish + en.key[len(english):]).rstrip("/"):
            return True
    return False
