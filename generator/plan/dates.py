"""The dates a plan writes: real calendar dates, a draft's month, a month's last day."""
from __future__ import annotations

import datetime as dt


def parse_date(text: str) -> dt.date | None:
    """A real calendar date from YYYY-MM-DD, or None."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def parse_month(text: str) -> dt.date | None:
    """The first day of the month of a draft's YYYY-MM date, or None."""
    try:
        return dt.date(int(text[:4]), int(text[5:7]), 1) if len(text) == 7 else None
    except ValueError:
        return None


def month_end(date: dt.date) -> dt.date:
    """The last day of a date's month."""
    after = date.replace(day=28) + dt.timedelta(days=4)
    return after - dt.timedelta(days=after.day)
