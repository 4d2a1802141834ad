"""The public test cases of the peers, translated to our semantics (SPEC §2).

Sources (read, never imported: pandas and businesstimedelta are not test dependencies):

* pandas ``pandas/tests/tseries/offsets/test_business_hour.py`` and
  ``test_custom_business_hour.py``: ``BusinessHour`` / ``CustomBusinessHour`` on naive
  timestamps. pandas counts in naive wall time, so each case runs here on a **UTC**
  calendar, where wall time and elapsed time are the same thing. pandas' default is
  Monday–Friday 09:00-17:00; its dates are in July 2014 (2014-07-01 is a Tuesday,
  2014-07-05 a Saturday). An overnight pandas day such as ``19:00-05:00`` belongs to
  the weekday it starts on (Friday's night ends on Saturday morning; Sunday's and
  Monday's early hours are closed), which we write as two intervals on two days.
* businesstimedelta ``businesstimedelta/test/*.py`` (seppemans/businesstimedelta):
  ``WorkDayRule`` 09:00-17:00 Monday–Friday in UTC, lunch breaks, holidays.

Where we differ, it is on purpose, and each case says what the peer returns:

* **The earliest instant** (SPEC §2.2). When the duration runs out exactly at a close
  (or at the end of a morning interval), pandas rolls on to the next opening; we keep
  the close. Both are the same amount of business time later, but a deadline at the
  close is the honest one ("8 business hours from 10:00 end at 18:00 that day").
* **The latest instant** for negative durations: pandas may answer the previous day's
  close where we answer the opening it is equivalent to.
* **Half-open intervals**: pandas' ``is_on_offset`` counts the closing minute as
  "on"; ``is_open`` follows SPEC §2.1's ``[start, end)``.

The last classes hold cases where the peers are plainly wrong: negative durations,
holidays read in the wrong zone, spans past the last listed holiday, and wall-clock
instead of elapsed hours across a DST change.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

import pytest

from supportrules import BusinessCalendar, InvalidScheduleError

WEEKDAYS = range(5)


def u(
    month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, *, us: int = 0
) -> datetime:
    """An instant of 2014 in UTC (the year of pandas' cases)."""
    return datetime(2014, month, day, hour, minute, second, us, tzinfo=UTC)


def weekdays(*hours: str) -> BusinessCalendar:
    """A UTC calendar open ``hours`` Monday to Friday."""
    return BusinessCalendar(timezone="UTC", weekly={d: list(hours) for d in WEEKDAYS})


def overnight(start: str, end: str, *day_hours: str) -> BusinessCalendar:
    """pandas' overnight business hours ``start``-``end`` (end past midnight) on Mon–Fri,
    plus ``day_hours`` on the same weekdays: the night of a weekday ends on the next
    morning, so Monday has only its evening and Saturday only its early morning."""
    evening, morning = f"{start}-24:00", f"00:00-{end}"
    weekly = {
        0: [*day_hours, evening],
        **{d: [morning, *day_hours, evening] for d in (1, 2, 3, 4)},
        5: [morning],
    }
    return BusinessCalendar(timezone="UTC", weekly=weekly)


class Case(NamedTuple):
    start: datetime
    duration: timedelta
    ours: datetime
    peer: datetime | None = None  # what the peer returns, when it differs from us


def c(start: datetime, hours: float, ours: datetime, peer: datetime | None = None) -> Case:
    return Case(start, timedelta(hours=hours), ours, peer)


def case_id(case: Case) -> str:
    sign = "+" if case.duration >= timedelta(0) else "-"
    clock = case.start.strftime("%a %m-%d %H:%M:%S").replace(":00 ", " ")
    return f"{clock}{sign}{abs(case.duration)}" + ("-differs" if case.peer else "")


def table(name: str, calendar: BusinessCalendar, cases: list[Case]) -> list[object]:
    return [pytest.param(calendar, case, id=f"{name}:{case_id(case)}") for case in cases]


# -- pandas BusinessHour ------------------------------------------------------------------

BH = weekdays("09:00-17:00")  # BusinessHour()
BH_13_16 = weekdays("13:00-16:00")
BH_10_16 = weekdays("10:00-16:00")
BH_SPLIT = weekdays("09:00-12:00", "14:00-18:00")
BH_SPLIT_19 = weekdays("09:00-12:00", "14:00-19:00")
BH_NIGHT = overnight("19:00", "05:00")
BH_NIGHT_21 = overnight("21:00", "02:00")
BH_0_23 = weekdays("00:00-23:00")

PANDAS_APPLY = [
    *table(
        "BusinessHour(1)",
        BH,
        [
            c(u(7, 1, 11), 1, u(7, 1, 12)),
            c(u(7, 1, 13), 1, u(7, 1, 14)),
            c(u(7, 1, 15), 1, u(7, 1, 16)),
            c(u(7, 1, 19), 1, u(7, 2, 10)),
            # pandas: Wed 09:00 (rolls the close on to the next opening); we keep Tue 17:00.
            c(u(7, 1, 16), 1, u(7, 1, 17), peer=u(7, 2, 9)),
            c(u(7, 1, 16, 30, 15), 1, u(7, 2, 9, 30, 15)),
            c(u(7, 1, 17), 1, u(7, 2, 10)),
            c(u(7, 2, 11), 1, u(7, 2, 12)),
            c(u(7, 2, 8), 1, u(7, 2, 10)),
            c(u(7, 2, 19), 1, u(7, 3, 10)),
            c(u(7, 2, 23), 1, u(7, 3, 10)),
            c(u(7, 3, 0), 1, u(7, 3, 10)),
            c(u(7, 5, 15), 1, u(7, 7, 10)),
            c(u(7, 4, 17), 1, u(7, 7, 10)),
            c(u(7, 4, 16, 30), 1, u(7, 7, 9, 30)),
            c(u(7, 4, 16, 30, 30), 1, u(7, 7, 9, 30, 30)),
        ],
    ),
    *table(
        "BusinessHour(4)",
        BH,
        [
            c(u(7, 1, 11), 4, u(7, 1, 15)),
            # pandas: Wed 09:00; we keep Tue 17:00.
            c(u(7, 1, 13), 4, u(7, 1, 17), peer=u(7, 2, 9)),
            c(u(7, 1, 15), 4, u(7, 2, 11)),
            c(u(7, 1, 16), 4, u(7, 2, 12)),
            c(u(7, 1, 17), 4, u(7, 2, 13)),
            c(u(7, 2, 11), 4, u(7, 2, 15)),
            c(u(7, 2, 8), 4, u(7, 2, 13)),
            c(u(7, 2, 19), 4, u(7, 3, 13)),
            c(u(7, 5, 15), 4, u(7, 7, 13)),
            c(u(7, 4, 17), 4, u(7, 7, 13)),
            c(u(7, 4, 16, 30), 4, u(7, 7, 12, 30)),
            c(u(7, 4, 16, 30, 30), 4, u(7, 7, 12, 30, 30)),
        ],
    ),
    *table(
        "BusinessHour(-1)",
        BH,
        [
            c(u(7, 1, 11), -1, u(7, 1, 10)),
            c(u(7, 1, 13), -1, u(7, 1, 12)),
            c(u(7, 1, 10), -1, u(7, 1, 9)),  # lands on the opening and stays there (GH#33682)
            c(u(7, 1, 16, 30, 15), -1, u(7, 1, 15, 30, 15)),
            c(u(7, 1, 9, 30, 15), -1, u(6, 30, 16, 30, 15)),
            c(u(7, 1, 17), -1, u(7, 1, 16)),
            c(u(7, 1, 5), -1, u(6, 30, 16)),
            c(u(7, 2, 8), -1, u(7, 1, 16)),
            c(u(7, 2, 19), -1, u(7, 2, 16)),
            c(u(7, 2, 23), -1, u(7, 2, 16)),
            c(u(7, 5, 15), -1, u(7, 4, 16)),
            c(u(7, 7, 9), -1, u(7, 4, 16)),
            c(u(7, 7, 9, 30), -1, u(7, 4, 16, 30)),
            c(u(7, 7, 9, 30, 30), -1, u(7, 4, 16, 30, 30)),
        ],
    ),
    *table(
        "BusinessHour(-4)",
        BH,
        [
            c(u(7, 1, 11), -4, u(6, 30, 15)),
            c(u(7, 1, 13), -4, u(7, 1, 9)),
            c(u(7, 1, 15), -4, u(7, 1, 11)),
            c(u(7, 1, 17), -4, u(7, 1, 13)),
            c(u(7, 2, 11), -4, u(7, 1, 15)),
            c(u(7, 2, 8), -4, u(7, 1, 13)),
            c(u(7, 2, 19), -4, u(7, 2, 13)),
            c(u(7, 5, 15), -4, u(7, 4, 13)),
            c(u(7, 4, 18), -4, u(7, 4, 13)),
            c(u(7, 7, 9, 30), -4, u(7, 4, 13, 30)),
            c(u(7, 7, 9, 30, 30), -4, u(7, 4, 13, 30, 30)),
        ],
    ),
    *table(
        "BusinessHour(start='13:00', end='16:00')",
        BH_13_16,
        [
            c(u(7, 1, 11), 1, u(7, 1, 14)),
            c(u(7, 1, 13), 1, u(7, 1, 14)),
            # pandas: Wed 13:00; we keep Tue 16:00.
            c(u(7, 1, 15), 1, u(7, 1, 16), peer=u(7, 2, 13)),
            c(u(7, 1, 19), 1, u(7, 2, 14)),
            c(u(7, 1, 16), 1, u(7, 2, 14)),
            c(u(7, 1, 15, 30, 15), 1, u(7, 2, 13, 30, 15)),
            c(u(7, 5, 15), 1, u(7, 7, 14)),
            c(u(7, 4, 17), 1, u(7, 7, 14)),
        ],
    ),
    *table(
        "BusinessHour(n=2, start='13:00', end='16:00')",
        BH_13_16,
        [
            c(u(7, 1, 17), 2, u(7, 2, 15)),
            # pandas: Thu 13:00; we keep Wed 16:00.
            c(u(7, 2, 14), 2, u(7, 2, 16), peer=u(7, 3, 13)),
            c(u(7, 2, 8), 2, u(7, 2, 15)),
            c(u(7, 2, 19), 2, u(7, 3, 15)),
            c(u(7, 2, 14, 30), 2, u(7, 3, 13, 30)),
            c(u(7, 3, 0), 2, u(7, 3, 15)),
            c(u(7, 5, 15), 2, u(7, 7, 15)),
            c(u(7, 4, 14, 30), 2, u(7, 7, 13, 30)),
            c(u(7, 4, 14, 30, 30), 2, u(7, 7, 13, 30, 30)),
        ],
    ),
    *table(
        "BusinessHour(n=-1, start='13:00', end='16:00')",
        BH_13_16,
        [
            c(u(7, 2, 11), -1, u(7, 1, 15)),
            c(u(7, 2, 13), -1, u(7, 1, 15)),
            c(u(7, 2, 14), -1, u(7, 2, 13)),
            c(u(7, 2, 15), -1, u(7, 2, 14)),
            c(u(7, 2, 19), -1, u(7, 2, 15)),
            c(u(7, 2, 16), -1, u(7, 2, 15)),
            c(u(7, 2, 13, 30, 15), -1, u(7, 1, 15, 30, 15)),
            c(u(7, 5, 15), -1, u(7, 4, 15)),
            c(u(7, 7, 11), -1, u(7, 4, 15)),
        ],
    ),
    *table(
        "BusinessHour(n=-3, start='10:00', end='16:00')",
        BH_10_16,
        [
            c(u(7, 1, 17), -3, u(7, 1, 13)),
            c(u(7, 2, 14), -3, u(7, 2, 11)),
            c(u(7, 2, 8), -3, u(7, 1, 13)),
            c(u(7, 2, 13), -3, u(7, 2, 10)),
            c(u(7, 2, 19), -3, u(7, 2, 13)),
            c(u(7, 2, 11, 30), -3, u(7, 1, 14, 30)),
            c(u(7, 4, 10), -3, u(7, 3, 13)),
            c(u(7, 5, 15), -3, u(7, 4, 13)),
            c(u(7, 4, 16), -3, u(7, 4, 13)),
            c(u(7, 4, 12, 30), -3, u(7, 3, 15, 30)),
            c(u(7, 4, 12, 30, 30), -3, u(7, 3, 15, 30, 30)),
        ],
    ),
    *table(
        "BusinessHour(start='19:00', end='05:00')",
        BH_NIGHT,
        [
            c(u(7, 1, 17), 1, u(7, 1, 20)),
            c(u(7, 2, 14), 1, u(7, 2, 20)),
            c(u(7, 2, 8), 1, u(7, 2, 20)),
            c(u(7, 2, 19), 1, u(7, 2, 20)),
            c(u(7, 2, 4, 30), 1, u(7, 2, 19, 30)),
            c(u(7, 3, 0), 1, u(7, 3, 1)),
            c(u(7, 4, 10), 1, u(7, 4, 20)),
            c(u(7, 4, 23), 1, u(7, 5, 0)),  # Friday's night goes on past midnight
            c(u(7, 5, 0), 1, u(7, 5, 1)),
            # pandas: Mon 19:00; we keep the close of Friday's night, Sat 05:00.
            c(u(7, 5, 4), 1, u(7, 5, 5), peer=u(7, 7, 19)),
            c(u(7, 5, 4, 30), 1, u(7, 7, 19, 30)),
            c(u(7, 5, 4, 30, 30), 1, u(7, 7, 19, 30, 30)),
        ],
    ),
    *table(
        "BusinessHour(n=-1, start='19:00', end='05:00')",
        BH_NIGHT,
        [
            c(u(7, 1, 17), -1, u(7, 1, 4)),
            c(u(7, 2, 14), -1, u(7, 2, 4)),
            c(u(7, 2, 20), -1, u(7, 2, 19)),
            c(u(7, 2, 19), -1, u(7, 2, 4)),
            c(u(7, 2, 19, 30), -1, u(7, 2, 4, 30)),
            c(u(7, 3, 0), -1, u(7, 2, 23)),
            c(u(7, 3, 6), -1, u(7, 3, 4)),
            c(u(7, 4, 23), -1, u(7, 4, 22)),
            c(u(7, 5, 0), -1, u(7, 4, 23)),
            c(u(7, 5, 4), -1, u(7, 5, 3)),
            c(u(7, 7, 19, 30), -1, u(7, 5, 4, 30)),
            c(u(7, 7, 19, 30, 30), -1, u(7, 5, 4, 30, 30)),
        ],
    ),
    *table(
        "BusinessHour(n=4, start='00:00', end='23:00')",
        BH_0_23,
        [
            c(u(7, 3, 22), 4, u(7, 4, 3)),
            c(u(7, 4, 22), 4, u(7, 7, 3)),
            c(u(7, 3, 22, 30), 4, u(7, 4, 3, 30)),
            c(u(7, 4, 22, 30, 30), 4, u(7, 7, 3, 30, 30)),
            c(u(7, 4, 3), -4, u(7, 3, 22)),
            c(u(7, 7, 3), -4, u(7, 4, 22)),
            c(u(7, 7, 3, 30, 20), -4, u(7, 4, 22, 30, 20)),
        ],
    ),
    *table(
        "BusinessHour(start=['09:00', '14:00'], end=['12:00', '18:00'])",
        BH_SPLIT,
        [
            # pandas: Tue 14:00 (rolls past the lunch break); we keep the end of the
            # morning, Tue 12:00.
            c(u(7, 1, 11), 1, u(7, 1, 12), peer=u(7, 1, 14)),
            c(u(7, 1, 15), 1, u(7, 1, 16)),
            c(u(7, 1, 19), 1, u(7, 2, 10)),
            c(u(7, 1, 16), 1, u(7, 1, 17)),
            c(u(7, 1, 16, 30, 15), 1, u(7, 1, 17, 30, 15)),
            # pandas: Wed 09:00; we keep Tue 18:00.
            c(u(7, 1, 17), 1, u(7, 1, 18), peer=u(7, 2, 9)),
            # pandas: Wed 14:00; we keep Wed 12:00.
            c(u(7, 2, 11), 1, u(7, 2, 12), peer=u(7, 2, 14)),
            c(u(7, 1, 13), 1, u(7, 1, 15)),
            c(u(7, 2, 8), 1, u(7, 2, 10)),
            c(u(7, 2, 19), 1, u(7, 3, 10)),
            c(u(7, 5, 15), 1, u(7, 7, 10)),
            # pandas: Mon 09:00; we keep Fri 18:00.
            c(u(7, 4, 17), 1, u(7, 4, 18), peer=u(7, 7, 9)),
            c(u(7, 4, 17, 30), 1, u(7, 7, 9, 30)),
            c(u(7, 4, 17, 30, 30), 1, u(7, 7, 9, 30, 30)),
        ],
    ),
    *table(
        "BusinessHour(n=4, start=['09:00', '14:00'], end=['12:00', '18:00'])",
        BH_SPLIT,
        [
            c(u(7, 1, 11), 4, u(7, 1, 17)),
            # pandas: Wed 09:00; we keep Tue 18:00.
            c(u(7, 1, 13), 4, u(7, 1, 18), peer=u(7, 2, 9)),
            c(u(7, 1, 15), 4, u(7, 2, 10)),
            c(u(7, 1, 16), 4, u(7, 2, 11)),
            # pandas: Wed 14:00; we keep the end of Wednesday's morning, 12:00.
            c(u(7, 1, 17), 4, u(7, 2, 12), peer=u(7, 2, 14)),
            c(u(7, 2, 11), 4, u(7, 2, 17)),
            c(u(7, 2, 8), 4, u(7, 2, 15)),
            c(u(7, 2, 19), 4, u(7, 3, 15)),
            c(u(7, 5, 15), 4, u(7, 7, 15)),
            # pandas: Mon 14:00; we keep Mon 12:00.
            c(u(7, 4, 17), 4, u(7, 7, 12), peer=u(7, 7, 14)),
            c(u(7, 4, 16, 30), 4, u(7, 7, 11, 30)),
            c(u(7, 4, 16, 30, 30), 4, u(7, 7, 11, 30, 30)),
        ],
    ),
    *table(
        "BusinessHour(n=-4, start=['09:00', '14:00'], end=['12:00', '18:00'])",
        BH_SPLIT,
        [
            c(u(7, 1, 11), -4, u(6, 30, 16)),
            c(u(7, 1, 13), -4, u(6, 30, 17)),
            c(u(7, 1, 15), -4, u(7, 1, 9)),
            c(u(7, 1, 16), -4, u(7, 1, 10)),
            c(u(7, 1, 17), -4, u(7, 1, 11)),
            c(u(7, 2, 11), -4, u(7, 1, 16)),
            c(u(7, 2, 8), -4, u(7, 1, 14)),
            c(u(7, 2, 19), -4, u(7, 2, 14)),
            c(u(7, 5, 15), -4, u(7, 4, 14)),
            c(u(7, 4, 18), -4, u(7, 4, 14)),
            c(u(7, 7, 9, 30), -4, u(7, 4, 14, 30)),
            c(u(7, 7, 9, 30, 30), -4, u(7, 4, 14, 30, 30)),
        ],
    ),
    # Large n (pandas' test_apply_large_n).
    *table(
        "BusinessHour(40)",
        BH,
        [
            c(u(7, 1, 11), 40, u(7, 8, 11)),
            c(u(7, 1, 13), 40, u(7, 8, 13)),
            c(u(7, 1, 16), 40, u(7, 8, 16)),
            # pandas: Wed 07-09 09:00; we keep the close of the fifth day, Tue 07-08 17:00.
            c(u(7, 1, 17), 40, u(7, 8, 17), peer=u(7, 9, 9)),
            c(u(7, 2, 11), 40, u(7, 9, 11)),
            # pandas: Wed 07-09 09:00; we keep Tue 07-08 17:00.
            c(u(7, 2, 8), 40, u(7, 8, 17), peer=u(7, 9, 9)),
            # pandas: Thu 07-10 09:00; we keep Wed 07-09 17:00.
            c(u(7, 2, 19), 40, u(7, 9, 17), peer=u(7, 10, 9)),
            # pandas: Mon 07-14 09:00; we keep Fri 07-11 17:00.
            c(u(7, 5, 15), 40, u(7, 11, 17), peer=u(7, 14, 9)),
            c(u(7, 4, 18), 40, u(7, 11, 17), peer=u(7, 14, 9)),  # pandas: Mon 07-14 09:00
            c(u(7, 7, 9, 30), 40, u(7, 14, 9, 30)),
            c(u(7, 7, 9, 30, 30), 40, u(7, 14, 9, 30, 30)),
        ],
    ),
    *table(
        "BusinessHour(-25)",
        BH,
        [
            c(u(7, 1, 11), -25, u(6, 26, 10)),
            c(u(7, 1, 13), -25, u(6, 26, 12)),
            c(u(7, 1, 9), -25, u(6, 25, 16)),
            c(u(7, 1, 10), -25, u(6, 26, 9)),
            c(u(7, 3, 11), -25, u(6, 30, 10)),
            c(u(7, 3, 8), -25, u(6, 27, 16)),
            c(u(7, 3, 19), -25, u(6, 30, 16)),
            c(u(7, 4, 9), -25, u(6, 30, 16)),
            c(u(7, 5, 15), -25, u(7, 1, 16)),
            c(u(7, 7, 9, 30), -25, u(7, 1, 16, 30)),
            c(u(7, 7, 10, 30, 30), -25, u(7, 2, 9, 30, 30)),
        ],
    ),
    *table(
        "BusinessHour(28, start='21:00', end='02:00')",
        BH_NIGHT_21,
        [
            c(u(7, 1, 11), 28, u(7, 9, 0)),
            c(u(7, 1, 22), 28, u(7, 9, 1)),
            # pandas: Wed 07-09 21:00; we keep the close of Tuesday's night, Wed 02:00.
            c(u(7, 1, 23), 28, u(7, 9, 2), peer=u(7, 9, 21)),
            c(u(7, 2, 2), 28, u(7, 10, 0)),
            c(u(7, 3, 21), 28, u(7, 11, 0)),
            c(u(7, 4, 1), 28, u(7, 11, 23)),
            c(u(7, 4, 2), 28, u(7, 12, 0)),
            c(u(7, 4, 3), 28, u(7, 12, 0)),
            c(u(7, 5, 1), 28, u(7, 14, 23)),
            c(u(7, 5, 15), 28, u(7, 15, 0)),
            c(u(7, 6, 18), 28, u(7, 15, 0)),
            c(u(7, 7, 1), 28, u(7, 15, 0)),
            c(u(7, 7, 23, 30), 28, u(7, 15, 21, 30)),
        ],
    ),
    *table(
        "BusinessHour(n=-25, start=['09:00', '14:00'], end=['12:00', '19:00'])",
        BH_SPLIT_19,
        [
            c(u(7, 1, 11), -25, u(6, 26, 10)),
            c(u(7, 1, 13), -25, u(6, 26, 11)),
            c(u(7, 1, 9), -25, u(6, 25, 18)),
            c(u(7, 1, 10), -25, u(6, 26, 9)),
            c(u(7, 3, 11), -25, u(6, 30, 10)),
            c(u(7, 3, 8), -25, u(6, 27, 18)),
            c(u(7, 3, 19), -25, u(6, 30, 18)),
            c(u(7, 5, 15), -25, u(7, 1, 18)),
            c(u(7, 7, 9, 30), -25, u(7, 1, 18, 30)),
            c(u(7, 7, 10, 30, 30), -25, u(7, 2, 9, 30, 30)),
        ],
    ),
    # test_apply_nanoseconds, in microseconds (a datetime's finest unit).
    *table(
        "BusinessHour(1) sub-second",
        BH,
        [
            c(u(7, 4, 15, us=5), 1, u(7, 4, 16, us=5)),
            c(u(7, 4, 16, us=5), 1, u(7, 7, 9, us=5)),
            c(u(7, 4, 16) - timedelta(microseconds=5), 1, u(7, 4, 17) - timedelta(microseconds=5)),
            c(u(7, 4, 15, us=5), -1, u(7, 4, 14, us=5)),
            c(u(7, 4, 10, us=5), -1, u(7, 4, 9, us=5)),
            c(u(7, 4, 10) - timedelta(microseconds=5), -1, u(7, 3, 17) - timedelta(microseconds=5)),
        ],
    ),
    # test_with_offset and test_add_datetime.
    *table("BusinessHour(3)", BH, [c(u(7, 1, 10), 3, u(7, 1, 13))]),
    *table(
        "BusinessHour(start=['09:00', '13:00'], end=['12:00', '17:00'])",
        weekdays("09:00-12:00", "13:00-17:00"),
        [c(u(7, 1, 10), 1, u(7, 1, 11))],
    ),
    *table(
        "BusinessHour(n=3, start=['09:00', '22:00'], end=['13:00', '03:00'])",
        overnight("22:00", "03:00", "09:00-13:00"),
        # pandas: Tue 22:00; we keep the end of the morning interval, Tue 13:00.
        [c(u(7, 1, 10), 3, u(7, 1, 13), peer=u(7, 1, 22))],
    ),
    *table(
        "BusinessHour(n=-1, start=['23:00', '13:00'], end=['02:00', '17:00'])",
        overnight("23:00", "02:00", "13:00-17:00"),
        [c(u(7, 1, 10), -1, u(7, 1, 1))],
    ),
    # test_subtract_bh_at_opening_boundary (GH#33682).
    *table(
        "BusinessHour(-1) GH#33682",
        BH,
        [c(datetime(2000, 1, 10, 10, tzinfo=UTC), -1, datetime(2000, 1, 10, 9, tzinfo=UTC))],
    ),
]

# -- pandas CustomBusinessHour ------------------------------------------------------------

# "holidays = ['2014-06-27', datetime(2014, 6, 30), np.datetime64('2014-07-02')]"
CBH = BusinessCalendar(
    timezone="UTC",
    weekly={d: ["09:00-17:00"] for d in WEEKDAYS},
    holidays=[date(2014, 6, 27), date(2014, 6, 30), date(2014, 7, 2)],
)

PANDAS_CUSTOM_APPLY = [
    *table(
        "CustomBusinessHour(holidays=holidays)",
        CBH,
        [
            c(u(7, 1, 11), 1, u(7, 1, 12)),
            c(u(7, 1, 13), 1, u(7, 1, 14)),
            c(u(7, 1, 15), 1, u(7, 1, 16)),
            c(u(7, 1, 19), 1, u(7, 3, 10)),
            # pandas: Thu 09:00 (after the Wednesday holiday); we keep Tue 17:00.
            c(u(7, 1, 16), 1, u(7, 1, 17), peer=u(7, 3, 9)),
            c(u(7, 1, 16, 30, 15), 1, u(7, 3, 9, 30, 15)),
            c(u(7, 1, 17), 1, u(7, 3, 10)),
            c(u(7, 2, 11), 1, u(7, 3, 10)),
            c(u(7, 2, 8), 1, u(7, 3, 10)),
            c(u(7, 2, 23), 1, u(7, 3, 10)),
            c(u(7, 3, 0), 1, u(7, 3, 10)),
            c(u(7, 5, 15), 1, u(7, 7, 10)),
            c(u(7, 4, 17), 1, u(7, 7, 10)),
            c(u(7, 4, 16, 30), 1, u(7, 7, 9, 30)),
            c(u(7, 4, 16, 30, 30), 1, u(7, 7, 9, 30, 30)),
        ],
    ),
    *table(
        "CustomBusinessHour(4, holidays=holidays)",
        CBH,
        [
            c(u(7, 1, 11), 4, u(7, 1, 15)),
            # pandas: Thu 09:00; we keep Tue 17:00.
            c(u(7, 1, 13), 4, u(7, 1, 17), peer=u(7, 3, 9)),
            c(u(7, 1, 15), 4, u(7, 3, 11)),
            c(u(7, 1, 16), 4, u(7, 3, 12)),
            c(u(7, 1, 17), 4, u(7, 3, 13)),
            c(u(7, 2, 11), 4, u(7, 3, 13)),
            c(u(7, 2, 19), 4, u(7, 3, 13)),
            c(u(7, 5, 15), 4, u(7, 7, 13)),
            c(u(7, 4, 16, 30), 4, u(7, 7, 12, 30)),
            c(u(7, 4, 16, 30, 30), 4, u(7, 7, 12, 30, 30)),
        ],
    ),
    *table(
        "CustomBusinessHour sub-second",
        CBH,
        [
            c(u(7, 1, 15, us=5), 1, u(7, 1, 16, us=5)),
            c(u(7, 1, 16, us=5), 1, u(7, 3, 9, us=5)),
            c(u(7, 1, 16) - timedelta(microseconds=5), 1, u(7, 1, 17) - timedelta(microseconds=5)),
            c(u(7, 1, 15, us=5), -1, u(7, 1, 14, us=5)),
            c(u(7, 1, 10, us=5), -1, u(7, 1, 9, us=5)),
            # Back over Monday 06-30 and Friday 06-27, both holidays.
            c(
                u(7, 1, 10) - timedelta(microseconds=5),
                -1,
                u(6, 26, 17) - timedelta(microseconds=5),
            ),
        ],
    ),
    # test_custom_businesshour_weekmask_and_holidays (GH 23542): 08:00-17:00, 2018-11-09 off.
    *table(
        "CustomBusinessHour(weekmask='Mon Tue Wed Thu Fri Sat')",
        BusinessCalendar(
            timezone="UTC",
            weekly={d: ["08:00-17:00"] for d in range(6)},
            holidays=[date(2018, 11, 9)],
        ),
        [
            c(
                datetime(2018, 11, 8, 8, tzinfo=UTC),
                10,
                datetime(2018, 11, 10, 9, tzinfo=UTC),
            )
        ],
    ),
    *table(
        "CustomBusinessHour(weekmask='Tue Wed Thu Fri Sat')",
        BusinessCalendar(
            timezone="UTC",
            weekly={d: ["08:00-17:00"] for d in range(1, 6)},
            holidays=[date(2018, 11, 9)],
        ),
        [
            c(
                datetime(2018, 11, 8, 8, tzinfo=UTC),
                18,
                # pandas: Tue 2018-11-13 08:00 (over Sunday and Monday); we keep Sat 17:00.
                datetime(2018, 11, 10, 17, tzinfo=UTC),
                peer=datetime(2018, 11, 13, 8, tzinfo=UTC),
            )
        ],
    ),
]


class TestPandasBusinessHour:
    @pytest.mark.parametrize(("calendar", "case"), PANDAS_APPLY)
    def test_add(self, calendar: BusinessCalendar, case: Case) -> None:
        result = calendar.add(case.start, case.duration)
        assert result == case.ours
        assert result.tzinfo == ZoneInfo("UTC")

    @pytest.mark.parametrize(("calendar", "case"), PANDAS_APPLY)
    def test_between_measures_the_duration_back(
        self, calendar: BusinessCalendar, case: Case
    ) -> None:
        # Where we differ, the peer's answer is the same business time away, only not
        # the earliest (latest) such instant: both measure back to the duration.
        assert calendar.between(case.start, case.ours) == case.duration
        if case.peer is not None:
            assert calendar.between(case.start, case.peer) == case.duration
            assert calendar.between(case.ours, case.peer) == timedelta(0)

    @pytest.mark.parametrize(
        ("calendar", "at", "expected"),
        [
            (BH, u(7, 1, 9), True),
            (BH, u(7, 1, 8, 59), False),
            (BH, u(7, 1, 8), False),
            # pandas' is_on_offset says True at the close; SPEC §2.1's [start, end) says no.
            (BH, u(7, 1, 17), False),
            (BH, u(7, 1, 16, 59, 59, us=999_999), True),
            (BH, u(7, 1, 17, 1), False),
            (BH, u(7, 1, 18), False),
            (BH, u(7, 5, 9), False),
            (BH, u(7, 6, 12), False),
            (weekdays("10:00-15:00"), u(7, 1, 9), False),
            (weekdays("10:00-15:00"), u(7, 1, 10), True),
            (weekdays("10:00-15:00"), u(7, 1, 15), False),  # pandas: True (the close)
            (BH_NIGHT, u(7, 1, 9), False),
            (BH_NIGHT, u(7, 1, 19), True),
            (BH_NIGHT, u(7, 2, 0), True),
            (BH_NIGHT, u(7, 4, 23), True),
            (BH_NIGHT, u(7, 5, 1), True),  # Friday's night, on Saturday morning
            (BH_NIGHT, u(7, 5, 5), False),  # pandas: True (the close)
            (BH_NIGHT, u(7, 5, 12), False),
            (BH_NIGHT, u(7, 6, 23), False),  # Sunday night is closed
            (BH_NIGHT, u(7, 7, 3), False),  # so Monday's early hours are closed
            (weekdays("09:00-12:00", "13:00-17:00"), u(7, 1, 12, 30), False),
            (weekdays("09:00-12:00", "13:00-17:00"), u(7, 1, 12), False),
            (weekdays("09:00-12:00", "13:00-17:00"), u(7, 1, 13), True),
        ],
        ids=lambda value: value.strftime("%a %H:%M:%S.%f") if isinstance(value, datetime) else None,
    )
    def test_is_open(self, calendar: BusinessCalendar, at: datetime, expected: bool) -> None:
        assert calendar.is_open(at) is expected

    @pytest.mark.parametrize(
        ("calendar", "at", "expected"),
        [
            (BH, u(7, 1, 10), u(7, 1, 10)),
            (weekdays("11:00-14:30"), u(7, 1, 10), u(7, 1, 11)),
            (overnight("20:00", "05:00"), u(7, 1, 10), u(7, 1, 20)),
            (overnight("21:30", "06:30"), u(7, 1, 10), u(7, 1, 21, 30)),
            (BH, u(7, 1, 0), u(7, 1, 9)),
            (weekdays("11:00-14:30"), u(7, 1, 0), u(7, 1, 11)),
            (overnight("20:00", "05:00"), u(7, 1, 0), u(7, 1, 0)),  # inside Monday's night
            (BH, u(7, 5, 16), u(7, 7, 9)),  # testRollforward2
            (BH, u(7, 6, 15), u(7, 7, 9)),  # test_roll_date_object
            (CBH, u(7, 1, 0), u(7, 1, 9)),
            (CBH, u(6, 30, 12), u(7, 1, 9)),  # Monday 06-30 is a holiday
        ],
        ids=lambda value: value.strftime("%a %m-%d %H:%M") if isinstance(value, datetime) else None,
    )
    def test_next_open_is_rollforward(
        self, calendar: BusinessCalendar, at: datetime, expected: datetime
    ) -> None:
        assert calendar.next_open(at) == expected


class TestPandasCustomBusinessHour:
    @pytest.mark.parametrize(("calendar", "case"), PANDAS_CUSTOM_APPLY)
    def test_add(self, calendar: BusinessCalendar, case: Case) -> None:
        assert calendar.add(case.start, case.duration) == case.ours

    def test_us_federal_holiday(self) -> None:
        # GH 16867: 8 business hours from Friday 2014-01-17 15:00 skip Martin Luther King
        # Jr. Day (Monday 2014-01-20); pandas' USFederalHolidayCalendar is the `holidays`
        # package's US public calendar here.
        calendar = BusinessCalendar.for_country("US", timezone="UTC", hours="09:00-17:00")
        start = datetime(2014, 1, 17, 15, tzinfo=UTC)
        assert calendar.add(start, timedelta(hours=8)) == datetime(2014, 1, 21, 15, tzinfo=UTC)


# -- businesstimedelta ----------------------------------------------------------------------

BTD = weekdays("09:00-17:00")  # WorkDayRule(time(9), time(17), [0, 1, 2, 3, 4], tz=utc)
BTD_LUNCH = BusinessCalendar(  # README: WorkDayRule 9-18 and LunchTimeRule 12-13
    timezone="UTC", weekly={d: ["09:00-12:00", "13:00-18:00"] for d in WEEKDAYS}
)


def t16(month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2016, month, day, hour, minute, second, tzinfo=UTC)


class TestBusinessTimeDelta:
    @pytest.mark.parametrize(
        "case",
        [
            c(t16(1, 23, 13, 14), 2, t16(1, 25, 11)),  # test_add_less_than_one_period
            c(t16(1, 22, 9), 8, t16(1, 22, 17)),  # exactly one period: it keeps the close too
            c(t16(1, 23, 13, 14), 12, t16(1, 26, 13)),
            c(t16(1, 25, 11, 14), -2, t16(1, 25, 9, 14)),  # test_subtract_less_than_one_period
            c(t16(1, 22, 18), -8, t16(1, 22, 9)),
            c(t16(1, 25, 11, 14), -8, t16(1, 22, 11, 14)),
        ],
        ids=case_id,
    )
    def test_add_and_subtract(self, case: Case) -> None:
        assert BTD.add(case.start, case.duration) == case.ours

    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [
            (t16(1, 21, 10), t16(1, 21, 10, 0, 5), timedelta(seconds=5)),
            (t16(1, 20, 10), t16(1, 21, 10, 0, 5), timedelta(hours=8, seconds=5)),
            (t16(1, 18, 2), t16(1, 24), timedelta(hours=40)),
        ],
        ids=["five-seconds", "a-day-and-five-seconds", "a-whole-week"],
    )
    def test_difference(self, start: datetime, end: datetime, expected: timedelta) -> None:
        assert BTD.between(start, end) == expected
        assert BTD.between(end, start) == -expected

    def test_night_shift_difference(self) -> None:
        # NightShiftRuleTest: 23:00-01:00 on working days is two intervals on two days.
        night = overnight("23:00", "01:00")
        assert night.between(t16(1, 21, 10), t16(1, 22, 10)) == timedelta(hours=2)

    def test_readme(self) -> None:
        start, end = t16(1, 18, 9), t16(1, 25, 9)
        assert BTD_LUNCH.between(start, end) == timedelta(hours=40)
        assert BTD_LUNCH.add(start, timedelta(hours=40)) == t16(1, 22, 18)
        assert BTD_LUNCH.add(end, timedelta(hours=-40)) == start

    def test_readme_with_california_holidays(self) -> None:
        # Christmas 2015 (a Friday) is off: 32 business hours in the week of 2015-12-21.
        calendar = BusinessCalendar.for_country(
            "US", subdivision="CA", timezone="UTC", hours=["09:00-12:00", "13:00-18:00"]
        )
        start, end = datetime(2015, 12, 21, 9, tzinfo=UTC), datetime(2015, 12, 28, 9, tzinfo=UTC)
        assert calendar.between(start, end) == timedelta(hours=32)

    def test_readme_localized(self) -> None:
        # Santiago's business hours measured between two San Francisco instants:
        # 09:00-18:00 PST is 14:00-23:00 in Santiago (UTC-3 in January): four hours.
        santiago = BusinessCalendar(
            timezone="America/Santiago",
            weekly={d: ["09:00-12:00", "13:00-18:00"] for d in WEEKDAYS},
        )
        sf = ZoneInfo("America/Los_Angeles")
        start, end = datetime(2016, 1, 18, 9, tzinfo=sf), datetime(2016, 1, 18, 18, tzinfo=sf)
        assert santiago.between(start, end) == timedelta(hours=4)

    @pytest.mark.parametrize(
        ("calendar", "at", "expected"),
        [
            (BTD_LUNCH, t16(1, 25, 12, 30), t16(1, 25, 13)),  # test_next_during_lunch_break
            (BTD, t16(1, 23, 13, 14), t16(1, 25, 9)),  # test_next_during_weekend
            (BTD, t16(1, 25, 10), t16(1, 25, 10)),  # test_next_during_working_day
            (BTD, t16(1, 25, 3), t16(1, 25, 9)),  # test_next_before_working_day
        ],
        ids=["lunch-break", "weekend", "working-day", "before-working-day"],
    )
    def test_next_open(self, calendar: BusinessCalendar, at: datetime, expected: datetime) -> None:
        assert calendar.next_open(at) == expected

    def test_holiday_seen_from_another_zone(self) -> None:
        # test_next_during_holiday_cross_timezone: 2016-12-24 20:00 in Los Angeles is
        # already Christmas Day in a UTC calendar.
        calendar = BusinessCalendar.always_open(
            "UTC", holidays=[date(2015, 12, 25), date(2016, 12, 25), date(2017, 12, 25)]
        )
        la = ZoneInfo("America/Los_Angeles")
        assert not calendar.is_open(datetime(2016, 12, 24, 20, tzinfo=la))
        assert calendar.is_open(datetime(2016, 12, 24, 15, tzinfo=la))
        assert calendar.next_open(datetime(2016, 12, 24, 20, tzinfo=la)) == t16(12, 26)

    def test_empty_work_day_is_refused(self) -> None:
        # AdversarialRuleTest: businesstimedelta accepts a 09:00-09:00 work day and
        # silently counts nothing; SPEC §2.5 makes end <= start an error.
        with pytest.raises(InvalidScheduleError, match="09:00-09:00"):
            weekdays("09:00-09:00")


