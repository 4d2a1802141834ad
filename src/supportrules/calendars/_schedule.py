"""Parsing and checking the pieces of a schedule: open intervals, weekday keys, dates.

Every error names the field it came from (``weekly['mon'][1]``, ``special_days[2026-12-24]``)
and the value, so a bad config line can be found without a debugger.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from supportrules._model import as_date as _as_date
from supportrules.errors import InvalidScheduleError, shown

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# ASCII digits only ([0-9], not \d): "٠٩:٠٠" is not a time people mean to write.
_CLOCK = re.compile(r"^\s*([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?\s*$")
_INTERVAL = re.compile(
    r"^\s*([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?\s*[-–]\s*"
    r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?\s*$"
)


def _seconds(hours: str, minutes: str, seconds: str | None) -> int | None:
    h, m, s = int(hours), int(minutes), int(seconds or 0)
    if m > 59 or s > 59 or h > 24 or (h == 24 and (m or s)):
        return None
    return h * 3600 + m * 60 + s


def _clock(seconds: int) -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h:02d}:{m:02d}" + (f":{s:02d}" if s else "")


def parse_interval(value: object, field: str) -> tuple[int, int]:
    """``"09:00-18:00"`` as seconds from midnight, ``(32400, 64800)``; ``24:00`` may end one.

    >>> parse_interval("9:00-18:00", "weekly['mon'][0]")
    (32400, 64800)
    >>> parse_interval("18:00-09:00", "hours")
    Traceback (most recent call last):
    ...
    supportrules.errors.InvalidScheduleError: hours: '18:00-09:00' ends before it starts; ...
    """
    if not isinstance(value, str):
        raise InvalidScheduleError(
            f"{field}: {shown(value)} is not an open interval; write it as 'HH:MM-HH:MM'"
        )
    match = _INTERVAL.match(value)
    start = end = None
    if match:
        start = _seconds(match[1], match[2], match[3])
        end = _seconds(match[4], match[5], match[6])
    if start is None or end is None or start >= 24 * 3600:
        raise InvalidScheduleError(
            f"{field}: {shown(value)} is not an open interval; write it as 'HH:MM-HH:MM' with "
            "hours 00–23 (24:00 allowed as an end), e.g. '09:00-18:00'"
        )
    if end <= start:
        raise InvalidScheduleError(
            f"{field}: {shown(value)} ends before it starts; an overnight shift is two intervals "
            "on two days, e.g. '22:00-24:00' on Monday and '00:00-06:00' on Tuesday"
        )
    return start, end


def parse_clock(value: object, field: str) -> int:
    """A time of day ``"HH:MM"`` (or ``"HH:MM:SS"``) as seconds from midnight, 00:00–23:59.

    >>> parse_clock("16:00", "cutoff")
    57600
    >>> parse_clock("24:00", "cutoff")
    Traceback (most recent call last):
    ...
    supportrules.errors.InvalidScheduleError: cutoff: '24:00' is not a time of day; ...
    """
    match = _CLOCK.match(value) if isinstance(value, str) else None
    seconds = _seconds(match[1], match[2], match[3]) if match else None
    if seconds is None or seconds >= 24 * 3600:
        raise InvalidScheduleError(
            f"{field}: {shown(value)} is not a time of day; write it as 'HH:MM' from 00:00 to "
            "23:59, e.g. '16:00'"
        )
    return seconds


def format_interval(interval: tuple[int, int]) -> str:
    """The canonical text of an interval: ``(32400, 64800)`` -> ``"09:00-18:00"``."""
    return f"{_clock(interval[0])}-{_clock(interval[1])}"


def parse_day(value: object, field: str) -> tuple[tuple[int, int], ...]:
    """One day's intervals, sorted, checked for overlaps: a string or a list of strings."""
    if isinstance(value, str):
        items: list[object] = [value]
    elif isinstance(value, Iterable) and not isinstance(value, Mapping | bytes):
        items = list(value)
    else:
        raise InvalidScheduleError(
            f"{field}: {shown(value)} is not a list of open intervals such as ['09:00-18:00']"
        )
    parsed = sorted((parse_interval(item, f"{field}[{n}]"), n) for n, item in enumerate(items))
    for (earlier, _), (later, _n) in itertools.pairwise(parsed):
        if later[0] < earlier[1]:
            raise InvalidScheduleError(
                f"{field}: {format_interval(later)!r} overlaps {format_interval(earlier)!r}; "
                "intervals of one day must not overlap (merge them into one)"
            )
    return tuple(interval for interval, _ in parsed)


def normalize_day(value: object, field: str) -> tuple[str, ...]:
    """A day's intervals in canonical text form, sorted."""
    return tuple(format_interval(interval) for interval in parse_day(value, field))


def weekday_index(key: object) -> int:
    """0–6 (Monday = 0) from ``0``..``6``, ``"0"``..``"6"``, ``"mon"``..``"sun"`` or full names."""
    if isinstance(key, int) and not isinstance(key, bool) and 0 <= key <= 6:
        return key
    if isinstance(key, str):
        text = key.strip().lower()
        if text.isascii() and text.isdigit() and 0 <= int(text) <= 6:
            return int(text)
        if text in WEEKDAY_NAMES:
            return WEEKDAY_NAMES.index(text)
        if text in _FULL_NAMES:
            return _FULL_NAMES.index(text)
    raise InvalidScheduleError(
        f"weekly: {shown(key)} is not a weekday; use 0–6 (Monday = 0) or 'mon'…'sun'"
    )


def normalize_weekly(value: object) -> tuple[tuple[str, ...], ...]:
    """A weekly schedule as seven tuples of canonical intervals (Monday first).

    Accepts a mapping from weekday keys to intervals (days left out are closed) or a
    sequence of seven days.

    >>> normalize_weekly({"mon": "9:00-18:00", 4: ["09:00-13:00", "14:00-18:00"]})[0]
    ('09:00-18:00',)
    """
    if isinstance(value, Mapping):
        days: list[tuple[str, ...] | None] = [None] * 7
        for key, hours in value.items():
            index = weekday_index(key)
            if days[index] is not None:
                raise InvalidScheduleError(
                    f"weekly: {WEEKDAY_NAMES[index]!r} is given twice (as {key!r} and before)"
                )
            days[index] = normalize_day(hours, f"weekly[{WEEKDAY_NAMES[index]!r}]")
        return tuple(day or () for day in days)
    if isinstance(value, list | tuple) and len(value) == 7:
        return tuple(
            normalize_day(hours, f"weekly[{WEEKDAY_NAMES[i]!r}]") for i, hours in enumerate(value)
        )
    raise InvalidScheduleError(
        f"weekly: {shown(value)} is not a weekly schedule; give a mapping such as "
        "{'mon': ['09:00-18:00'], ...} (days left out are closed)"
    )


def as_date(value: object, field: str) -> date:
    """A ``date`` from a date or an ISO string (a datetime is refused: it is an instant)."""
    return _as_date(value, field, InvalidScheduleError, "a closed or special day")


def dated_entries(value: object, field: str, value_key: str) -> list[Any]:
    """A mapping ``{date: x}`` as ``[{"on": date, value_key: x}]``; other input unchanged."""
    if isinstance(value, Mapping):
        return [{"on": as_date(on, field), value_key: item} for on, item in value.items()]
    if isinstance(value, Iterable) and not isinstance(value, str | bytes):
        return list(value)
    raise InvalidScheduleError(f"{field}: {shown(value)} is not a list of dates")
