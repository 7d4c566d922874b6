"""PR rules: an English guide and its Spanish translation stay in sync.

Pairing (PR00x), block alignment (PR01x), staleness against the sync marks
(PR02x), per-block parity of facts (PR03x), terminology (PR04x), language
(PR05x) and the language switch (PR06x). The shared machinery lives in
:mod:`contentlint.sync`.
"""

from contentlint.rules.pairs.pr001_missing_translation import MissingTranslation
from contentlint.rules.pairs.pr002_orphan_translation import OrphanTranslation
from contentlint.rules.pairs.pr003_duplicate_guide_id import DuplicateGuideId
from contentlint.rules.pairs.pr004_guide_type_mismatch import GuideTypeMismatch
from contentlint.rules.pairs.pr005_related_guides_mismatch import RelatedGuidesMismatch
from contentlint.rules.pairs.pr006_awaiting_translation_mismatch import (
    AwaitingTranslationMismatch,
)
from contentlint.rules.pairs.pr010_missing_block import MissingBlock
from contentlint.rules.pairs.pr011_extra_block import ExtraBlock
from contentlint.rules.pairs.pr012_reordered_block import ReorderedBlock
from contentlint.rules.pairs.pr013_unaligned_translation import UnalignedTranslation
from contentlint.rules.pairs.pr020_stale_translation import StaleTranslation
from contentlint.rules.pairs.pr021_stale_facts import StaleFacts
from contentlint.rules.pairs.pr022_never_synced import NeverSynced
from contentlint.rules.pairs.pr023_invalid_sync_file import InvalidSyncFile
from contentlint.rules.pairs.pr024_unusable_counterpart import UnusableCounterpart
from contentlint.rules.pairs.pr025_unconfirmed_update import UnconfirmedUpdate
from contentlint.rules.pairs.pr030_number_mismatch import NumberMismatch
from contentlint.rules.pairs.pr031_date_mismatch import DateMismatch
from contentlint.rules.pairs.pr032_impossible_date import ImpossibleDate
from contentlint.rules.pairs.pr033_duration_mismatch import DurationMismatch
from contentlint.rules.pairs.pr034_contact_mismatch import ContactMismatch
from contentlint.rules.pairs.pr035_url_mismatch import UrlMismatch
from contentlint.rules.pairs.pr036_citation_mismatch import CitationMismatch
from contentlint.rules.pairs.pr037_acronym_mismatch import AcronymMismatch
from contentlint.rules.pairs.pr038_guide_link_mismatch import GuideLinkMismatch
from contentlint.rules.pairs.pr040_glossary_term_mismatch import GlossaryTermMismatch
from contentlint.rules.pairs.pr041_known_mistranslation import KnownMistranslation
from contentlint.rules.pairs.pr045_inconsistent_translation import InconsistentTranslation
from contentlint.rules.pairs.pr050_untranslated_block import UntranslatedBlock
from contentlint.rules.pairs.pr051_wrong_language import WrongLanguage
from contentlint.rules.pairs.pr060_language_switch_mismatch import (
    LanguageSwitchMismatch,
)
from contentlint.rules.pairs.pr061_missing_language_switch import MissingLanguageSwitch

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
    UnusableCounterpart,
    UnconfirmedUpdate,
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
    InconsistentTranslation,
    UntranslatedBlock,
    WrongLanguage,
    LanguageSwitchMismatch,
    MissingLanguageSwitch,
)
