"""``python -m contentlint``."""

from contentlint.cli import main

raise SystemExit(main())
