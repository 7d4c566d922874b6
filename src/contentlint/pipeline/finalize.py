"""Finalizing: configured severities, per-file ignores, suppression comments, order."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from contentlint.config.settings import Config
from contentlint.content.documents import Document
from contentlint.findings import Finding, Severity

if TYPE_CHECKING:
    from contentlint.rules import Registry

# The `reference` profile (third-party or legal text a library hosts, which its editors
# cannot rewrite): reading level, sentence length and house style (the readability,
# plain-language and structure families) are warnings there. Accessibility findings
# (link text, alt text, heading levels) and everything about facts, pairs, links and
# the schema keep their severity.
REFERENCE_GROUPS = frozenset({"readability", "plain", "structure"})
KEPT_GROUPS = frozenset({"accessibility"})


def finalize(findings: list[Finding], selected: list[Document], config: Config) -> list[Finding]:
    from contentlint.pipeline.suppressions import (
        apply_suppressions,
        parse_directives,
        unused_findings,
    )
    from contentlint.rules import registry

    reg = registry()
    out = []
    for finding in findings:
        severity = config.severities.get(finding.code)
        if severity is not None and severity != finding.severity:
            finding = dataclasses.replace(finding, severity=severity)
        if finding.severity > Severity.WARNING and config.settings.profiles and _relaxed(finding, config, reg):
            finding = dataclasses.replace(finding, severity=Severity.WARNING)
        ignored = config.ignored_for(finding.location.path)
        if finding.code != "CL900" and any(matches(i, finding) for i in ignored):
            continue
        out.append(finding)
    directives = {}
    for doc in selected:
        found, invalid = parse_directives(doc, reg)
        if found:
            directives[doc.display] = found
        if "CL010" in config.enabled:
            out.extend(invalid)
    out = apply_suppressions(out, directives, reg)
    if "CL011" in config.enabled:
        out.extend(unused_findings(directives))
    unique = {(*f.sort_key, f.severity): f for f in out}
    return sorted(unique.values(), key=lambda f: f.sort_key)


def matches(pattern: str, finding: Finding) -> bool:
    return pattern.lower() == finding.name or finding.code.startswith(pattern.upper())


def _relaxed(finding: Finding, config: Config, reg: Registry) -> bool:
    """The finding is one the file's `reference` profile turns into a warning."""
    if config.profile_for(finding.location.path) != "reference":
        return False
    rule = reg.get(finding.code)
    return rule is not None and rule.groups[0] in REFERENCE_GROUPS and not KEPT_GROUPS & set(rule.groups)
