"""Write docs/rules.md from the rules' docstrings (the single source of rule docs).

Run: .venv/bin/python scripts/generate_rule_docs.py [--check]
--check exits 1 when docs/rules.md is out of date (a test runs it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "rules.md"


def render() -> str:
    """The whole document."""
    from contentlint.rules import registry

    out = [
        "# Rules",
        "",
        "Generated from the rules' docstrings by `scripts/generate_rule_docs.py`; do not edit.",
        "`contentlint explain CODE` prints the same text.",
        "",
        "| code | name | default severity | summary |",
        "|---|---|---|---|",
    ]
    rules = registry().rules
    for rule in rules:
        out.append(f"| [{rule.code}](#{rule.code.lower()}) | {rule.name} | {rule.default_severity.label} | {rule.summary()} |")
    for rule in rules:
        doc = rule.documentation().splitlines()
        # The summary is the first paragraph (one line here, however it is wrapped in the docstring).
        after = next((index for index, line in enumerate(doc) if not line.strip()), len(doc))
        body = "\n".join(("#" + line) if line.startswith("## ") else line for line in doc[after:]).strip()
        default = "on" if rule.enabled_by_default else "off (select it, or see its documentation)"
        out += ["", f"## {rule.code}", "", f"**{rule.name}** · default severity {rule.default_severity.label} · {default}", "", rule.summary(), "", body]
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = render()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            sys.stderr.write("docs/rules.md is out of date: run scripts/generate_rule_docs.py\n")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
