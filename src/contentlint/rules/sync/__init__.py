"""PR rules: an English guide and its Spanish translation stay in sync.

Pairing (PR00x), block alignment (PR01x), staleness against the sync marks
(PR02x), per-block parity of facts (PR03x), terminology (PR04x), language
(PR05x) and the language switch (PR06x). The shared machinery lives in
:mod:`contentlint.sync`.
"""

from contentlint.rules.sync.pr001_missing_translation import MissingTranslation
from contentlint.rules.sync.pr002_orphan_translation import OrphanTranslation
from contentlint.rules.sync.pr003_duplicate_guide_id import DuplicateGuideId
from contentlint.rules.sync.pr004_guide_type_mismatch import GuideTypeMismatch
from contentlint.rules.sync.pr005_related_guides_mismatch import RelatedGuidesMismatch
from contentlint.rules.sync.pr006_awaiting_translation_mismatch import (
    AwaitingTranslationMismatch,
)
from contentlint.rules.sync.pr010_missing_block import MissingBlock
from contentlint.rules.sync.pr011_extra_block import ExtraBlock
from contentlint.rules.sync.pr012_reordered_block import ReorderedBlock
from contentlint.rules.sync.pr013_unaligned_translation import UnalignedTranslation
from contentlint.rules.sync.pr020_stale_translation import StaleTranslation
from contentlint.rules.sync.pr021_stale_facts import StaleFacts
from contentlint.rules.sync.pr022_never_synced import NeverSynced
from contentlint.rules.sync.pr023_invalid_sync_file import InvalidSyncFile
from contentlint.rules.sync.pr030_number_mismatch import NumberMismatch
from contentlint.rules.sync.pr031_date_mismatch import DateMismatch
from contentlint.rules.sync.pr032_impossible_date import ImpossibleDate
from contentlint.rules.sync.pr033_duration_mismatch import DurationMismatch
from contentlint.rules.sync.pr034_contact_mismatch import ContactMismatch
from contentlint.rules.sync.pr035_url_mismatch import UrlMismatch
from contentlint.rules.sync.pr036_citation_mismatch import CitationMismatch
from contentlint.rules.sync.pr037_acronym_mismatch import AcronymMismatch
from contentlint.rules.sync.pr038_guide_link_mismatch import GuideLinkMismatch
from contentlint.rules.sync.pr040_glossary_term_mismatch import GlossaryTermMismatch
from contentlint.rules.sync.pr041_known_mistranslation import KnownMistranslation
from contentlint.rules.sync.pr050_untranslated_block import UntranslatedBlock
from contentlint.rules.sync.pr051_wrong_language import WrongLanguage
from contentlint.rules.sync.pr060_language_switch_mismatch import LanguageSwitchMismatch
from contentlint.rules.sync.pr061_missing_language_switch import MissingLanguageSwitch

RULES = (
    MissingTranslation,
    OrphanTranslation,
    DuplicateGuideId,
    GuideTypeMismatch,
    RelatedGuidesMismatch,
    AwaitingTranslationMismatch,
    MissingBlock,
    ExtraBlock,
    ReorderedBlock,
    UnalignedTranslation,
    StaleTranslation,
    StaleFacts,
    NeverSynced,
    InvalidSyncFile,
    NumberMismatch,
    DateMismatch,
    ImpossibleDate,
    DurationMismatch,
    ContactMismatch,
    UrlMismatch,
    CitationMismatch,
    AcronymMismatch,
    GuideLinkMismatch,
    GlossaryTermMismatch,
    KnownMistranslation,
    UntranslatedBlock,
    WrongLanguage,
    LanguageSwitchMismatch,
    MissingLanguageSwitch,
)
