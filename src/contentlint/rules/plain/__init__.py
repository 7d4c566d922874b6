"""PL rules: plain language and accessibility, in both languages."""

from contentlint.rules.plain.pl001_acronym_not_expanded import AcronymNotExpanded
from contentlint.rules.plain.pl002_vague_link_text import VagueLinkText
from contentlint.rules.plain.pl003_missing_alt_text import MissingAltText
from contentlint.rules.plain.pl004_heading_level_skip import HeadingLevelSkip
from contentlint.rules.plain.pl005_mixed_address import MixedAddress
from contentlint.rules.plain.pl006_acronym_note_missing import AcronymNoteMissing

RULES = (AcronymNotExpanded, VagueLinkText, MissingAltText, HeadingLevelSkip, MixedAddress, AcronymNoteMissing)
