"""Today's date, for the rules that judge an age (a guide's review date).

``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) fixes it, so a run
can be replayed; otherwise the local calendar date. The caches key on it, so a
stored result never outlives the day it was computed on.
"""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    """The date a run judges ages against."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isascii() and epoch.isdigit() and len(epoch) <= 12:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()