# -- where the peers are wrong ----------------------------------------------------------------

KYIV = ZoneInfo("Europe/Kyiv")
K9 = BusinessCalendar.standard("Europe/Kyiv", "09:00-18:00")


class TestNegativeDurations:
    def test_back_over_the_weekend(self) -> None:
        # businesstimedelta: Mon 2016-01-25 10:00 + BusinessTimeDelta(hours=-2) returns
        # Mon 08:00, before the opening. Two business hours back is Friday 16:00.
        assert BTD.add(t16(1, 25, 10), timedelta(hours=-2)) == t16(1, 22, 16)

    def test_back_a_whole_day_from_the_close(self) -> None:
        # businesstimedelta: Mon 17:00 + BusinessTimeDelta(hours=-8) returns Tue 01:00,
        # moving forwards. pandas: Mon 17:00 + BusinessHour(-8) returns Fri 17:00, the
        # earlier reading of the same business position. Ours: the latest instant, Mon 09:00.
        assert BTD.add(t16(1, 25, 17), timedelta(hours=-8)) == t16(1, 25, 9)
        assert BTD.add(t16(1, 25, 18), timedelta(hours=-8)) == t16(1, 25, 9)

    def test_back_a_whole_day_from_the_opening(self) -> None:
        # pandas: Mon 2026-11-23 09:00 + BusinessHour(-9, 09:00-18:00) returns Thu 18:00.
        # Ours: the latest instant with nine open hours before Monday 09:00, Fri 09:00.
        start = datetime(2026, 11, 23, 9, tzinfo=KYIV)
        assert K9.add(start, timedelta(hours=-9)) == datetime(2026, 11, 20, 9, tzinfo=KYIV)


