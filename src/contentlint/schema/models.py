"""Pydantic models of every content file: the one source of truth for the schema.

``contentlint schema --write`` exports these to schema/*.schema.json for editors.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from contentlint.content.ids import ID_MAX_LENGTH, ID_PATTERN

GuideId = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH),
    Field(description="Lower-case words joined by hyphens; shared by a guide and its translation."),
]
Slug = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=100),
    Field(description="The file name without .md: lower-case ASCII words joined by hyphens."),
]
# Long enough for any definition (the longest bundled one has 359 characters); bounded because
# data-file texts become search patterns (a glossary term of a megabyte would take seconds).
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=False)]
Language = Literal["en", "es"]
GuideType = Literal["how-to", "topic", "faq", "checklist", "index", "reference"]


class Strict(BaseModel):
    """Unknown keys are errors everywhere: a typo must never pass silently."""

    # defer_build: a model's validator is built on first use, so a run that
    # never reads a glossary never pays for the glossary's schema.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class LanguageSwitch(Strict):
    """The link to the same guide in the other language ("¿Prefieres español?")."""

    label: Text
    href: Text = Field(description="Relative path of the counterpart guide, e.g. ../es/guia.md")


class Card(Strict):
    """A promotional card at the foot of a guide."""

    icon: str | None = None
    title: Text
    text: Text
    label: Text = Field(description="The call to action, e.g. 'Read the guide'.")
    href: Text | None = Field(default=None, description="A guide path (same language) or an https:// URL.")
    pending: Text | None = Field(
        default=None,
        description="Instead of href while the address is not known yet: what the link waits for. "
        "LK010 reports the card (a warning) so it is not published with a placeholder address.",
    )


class GuideFrontMatter(Strict):
    """Front matter of a guide (Markdown file under content/en or content/es)."""

    id: GuideId
    lang: Language
    type: GuideType
    title: Annotated[str, StringConstraints(min_length=3, max_length=120)]
    description: Annotated[str, StringConstraints(min_length=10, max_length=400)]
    slug: Slug
    updated: dt.date
    last_reviewed: dt.date
    related: list[GuideId] = Field(default_factory=list)
    language_switch: LanguageSwitch | None = None
    cards: list[Card] = Field(default_factory=list)
    awaiting_translation: bool = Field(
        default=False, description="English only: true when no Spanish guide exists yet, on purpose."
    )
    generated_from: Literal["glossary", "acronyms"] | None = Field(
        default=None,
        description="Set by `contentlint generate pages` on the pages it writes (type: reference): the data "
        "file the page is generated from. ST020 reports the page when it no longer matches that data.",
    )
    spelling_ignore: list[Text] = Field(
        default_factory=list,
        description="Words this guide uses that the spelling rules (LQ001, LQ003) should accept, e.g. a name.",
    )


class BilingualText(Strict):
    """The same short text in both languages."""

    en: Text
    es: Text


class EnglishTerm(Strict):
    """A glossary term in English."""

    term: Text
    definition: Text
    not_in: list[Text] = Field(
        default_factory=list,
        description="Phrases in which the term means something else ('hearing loss' for 'hearing'): "
        "a use inside one is not this term.",
    )


class SpanishTerm(Strict):
    """A glossary term in Spanish, with what the terminology check accepts and flags."""

    term: Text = Field(description="The preferred Spanish term (OSEP glossary where it has one).")
    variants: list[Text] = Field(default_factory=list, description="Accepted alternatives.")
    mistranslations: list[Text] = Field(
        default_factory=list, description="Known wrong translations; flagged wherever they appear."
    )
    definition: Text


class GlossaryTerm(Strict):
    """One bilingual glossary entry."""

    id: GuideId
    en: EnglishTerm
    es: SpanishTerm
    cite: str | None = Field(default=None, description="The regulation, e.g. 34 CFR 300.503.")


class Glossary(Strict):
    """content/data/glossary.yaml."""

    type: Literal["glossary"]
    id: GuideId
    updated: dt.date
    title: BilingualText
    terms: list[GlossaryTerm] = Field(min_length=1)


class Acronym(Strict):
    """One acronym of the decoder."""

    acronym: Annotated[str, StringConstraints(pattern=r"^[A-Z0-9][A-Za-z0-9&/.-]{0,11}$")]
    en: Text
    es: Text
    es_acronym: str | None = None
    term: GuideId | None = Field(default=None, description="The glossary id, when the glossary has it.")
    note: BilingualText | None = None


class AcronymList(Strict):
    """content/data/acronyms.yaml."""

    type: Literal["acronyms"]
    id: GuideId
    updated: dt.date
    title: BilingualText
    acronyms: list[Acronym] = Field(min_length=1)


class TimelineKeywords(Strict):
    """Phrases that name the process in each language (lower case)."""

    en: list[Text] = Field(min_length=1)
    es: list[Text] = Field(min_length=1)


class TimelineFact(Strict):
    """One legal timeline: a number, its unit and its regulation."""

    id: GuideId
    value: Annotated[int, Field(gt=0)]
    unit: Literal["days", "business-days", "school-days", "years"]
    cite: Text
    keywords: TimelineKeywords


class Timelines(Strict):
    """content/data/timelines.yaml."""

    type: Literal["timelines"]
    id: GuideId
    updated: dt.date
    facts: list[TimelineFact] = Field(min_length=1)


class LexiconPhrases(Strict):
    """Phrases in each language (matched as whole words, case and accents ignored; a
    trailing * matches any ending)."""

    en: list[Text] = Field(default_factory=list)
    es: list[Text] = Field(default_factory=list)


ModalityClass = Literal["obligation", "permission", "advice", "possible"]
RelationClass = Literal["before", "after", "within", "until", "at-least", "at-most", "unless", "only-if"]
QuantityClass = Literal["all", "some", "most", "only", "both", "none"]
FrequencyClass = Literal["always", "usually", "sometimes", "rarely", "none"]


class ModalityPhrases(Strict):
    """Modal phrases by class, in each language."""

    en: dict[ModalityClass, list[Text]] = Field(default_factory=dict)
    es: dict[ModalityClass, list[Text]] = Field(default_factory=dict)


class RelationPhrases(Strict):
    """Time relations and conditions by class, in each language."""

    en: dict[RelationClass, list[Text]] = Field(default_factory=dict)
    es: dict[RelationClass, list[Text]] = Field(default_factory=dict)


class QuantityPhrases(Strict):
    """Quantity words by class (``none``: a phrase that holds one but is not one)."""

    en: dict[QuantityClass, list[Text]] = Field(default_factory=dict)
    es: dict[QuantityClass, list[Text]] = Field(default_factory=dict)


class FrequencyPhrases(Strict):
    """Frequency words by class (``none``: a phrase that holds one but is not one)."""

    en: dict[FrequencyClass, list[Text]] = Field(default_factory=dict)
    es: dict[FrequencyClass, list[Text]] = Field(default_factory=dict)


class PartyPhrases(Strict):
    """How a party is named in each language, and the glossary entry that names it."""

    en: list[Text] = Field(default_factory=list)
    es: list[Text] = Field(default_factory=list)
    glossary: GuideId | None = Field(default=None, description="A glossary id whose renderings also name it.")


class MeaningLexicon(Strict):
    """content/data/meaning.yaml: the project's additions to the MP rules' lexicons."""

    type: Literal["meaning"]
    id: GuideId
    updated: dt.date
    negation: LexiconPhrases | None = None
    not_negation: LexiconPhrases | None = Field(
        default=None, description="Phrases with a negation word that do not negate the sentence ('sin costo').")
    negation_equivalents: LexiconPhrases | None = Field(
        default=None, description="Words a translator may render with a negation in the other language ('unless').")
    modality: ModalityPhrases | None = None
    relations: RelationPhrases | None = None
    quantity: QuantityPhrases | None = None
    frequency: FrequencyPhrases | None = None
    parties: dict[GuideId, PartyPhrases] = Field(default_factory=dict)
    not_parties: LexiconPhrases | None = Field(
        default=None, description="Phrases that hold a party word but name no party ('school year').")


DATA_MODELS: dict[str, type[Strict]] = {
    "glossary": Glossary,
    "acronyms": AcronymList,
    "timelines": Timelines,
    "meaning": MeaningLexicon,
}

# Name of each exported schema file -> model.
SCHEMA_FILES: dict[str, type[Strict]] = {
    "guide-front-matter.schema.json": GuideFrontMatter,
    "glossary.schema.json": Glossary,
    "acronyms.schema.json": AcronymList,
    "timelines.schema.json": Timelines,
    "meaning.schema.json": MeaningLexicon,
}
