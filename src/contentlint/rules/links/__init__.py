"""LK rules: links between guides (offline, LK0) and to the web (network, LK1).

The LK0 rules resolve links offline and run by default; the LK1 rules use the
network and run only with ``--links external`` (or ``links = "external"``).
All of them share one extraction per run (:mod:`contentlint.links.extract`).
"""

from contentlint.rules.links.lk001_broken_guide_link import BrokenGuideLink
from contentlint.rules.links.lk002_cross_language_link import CrossLanguageLink
from contentlint.rules.links.lk003_broken_anchor import BrokenAnchor
from contentlint.rules.links.lk004_unknown_related_guide import UnknownRelatedGuide
from contentlint.rules.links.lk005_missing_linked_file import MissingLinkedFile
from contentlint.rules.links.lk006_link_outside_content import LinkOutsideContent
from contentlint.rules.links.lk007_invalid_mailto_link import InvalidMailtoLink
from contentlint.rules.links.lk008_invalid_tel_link import InvalidTelLink
from contentlint.rules.links.lk009_insecure_link import InsecureLink
from contentlint.rules.links.lk010_pending_card_link import PendingCardLink
from contentlint.rules.links.lk101_broken_external_link import BrokenExternalLink
from contentlint.rules.links.lk102_unverified_external_link import (
    UnverifiedExternalLink,
)
from contentlint.rules.links.lk103_redirected_external_link import (
    RedirectedExternalLink,
)
from contentlint.rules.links.lk190_broken_rendered_link import BrokenRenderedLink

RULES = (
    BrokenGuideLink,
    CrossLanguageLink,
    BrokenAnchor,
    UnknownRelatedGuide,
    MissingLinkedFile,
    LinkOutsideContent,
    InvalidMailtoLink,
    InvalidTelLink,
    InsecureLink,
    PendingCardLink,
    BrokenExternalLink,
    UnverifiedExternalLink,
    RedirectedExternalLink,
    BrokenRenderedLink,
)
