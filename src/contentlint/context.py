"""The run context: what the rules of one run share, computed once and typed.

A rule's ``check(target, ctx)`` reads the library (``ctx.library``), the
project's folders (``ctx.project``) and the *named analyses* below: the blocks
of a guide, the alignment and sync state of a pair, a block's facts and
glossary terms, the link index, a guide's reading score, the readability
baseline, the results of the external link check, the acronym and timeline
tables. Each is computed on first use and kept for the run, so the rules that
need it pay once (PR010-PR051 share one alignment per pair).

Why a class with one method per analysis rather than a dictionary: the names
and types are visible to mypy and to the next reader, and nothing that is about
the whole run can hide here. A run-level finding ("the baseline cannot be
read") is reported by a library-scope rule once, never remembered in a cache
that each worker process has its own copy of.

The analyses themselves live in the analysis packages (:mod:`contentlint.bilingual`,
:mod:`contentlint.readability`, :mod:`contentlint.links`, :mod:`contentlint.facts`)
as plain functions of their inputs; this module only memoizes and wires them.
It imports them lazily: a run that never aligns a pair never imports the aligner.
Results depend only on the run's inputs, so forked worker processes that each
compute an analysis again get the same value, and the per-target cache, which
stores findings, never stores one of these.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from contentlint.bilingual.align import Alignment
    from contentlint.bilingual.blocks import BlockInfo
    from contentlint.bilingual.glossary import GlossaryIndex
    from contentlint.bilingual.inflection import Hit
    from contentlint.bilingual.staleness import SyncState
    from contentlint.content.documents import Document
    from contentlint.content.library import Library, Pair
    from contentlint.facts.extract import Facts
    from contentlint.language.speller import Speller
    from contentlint.language.tokens import ProseLine, Word
    from contentlint.language.vocabulary import Vocabulary
    from contentlint.links.extract import LinkIndex
    from contentlint.links.http.results import LinkResult
    from contentlint.links.http.settings import ExternalLinkSettings
    from contentlint.meaning.consistency import KeyRow, Rendering
    from contentlint.meaning.lexicon import Lexicon
    from contentlint.meaning.pairs import SentenceDifference
    from contentlint.readability import DocumentScore
    from contentlint.readability.baseline import Baseline, BaselineError
    from contentlint.readability.guides import ScoringCaches

T = TypeVar("T")


@dataclass(frozen=True)
class Project:
    """Where the run is: the project root (config, caches) and the content folder."""

    root: Path
    content_root: Path
    # ``links = "external"`` or ``--links external``: the network may be used.
    online: bool = False
    # ``contentlint fix``: the external-link rules answer from the link cache
    # alone (what an earlier online run saw), never from the network.
    cached_links: bool = False


@dataclass(frozen=True)
class AcronymTable:
    """The acronym decoder as the rules use it (empty without a valid data file)."""

    # Each entry with letters (schema ``Acronym`` model) and the pattern of its
    # acronym as a word. Numeric "acronyms" (504) collide with citations
    # (34 CFR 300.504), so they are left out.
    words: tuple[tuple[Any, re.Pattern[str]], ...] = ()
    # Any of those acronyms, longest first (one scan finds every first use).
    combined: re.Pattern[str] | None = None
    # Spanish acronyms that stand for an English one (PR037): EN -> {ES, ...}.
    spanish: Mapping[str, frozenset[str]] = field(default_factory=dict)


class PairStore(Protocol):
    """Per-pair analyses kept between runs (the cache database, through
    :class:`contentlint.cache.targets.TargetCache`), under a key made of everything
    a pair's analysis may read: both files, the library context and the tool.

    Only what a library-scope rule needs of *every* pair goes here (PR045's
    sentence tables): a run that checks one pair then computes that pair's table and
    reads the others', instead of aligning the whole library again."""

    def recall_pairs(self, kind: str, pairs: list[Pair]) -> dict[int, object]:
        """The stored values (decoded JSON) of those pairs that have one, by index in ``pairs``."""
        ...

    def keep_pair(self, kind: str, pair: Pair, value: object) -> None:
        """Store a pair's value (plain JSON data) for the next run."""
        ...


