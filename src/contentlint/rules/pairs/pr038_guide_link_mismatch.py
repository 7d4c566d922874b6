"""PR038 guide-link-mismatch: aligned blocks link to different guides."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.bilingual.describe import english_note
from contentlint.bilingual.locate import block_location
from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import PairRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.content.library import Pair
    from contentlint.content.markdown.blocks import InlineLink
    from contentlint.context import RunContext


def _is_guide_link(href: str) -> bool:
    target = href.split("#", 1)[0]
    return target.startswith("guide:") or (target.endswith((".md", ".markdown")) and "://" not in target)


class GuideLinkMismatch(PairRule):
    """An aligned Spanish block whose links to other guides point at other guide ids than the English block's.

    ## What it does
    Resolves each link to a guide (a relative `.md` path or `guide:<id>`) in
    both blocks and compares the ids of the guides they reach. A Spanish link to
    an English guide is reported when that guide has a Spanish translation.
    Links that resolve to nothing are left to the link checks.

    ## Why is this bad?
    The Spanish reader following "our guide on mediation" should reach the
    Spanish guide on mediation, not another guide or the English page.

    ## Example
    ```markdown
    English: Compare them in our guide to [mediation](dispute-options.md).
    Spanish: Compárelas en nuestra [guía](notificacion-previa-por-escrito.md).    <- PR038
    ```

    ## Options
    None besides `severity`.
    """

    code = "PR038"
    name = "guide-link-mismatch"
    default_severity = Severity.ERROR

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Compare the guides each block links to."""
        for en, es in ctx.aligned_prose(target):
            en_links = [link for link in en.block.links if _is_guide_link(link.href)]
            es_links = [link for link in es.block.links if _is_guide_link(link.href)]
            if not en_links and not es_links:
                continue
            yield from self._wrong_language(target, es_links, ctx)
            en_ids, en_unknown = _ids(target.en, en_links, ctx)
            es_ids, es_unknown = _ids(target.es, es_links, ctx)
            missing, extra = en_ids - es_ids, es_ids - en_ids
            # a link that resolves nowhere may be the missing one: the link checks report it
            if (not missing or es_unknown >= sum(missing.values())) and (
                not extra or en_unknown >= sum(extra.values())
            ):
                continue
            parts = []
            if missing:
                parts.append(msg("English links to {ids}", ids=", ".join(sorted(missing))))
            if extra:
                parts.append(msg("Spanish links to {ids}", ids=", ".join(sorted(extra))))
            related = block_location(target.en, en.block, english_note(en))
            yield self.finding(
                target.es,
                es.block.line,
                1,
                msg("links to other guides differ from the English block: {first}", first=parts[0]) if len(parts) == 1
                else msg("links to other guides differ from the English block: {first}; {second}", first=parts[0],
                         second=parts[1]),
                msg("Link to the Spanish guide with the same id as the English link's guide."),
                related=(related,),
            )

    def _wrong_language(self, pair: Pair, links: list[InlineLink], ctx: RunContext) -> Iterator[Finding]:
        for link in links:
            found = ctx.resolve(pair.es, link.href)
            if found is None or found.lang != "en" or not found.doc_id:
                continue
            spanish = ctx.library.by_id.get((found.doc_id, "es"))
            if not spanish:
                continue  # no translation yet: linking the English guide is right
            yield self.finding(
                pair.es,
                link.line,
                link.column,
                msg("links to the English guide {path}; its Spanish translation is {spanish}", path=found.display,
                    spanish=spanish[0].display),
                msg("Link to the Spanish guide."),
            )


def _ids(doc: Document, links: list[InlineLink], ctx: RunContext) -> tuple[Counter[str], int]:
    ids: Counter[str] = Counter()
    unknown = 0
    for link in links:
        found = ctx.resolve(doc, link.href)
        if found is None or not found.doc_id:
            unknown += 1
        else:
            ids[found.doc_id] += 1
    return ids, unknown