class TestHolidaysInTheCalendarsZone:
    AUCKLAND = ZoneInfo("Pacific/Auckland")
    # Waitangi Day, Friday 2026-02-06, closes the day in Auckland.
    CALENDAR = BusinessCalendar(
        timezone="Pacific/Auckland",
        weekly={d: ["09:00-18:00"] for d in WEEKDAYS},
        holidays=[date(2026, 2, 6)],
    )

    @pytest.mark.parametrize(
        "zone", ["Pacific/Auckland", "UTC", "America/Los_Angeles"], ids=lambda key: key
    )
    def test_holiday_is_the_local_date_whatever_zone_the_start_is_written_in(
        self, zone: str
    ) -> None:
        # businesstimedelta (HolidayRule without tz, i.e. UTC dates): Fri 2026-02-06
        # 12:00+13:00, counting Friday morning, which in UTC is still Thursday.
        # pandas, start written in UTC: 2026-02-10 01:00+13:00 (pandas counts in the
        # zone of its input). Ours: Thursday 9 h, Friday closed, Monday 3 h.
        start = datetime(2026, 2, 5, 9, tzinfo=self.AUCKLAND).astimezone(ZoneInfo(zone))
        result = self.CALENDAR.add(start, timedelta(hours=12))
        assert result == datetime(2026, 2, 9, 12, tzinfo=self.AUCKLAND)
        assert result.isoformat() == "2026-02-09T12:00:00+13:00"

    def test_calendar_k_from_an_instant_written_in_utc(self) -> None:
        # pandas, CustomBusinessHour(09:00-18:00) on Wed 2026-11-18 10:00 Kyiv written in
        # UTC: 2026-11-18 19:00 Kyiv, an hour after the close. Ours: SPEC §2.4, 18:00.
        start = datetime(2026, 11, 18, 10, tzinfo=KYIV).astimezone(UTC)
        assert K9.add(start, timedelta(hours=8)) == datetime(2026, 11, 18, 18, tzinfo=KYIV)