class RunContext:
    """The shared, memoized analyses of one run (see the module docstring)."""

    def __init__(self, library: Library, project: Project, checked: tuple[Document, ...] = ()) -> None:
        self.library = library
        self.project = project
        # The documents this run reports on, sorted by display path (library-scope
        # rules place run-level findings on the first of them).
        self.checked = checked
        self._memo: dict[tuple[Any, ...], Any] = {}
        # Set by the pipeline when the run has a cache database (see PairStore).
        self.store: PairStore | None = None

    # The tables built from the data files alone (and the link cache file): the same
    # in a later context whose library holds the same data documents.
    _DATA_TABLES = (("glossary",), ("acronyms",), ("timelines",), ("link-cache",))

    def reuse_tables(self, earlier: RunContext) -> None:
        """Take over ``earlier``'s data-file tables when this library holds the very same
        data documents (the language server re-checks after each edit of a guide)."""
        def data(library: Library) -> list[int]:
            return [id(doc) for doc in library.documents if doc.kind == "data"]

        if data(self.library) != data(earlier.library):
            return
        for key in self._DATA_TABLES:
            if key in earlier._memo:
                self._memo.setdefault(key, earlier._memo[key])

    def _once(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        try:
            found: T = self._memo[key]
        except KeyError:
            found = self._memo[key] = compute()
        return found

    def _get(self, key: tuple[Any, ...]) -> Any:
        """The memoized value of ``key``, or None (the hot paths below test before
        they build a closure: they run tens of thousands of times a run)."""
        return self._memo.get(key)

    # -- documents and links -------------------------------------------------
    def resolve(self, doc: Document, href: str) -> Document | None:
        """The guide a relative ``.md`` path or ``guide:<id>`` link of ``doc`` points at."""
        target = href.split("#", 1)[0]
        # Guides in one folder share most links: memoized by folder, not by guide.
        key = ("resolve", str(doc.path.parent), doc.lang, target)
        if key in self._memo:
            found: Document | None = self._memo[key]
            return found
        found = self._memo[key] = self.library.resolve_href(doc, target)
        return found

    def link_index(self) -> LinkIndex:
        """Every link of the library, where it is written and where it leads."""
        from contentlint.links.extract import LinkIndex

        return self._once(("links",), lambda: LinkIndex(self.library, self.project.content_root))

    def external_results(self, settings: ExternalLinkSettings) -> dict[str, LinkResult]:
        """URL -> result for every distinct external URL of the library, checked once per run.

        A check that fails is remembered as no results, so the other LK1 rules do
        not start it again (the failing rule reports the error once).
        """
        key = ("external",)
        if key not in self._memo:
            self._memo[key] = {}
            self._memo[key] = self._check_external(settings)
        found: dict[str, LinkResult] = self._memo[key]
        return found

    def _check_external(self, settings: ExternalLinkSettings) -> dict[str, LinkResult]:
        from contentlint.links.http.engine import check_urls
        from contentlint.links.http.results import RunStats
        from contentlint.links.progress import LinkProgress

        urls = list(self.link_index().external())
        if not urls:
            return {}
        progress = LinkProgress()
        stats = RunStats()
        results = check_urls(urls, settings, progress, stats=stats)
        progress.finish(results, stats)
        return results

    def cached_link(self, url: str) -> Mapping[str, Any] | None:
        """The link cache's fresh verdict on ``url`` (outcome, final_url, permanent ...),
        read from ``.contentlint_cache/links.json`` once; never the network.

        Fixes that change an address (LK009's https, LK103's redirect target) are
        offered only for what an earlier ``--links external`` run saw work.
        """
        cache = self._once(("link-cache",), self._open_link_cache)
        return cache.get(url) if cache is not None else None

    def _open_link_cache(self) -> Any:
        from contentlint.links.cache import LinkCache, default_cache_path

        cache = LinkCache(default_cache_path(self.project.root))
        cache.load()
        return cache if len(cache) else None

    # -- bilingual analysis ----------------------------------------------------
    def blocks(self, doc: Document) -> list[BlockInfo]:
        """The guide's comparable blocks (comments left out), normalized."""
        key = ("blocks", id(doc))
        found: list[BlockInfo] | None = self._get(key)
        if found is None:
            from contentlint.bilingual.blocks import block_infos

            found = self._memo[key] = block_infos(doc)
        return found

    def alignment(self, pair: Pair) -> Alignment:
        """The block alignment of a pair's two bodies."""
        return self._once(("align", id(pair.en), id(pair.es)), lambda: self._align(pair))

    def _align(self, pair: Pair) -> Alignment:
        from contentlint.bilingual.align import align_blocks, signature

        def signatures(doc: Document) -> list[Any]:
            return [
                signature(info, self.term_ids(doc, info), lambda href: self.resolve(doc, href), doc.lang)
                for info in self.blocks(doc)
            ]

        return align_blocks(self.blocks(pair.en), self.blocks(pair.es), signatures(pair.en), signatures(pair.es))

    def aligned_prose(self, pair: Pair) -> list[tuple[BlockInfo, BlockInfo]]:
        """Aligned (English, Spanish) prose blocks. When the alignment as a whole is not
        confident (PR013), only the pairs that stand on their own (sharing a citation, a
        URL, a contact or most of their facts: ``bilingual.align.anchored``) are kept, so
        the block checks still decide what can be decided instead of skipping the pair."""
        from contentlint.bilingual.align import anchored
        from contentlint.bilingual.blocks import PROSE_KINDS

        def build() -> list[tuple[BlockInfo, BlockInfo]]:
            alignment = self.alignment(pair)
            prose = [(en, es) for en, es in alignment.pairs() if en.kind in PROSE_KINDS and es.kind in PROSE_KINDS]
            return prose if alignment.confident else [(en, es) for en, es in prose if anchored(en, es)]

        return self._once(("prose", id(pair.en), id(pair.es)), build)

    def sync_state(self, pair: Pair) -> SyncState:
        """The pair's sync state against its sync mark."""
        from contentlint.bilingual.staleness import compute_state

        return self._once(("sync", id(pair.en), id(pair.es)), lambda: compute_state(
            pair, self.blocks(pair.en), self.project.content_root, self.project.root))

    def block_facts(self, doc: Document, info: BlockInfo, locale: str | None = None) -> Facts:
        """The numbers, dates, durations, contacts, URLs and citations of one block."""
        from contentlint.facts.extract import DEFAULT_LOCALES, extract_facts

        lang = doc.lang or "en"
        chosen = locale or DEFAULT_LOCALES[lang]
        key = ("facts", id(doc), info.index, info.block.end_line, chosen)
        found: Facts | None = self._get(key)
        if found is None:
            found = self._memo[key] = extract_facts(info.text, info.links, lang, chosen)
        return found

    def block_may_have_dates(self, doc: Document, info: BlockInfo, locale: str | None = None) -> bool:
        """A cheap test that a block may hold a date (before extracting its facts)."""
        key = ("dates?", id(doc), info.index, info.block.end_line)
        found: bool | None = self._get(key)
        if found is None:
            from contentlint.facts.extract import may_have_dates

            found = self._memo[key] = may_have_dates(info.text, doc.lang or "en", locale)
        return found

    # -- glossary ---------------------------------------------------------------
    def glossary(self) -> GlossaryIndex | None:
        """The glossary as phrase indexes; None when the library has no valid glossary."""
        from contentlint.bilingual.glossary import build_index

        def build() -> GlossaryIndex | None:
            doc = self.library.data("glossary")
            return build_index(doc.model, doc.display) if doc is not None else None

        return self._once(("glossary",), build)

    # Per-block analyses are keyed by the block's index *and* its last line: a merged or
    # split paragraph compared as one (``bilingual.align.joined``) keeps the index of its
    # first block, and must not be answered with that block's alone.
    def block_keys(self, doc: Document, info: BlockInfo) -> list[str]:
        """Inflection keys of a block's words (what glossary phrases are matched against)."""
        key = ("keys", id(doc), info.index, info.block.end_line)
        found: list[str] | None = self._get(key)
        if found is None:
            from contentlint.bilingual.inflection import keys

            found = self._memo[key] = keys(info.text, doc.lang or "en")
        return found

    def term_hits(self, doc: Document, info: BlockInfo) -> list[Hit[Any]]:
        """Glossary terms in a block: English terms in an English guide, accepted
        Spanish renderings in a Spanish one."""
        key = ("terms", id(doc), info.index, info.block.end_line)
        found: list[Hit[Any]] | None = self._get(key)
        if found is None:
            from contentlint.bilingual.glossary import find_terms

            found = self._memo[key] = find_terms(self.glossary(), doc.lang, info, self.block_keys(doc, info))
        return found

    def term_ids(self, doc: Document, info: BlockInfo) -> frozenset[str]:
        """Ids of the glossary terms a block uses."""
        from contentlint.bilingual.glossary import hit_ids

        return hit_ids(self.term_hits(doc, info))

    # -- meaning parity ---------------------------------------------------------
    def meaning_lexicon(self) -> Lexicon:
        """The MP rules' marker lexicons, with ``data/meaning.yaml`` and the glossary's party terms."""
        from contentlint.meaning.lexicon import build_lexicon, glossary_phrases

        def build() -> Lexicon:
            doc = self.library.data("glossary")
            english, spanish = glossary_phrases(doc.model if doc is not None else None)
            project = self.library.data("meaning")
            return build_lexicon(english, spanish, project.model if project is not None else None)

        return self._once(("meaning-lexicon",), build)

    def meaning(self, pair: Pair) -> list[SentenceDifference]:
        """The meaning differences of a pair's aligned sentences (shared by MP001-MP005)."""
        from contentlint.meaning.pairs import pair_differences

        def build() -> list[SentenceDifference]:
            prose = self.aligned_prose(pair)
            # No aligned prose (an unusable alignment): nothing to compare, no lexicon to build.
            return pair_differences(prose, self.meaning_lexicon()) if prose else []

        return self._once(("meaning", id(pair.en), id(pair.es)), build)

    def sentence_table(self, pair: Pair) -> list[Rendering]:
        """The one-to-one sentence pairs of a pair's aligned prose, with comparison keys
        (:func:`contentlint.meaning.consistency.sentence_table`; PR045)."""
        from contentlint.meaning.consistency import sentence_table

        def build() -> list[Rendering]:
            alignment = self.alignment(pair)
            # A pair with a missing, extra or moved block (PR010-PR013, errors of their
            # own) may pair a block with its neighbour's translation: its sentences are
            # left out until the blocks line up, rather than reported as "inconsistent".
            if not alignment.confident or alignment.moved or alignment.missing or alignment.extra:
                return []
            return sentence_table(self.aligned_prose(pair), pair.en.display, pair.es.display)

        return self._once(("sentences", id(pair.en), id(pair.es)), build)

    def sentence_tables(self, pairs: list[Pair]) -> list[list[Rendering]]:
        """:meth:`sentence_table` of every pair: from this run, else from the store, else
        computed (and stored). The stored row is keyed by both files and the library
        context, so it is the table this run would compute."""
        from contentlint.meaning.consistency import table_from_json

        self._recall("sentences", pairs, table_from_json)
        return [self.sentence_table(pair) for pair in pairs]

    def sentence_keys(self, pairs: list[Pair]) -> list[list[KeyRow]]:
        """The digests of every pair's sentence keys (what PR045 groups by), stored like
        :meth:`sentence_tables` but a small part of their size."""
        from contentlint.meaning.consistency import key_rows, key_rows_from_json

        self._recall("sentence-keys", pairs, key_rows_from_json)
        out: list[list[KeyRow]] = []
        for pair in pairs:
            key = ("sentence-keys", id(pair.en), id(pair.es))
            found: list[KeyRow] | None = self._get(key)
            if found is None:
                found = self._memo[key] = key_rows(self.sentence_table(pair))
            out.append(found)
        return out

    def _recall(self, kind: str, pairs: list[Pair], decode: Callable[[object], Any]) -> None:
        """Fill the memo of ``kind`` from the store for the pairs it lacks; store what the
        store lacked (computing it: a table and its keys are stored together)."""
        from contentlint.meaning.consistency import key_rows, table_to_json

        missing = [p for p in pairs if (kind, id(p.en), id(p.es)) not in self._memo]
        if self.store is None or not missing:
            return
        for index, stored in self.store.recall_pairs(kind, missing).items():
            value = decode(stored)
            if value is not None:
                self._memo[(kind, id(missing[index].en), id(missing[index].es))] = value
        for pair in missing:
            if (kind, id(pair.en), id(pair.es)) not in self._memo:
                table = self.sentence_table(pair)
                self.store.keep_pair("sentences", pair, table_to_json(table))
                self.store.keep_pair("sentence-keys", pair, [list(row) for row in key_rows(table)])

    # -- data tables ------------------------------------------------------------
    def acronyms(self) -> AcronymTable:
        """The acronym decoder (``data/acronyms.yaml``) as the rules use it."""

        def build() -> AcronymTable:
            doc = self.library.data("acronyms")
            if doc is None or doc.model is None:
                return AcronymTable()
            entries = doc.model.acronyms
            words = tuple(
                (entry, re.compile(r"(?<![\w.-])" + re.escape(entry.acronym) + r"(?![\w-])"))
                for entry in entries
                if any(c.isalpha() for c in entry.acronym)
            )
            names = sorted((entry.acronym for entry, _ in words), key=len, reverse=True)
            combined = re.compile(r"(?<![\w.-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])") if names else None
            spanish: dict[str, set[str]] = {}
            for entry in entries:
                if entry.es_acronym:
                    spanish.setdefault(entry.acronym, set()).add(entry.es_acronym)
            return AcronymTable(words, combined, {key: frozenset(value) for key, value in spanish.items()})

        return self._once(("acronyms",), build)

    def timelines(self) -> Document | None:
        """The timelines data file (legal deadlines) with a valid model, if any."""
        return self._once(("timelines",), lambda: self.library.data("timelines"))

    def generated_page(self, source: str, lang: str) -> str | None:
        """The text ``contentlint generate pages`` writes for ``source`` ("glossary",
        "acronyms") in ``lang``; None when a data file it needs is missing or invalid."""

        def build() -> str | None:
            from contentlint.schema.pages import SPEC_BY_SOURCE, render_page

            glossary, acronyms = self.library.data("glossary"), self.library.data("acronyms")
            spec = SPEC_BY_SOURCE.get(source)
            if spec is None or lang not in ("en", "es") or glossary is None or acronyms is None:
                return None
            return render_page(spec, "en" if lang == "en" else "es", glossary.model, acronyms.model)

        return self._once(("generated", source, lang), build)

    # -- readability ------------------------------------------------------------
    def scoring_caches(self) -> ScoringCaches:
        """Per-run caches of the readability engine (units repeat across guides)."""
        from contentlint.readability.guides import ScoringCaches

        return self._once(("scoring",), ScoringCaches)

    def score(self, doc: Document, include_headings: bool = False) -> DocumentScore | None:
        """The guide's readability; None for data files, unusable guides and other languages."""
        from contentlint.readability.guides import score_guide

        return self._once(
            ("score", id(doc), include_headings),
            lambda: score_guide(doc, include_headings=include_headings, caches=self.scoring_caches()),
        )

    def baseline(self, spec: str, include_headings: bool) -> Baseline | BaselineError:
        """The readability baseline named by ``spec`` (a file or ``git:REF``), or why it cannot be used."""
        from contentlint.readability.baseline import BaselineError, open_baseline

        def build() -> Baseline | BaselineError:
            try:
                return open_baseline(
                    spec, self.project.root, self.library.guides,
                    include_headings=include_headings, caches=self.scoring_caches(),
                )
            except BaselineError as exc:
                return exc

        return self._once(("baseline", spec, include_headings), build)

    # -- language -------------------------------------------------------------
    def speller(self, lang: str) -> Speller:
        """The spelling dictionary of ``lang`` ("en", "es"), behind the project's memo
        of verdicts (``.contentlint_cache/words-*.marshal``)."""

        def build() -> Speller:
            from contentlint.fileio import CACHE_DIR
            from contentlint.language.speller import Speller, memo_path

            root = self.project.root
            return Speller(lang, memo_path(root / CACHE_DIR, lang), root)

        return self._once(("speller", lang), build)

    def vocabulary(self, lang: str) -> Vocabulary:
        """The words the library knows in ``lang`` (glossary, acronyms, titles): never misspelled."""
        from contentlint.language.vocabulary import library_vocabulary

        return self._once(("vocabulary", lang), lambda: library_vocabulary(self.library, lang))

    def unknown_words(self, doc: Document, extra: tuple[str, ...]) -> list[tuple[Word, bool]]:
        """The words of a guide's prose that neither the library's vocabulary (plus the
        ``extra`` words) nor a dictionary knows, each with True when it is English in a
        Spanish guide (LQ001 and LQ003 both read them: computed once)."""

        def build() -> list[tuple[Word, bool]]:
            from contentlint.language.spelling import unknown
            from contentlint.language.tokens import document_words

            lang = doc.lang or "en"
            vocabulary = self.vocabulary(lang).with_words(extra)
            other = self.vocabulary("es" if lang == "en" else "en")
            return list(unknown(document_words(self.prose_lines(doc), lang), lang, vocabulary, self.speller, other))

        return self._once(("unknown-words", id(doc), extra), build)

    def prose_lines(self, doc: Document) -> list[ProseLine]:
        """A guide's prose lines with code, links, URLs and citations blanked (the
        LQ rules all read these)."""
        key = ("prose-lines", id(doc))
        found: list[ProseLine] | None = self._get(key)
        if found is None:
            from contentlint.language.tokens import prose_lines

            found = self._memo[key] = prose_lines(doc)
        return found
