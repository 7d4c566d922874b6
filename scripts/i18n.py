#!/usr/bin/env python3
"""The Spanish catalog of contentlint's messages (a thin wrapper around pybabel).

    python scripts/i18n.py extract   # sources -> src/contentlint/locale/contentlint.pot
    python scripts/i18n.py update    # extract, then merge the .pot into the es .po (init if missing)
    python scripts/i18n.py compile   # .po -> .mo (the build does this too; see setup.py)
    python scripts/i18n.py check     # exit 1 if the .pot/.po are stale or a message is untranslated

Translate new messages in src/contentlint/locale/es/LC_MESSAGES/contentlint.po
(remove the ``fuzzy`` flag once a suggested translation is checked).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "contentlint" / "locale"
POT = LOCALE / "contentlint.pot"
DOMAIN = "contentlint"
LANGUAGES = ("es",)
KEYWORDS = ("-k", "msg", "-k", "_", "-k", "ngettext:1,2")


def pybabel(*args: str) -> None:
    """Run pybabel from this interpreter's environment."""
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], cwd=ROOT, check=True)


def extract(output: Path = POT) -> None:
    pybabel(
        "extract", "-F", "babel.cfg", *KEYWORDS, "--no-wrap", "--sort-by-file", "--no-default-keywords",
        "--project", "contentlint", "--copyright-holder", "contentlint developers",
        "--msgid-bugs-address", "https://github.com/contentlint/contentlint/issues",
        "-o", str(output), "src",
    )


def update() -> None:
    extract()
    for lang in LANGUAGES:
        po = LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        if po.exists():
            pybabel("update", "--no-wrap", "--ignore-obsolete", "-i", str(POT), "-d", str(LOCALE), "-D", DOMAIN,
                    "-l", lang)
        else:
            pybabel("init", "--no-wrap", "-i", str(POT), "-d", str(LOCALE), "-D", DOMAIN, "-l", lang)


def compile_catalogs() -> None:
    pybabel("compile", "--statistics", "-d", str(LOCALE), "-D", DOMAIN)


def check() -> int:
    """Stale .pot/.po or untranslated messages: exit 1 (the tests check the same)."""
    sys.path.insert(0, str(ROOT / "tests" / "i18n"))
    from catalog import problems  # tests/i18n/catalog.py

    found = problems()
    for line in found:
        print(line)
    return 1 if found else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("extract", "update", "compile", "check"))
    args = parser.parse_args()
    if args.command == "extract":
        extract()
    elif args.command == "update":
        update()
    elif args.command == "compile":
        compile_catalogs()
    else:
        return check()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
