"""PR005 related-guides-mismatch: the two guides list different related guides."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import NoOptions, PairRule

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


def _ids(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


class RelatedGuidesMismatch(PairRule):
    """A Spanish guide whose `related` list differs from its English guide's.

    ## What it does
    Compares the `related` ids of the two guides (ids are shared by both
    languages) and names the ids missing from, or extra in, the Spanish list.

    ## Why is this bad?
    The related guides are the "read next" links. A translation that drops one
    leaves Spanish readers without a step the English readers get.

    ## Example
    ```yaml
    # English: related: [prior-written-notice, dispute-options]
    related: [prior-written-notice]      # <- PR005: dispute-options is missing
    ```

    ## Options
    - `check-order` (default false): also report the same ids in another order.
    """

    code = "PR005"
    name = "related-guides-mismatch"
    default_severity = Severity.WARNING

    class Options(NoOptions):
        """Options of PR005."""

        check_order: bool = False

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Compare the related lists."""
        en_ids, es_ids = _ids(target.en.front.get("related")), _ids(target.es.front.get("related"))
        missing = [i for i in en_ids if i not in es_ids]
        extra = [i for i in es_ids if i not in en_ids]
        if missing or extra:
            parts = []
            if missing:
                parts.append(msg("missing {ids}", ids=", ".join(missing)))
            if extra:
                parts.append(msg("not in the English: {ids}", ids=", ".join(extra)))
            message = (msg("related guides differ from the English guide's: {first}", first=parts[0]) if len(parts) == 1
                       else msg("related guides differ from the English guide's: {first}; {second}", first=parts[0],
                                second=parts[1]))
        elif self.options.check_order and en_ids != es_ids:
            message = msg("related guides are in another order than the English guide's")
        else:
            return
        line, column = target.es.value_position(("related",))
        en_line, en_column = target.en.value_position(("related",))
        yield self.finding(
            target.es,
            line,
            column,
            message,
            msg("Use the English list: [{ids}].", ids=", ".join(en_ids)),
            related=(Location(target.en.display, en_line, en_column, note=msg("English related")),),
        )