class TestSpansPastTheLastListedHoliday:
    CALENDAR = BusinessCalendar(
        timezone="UTC", weekly={d: ["09:00-17:00"] for d in WEEKDAYS}, holidays=[date(2016, 12, 26)]
    )

    def test_add(self) -> None:
        # businesstimedelta raises TypeError ("combine() argument 1 must be
        # datetime.date, not None") once a span passes its last listed holiday.
        start = datetime(2016, 12, 20, 10, tzinfo=UTC)
        assert self.CALENDAR.add(start, timedelta(hours=80)) == datetime(2017, 1, 4, 10, tzinfo=UTC)

    def test_between(self) -> None:
        # businesstimedelta: the same TypeError. 31 h in December before the holiday,
        # 32 h after it, 22 working days of January 2017.
        start, end = datetime(2016, 12, 20, 10, tzinfo=UTC), datetime(2017, 2, 1, tzinfo=UTC)
        assert self.CALENDAR.between(start, end) == timedelta(hours=31 + 32 + 22 * 8)


class TestElapsedNotWallClockHoursAcrossDst:
    AMSTERDAM = ZoneInfo("Europe/Amsterdam")
    NIGHTS = BusinessCalendar(
        timezone="Europe/Amsterdam", weekly={d: ["00:00-06:00"] for d in range(7)}
    )

    def test_fall_back_night_has_seven_open_hours(self) -> None:
        # pandas: CustomBusinessHour(00:00-06:00, every day), 2026-10-25 00:00+02:00 + 6
        # returns 2026-10-26 00:00+01:00: six wall-clock hours (seven elapsed), then the
        # close rolled to the next opening. businesstimedelta returns "2026-10-25
        # 06:00+02:00", the right instant under a summer offset that no longer applies.
        start = datetime.fromisoformat("2026-10-25T00:00+02:00")
        result = self.NIGHTS.add(start, timedelta(hours=6))
        assert result.isoformat() == "2026-10-25T05:00:00+01:00"
        assert result.tzinfo == self.AMSTERDAM
        assert self.NIGHTS.between(start, datetime.fromisoformat("2026-10-25T12:00+01:00")) == (
            timedelta(hours=7)
        )

    def test_spring_forward_night_has_five_open_hours(self) -> None:
        # pandas: 2026-03-29 00:00+01:00 + 5 business hours returns 05:00+02:00, only
        # four elapsed hours later. Ours: the whole (five-hour) night, 06:00+02:00.
        start = datetime.fromisoformat("2026-03-29T00:00+01:00")
        result = self.NIGHTS.add(start, timedelta(hours=5))
        assert result.isoformat() == "2026-03-29T06:00:00+02:00"
        assert self.NIGHTS.between(start, datetime.fromisoformat("2026-03-29T12:00+02:00")) == (
            timedelta(hours=5)
        )
