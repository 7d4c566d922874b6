"""PR045 inconsistent-translation: one English sentence translated two ways in the library."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import LibraryRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.content.library import Library
    from contentlint.context import RunContext
    from contentlint.meaning.consistency import Inconsistency, Place, Rendering

# A sentence repeated in hundreds of guides would list hundreds of places on each of
# its findings (quadratic in the group); past this many, the finding says how many more.
MAX_RELATED = 20
_QUOTE_LIMIT = 120


def _quote(sentence: str) -> str:
    return sentence if len(sentence) <= _QUOTE_LIMIT else sentence[: _QUOTE_LIMIT - 1].rstrip() + "…"


class InconsistentTranslation(LibraryRule):
    """The same English sentence is translated in different ways in the library, or two
    different English sentences are given the same Spanish.

    ## What it does
    Pairs the sentences of every aligned English and Spanish block of every guide
    pair (blocks with as many sentences on each side, paired in order, each of a
    length a translation has), then groups them across the whole library:

    * by English sentence: one English sentence rendered by two or more different
      Spanish sentences;
    * by Spanish sentence: one Spanish sentence standing for two or more different
      English sentences.

    It reports each Spanish place whose rendering differs from the most common one
    (every place when two renderings are equally common), quoting both renderings,
    with every other place of the group as a related location (up to 20). A page
    generated from a data file (the Glossary) is never the reported place: its text is
    the data file's, so it names the rendering the guides should follow. Sentences
    of fewer than 4 words ("Yes.", "Next steps") are not compared, nor sentences left
    in English (PR050 reports those), nor the sentences of a pair whose blocks do not
    line up (a missing, extra or moved block, PR010-PR013): there a block may be paired
    with its neighbour's translation, and the finding would be wrong.

    Two sentences are the same when they differ only in case, white space,
    punctuation, typographic quotes, non-breaking spaces, accents or Unicode
    normalization, or markup (emphasis, links): a missing accent is a spelling
    finding (LQ001, LQ002), not a translation choice. Two Spanish renderings of one
    English sentence that differ only in gender and number agreement are the same
    rendering too ("Pídalo por escrito" and "Pídala por escrito" for "Ask for it in
    writing": the noun it stands for decides). Numbers are not masked: sentences with
    different numbers state different facts.

    Glossary terms are not grouped here: the glossary fixes each term's Spanish, and
    PR040 reports a block that uses neither the preferred term nor an accepted
    variant; a library that uses two accepted variants of one term is consistent
    with its glossary by design.

    The rule sees the whole library in every run, also when only some files are
    checked (a pre-commit run on one pair): the findings on those files are the ones a
    full check reports. Each pair's sentence table is kept in the cache database
    under the key of the pair's findings, so such a run aligns only the edited pair.

    ## Why is this bad?
    A parent who reads two guides meets the same instruction in two wordings and may
    think they mean two different things; a translation memory or a style guide
    wants one. The translator of one guide rarely sees the other guides, so nobody
    notices. It is an editor's choice, so the finding is a note (`info`), never a
    merge blocker.

    ## Example
    ```markdown
    <!-- content/es/guia-a.md (for "Ask the school for a copy of the report.") -->
    Pida a la escuela una copia del informe.
    <!-- content/es/guia-b.md, the same English sentence -->
    Solicite a la escuela una copia del informe.   <!-- PR045 on both (a tie) -->
    ```

    ## Options
    None besides `severity`. When the context calls for another wording, suppress
    the finding on that line with a reason.
    """

    code = "PR045"
    name = "inconsistent-translation"
    default_severity = Severity.INFO

    def check(self, target: Library, ctx: RunContext) -> Iterator[Finding]:
        """Group every pair's sentences and report the places that disagree."""
        from contentlint.meaning.consistency import candidates, inconsistencies

        pairs = target.pairs
        # Digests first: only the pairs in a group with two variants are read in full.
        involved = [pairs[index] for index in candidates(ctx.sentence_keys(pairs))]
        found = inconsistencies(ctx.sentence_tables(involved)) if involved else []
        if not found:
            return
        docs = {doc.display: doc for doc in target.documents}
        places: dict[Place, tuple[int, int]] = {}

        def where(place: Place) -> tuple[int, int]:
            if place not in places:
                places[place] = _locate(docs.get(place.path), place)
            return places[place]

        for item in found:
            doc = docs.get(item.here.es_place.path)
            if doc is not None and isinstance(doc.front.get("generated_from"), str):
                continue  # a generated page (Glossary) follows its data file: the other place is the one to edit
            yield self._finding(item, where)

    def _finding(self, item: Inconsistency, where: _Where) -> Finding:
        here = item.here
        line, column = where(here.es_place)
        en_line, en_column = where(here.en_place)
        related = [Location(here.en_place.path, en_line, en_column,
                            note=msg("English sentence “{en}”", en=_quote(here.en_text)))]
        for other in sorted(item.others, key=_order)[:MAX_RELATED]:
            other_line, other_column = where(other.es_place)
            related.append(Location(other.es_place.path, other_line, other_column, note=_note(other)))
        if len(item.others) > MAX_RELATED:
            related.append(Location(here.es_place.path, line, column,
                                    note=msg("and {count} more places", count=len(item.others) - MAX_RELATED)))
        usual_line, _ = where(item.usual.es_place)
        elsewhere = f"{item.usual.es_place.path}:{usual_line}"
        if item.direction == "en":
            message = msg(
                "the English sentence “{en}” is translated in {count} ways in the library: here “{es}”, "
                "in {path} “{other}”",
                en=_quote(here.en_text), count=item.variants, es=_quote(here.es_text), path=elsewhere,
                other=_quote(item.usual.es_text))
            hint = msg("Choose one translation and use it at every place listed, or suppress this finding "
                       "with a reason when the context calls for another wording.")
        else:
            message = msg(
                "the Spanish “{es}” translates {count} different English sentences: here “{en}”, "
                "in {path} “{other}”",
                es=_quote(here.es_text), count=item.variants, en=_quote(here.en_text), path=elsewhere,
                other=_quote(item.usual.en_text))
            hint = msg("If the English sentences say different things, make the Spanish show the difference; "
                       "if they say the same, make the English the same (or suppress this finding with a reason).")
        return self.finding(here.es_place.path, line, column, message, hint, related=tuple(related),
                            context={"direction": item.direction, "variants": item.variants})


if TYPE_CHECKING:
    from collections.abc import Callable

    _Where = Callable[[Place], tuple[int, int]]


def _order(rendering: Rendering) -> tuple[str, int]:
    return rendering.es_place.path, rendering.es_place.block_line


def _note(rendering: Rendering) -> str:
    return msg("“{es}” for “{en}”", es=_quote(rendering.es_text), en=_quote(rendering.en_text))


def _locate(doc: Document | None, place: Place) -> tuple[int, int]:
    from contentlint.bilingual.locate import locate_lines

    if doc is None:
        return place.block_line, 1
    return locate_lines(doc, place.block_line, place.block_end, place.needle)
