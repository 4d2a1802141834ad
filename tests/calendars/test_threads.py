"""Calendars shared between threads give the answers one thread alone gives (SPEC §1).

The ``holidays`` package fills a year lazily and marks it loaded before it is full; a
calendar that read it from two threads at once saw a year with holidays missing and
kept it. These tests force that interleaving (a slowed-down population step) and then
hammer fresh calendars from many threads, comparing every answer with a serial run.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Any

import pytest

from calendars.slowdown import slow_population  # noqa: F401 (a fixture)
from supportrules import BusinessCalendar

COUNTRIES = (
    ("TR", "Europe/Istanbul"),
    ("NL", "Europe/Amsterdam"),
    ("JP", "Asia/Tokyo"),
    ("US", "America/New_York"),
    ("MY", "Asia/Kuala_Lumpur"),
    ("AE", "Asia/Dubai"),
)


def year_open_time(calendar: BusinessCalendar, year: int) -> timedelta:
    return calendar.between(datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC))


def kind_of(calendar: BusinessCalendar, on: date) -> str:
    return calendar.day(on).kind.value


def run_together(calls: Sequence[Callable[[], Any]], workers: int) -> list[Any]:
    """Run ``calls`` on ``workers`` threads that start at the same moment."""
    barrier = threading.Barrier(min(workers, len(calls)))

    def start(call: Callable[[], Any]) -> Any:
        with contextlib.suppress(threading.BrokenBarrierError):  # fewer calls than threads
            barrier.wait(timeout=10)
        return call()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(start, calls))


class TestHolidayYearsUnderThreads:
    @pytest.mark.usefixtures("slow_population")
    def test_a_year_read_by_many_threads_while_it_loads_is_complete(self) -> None:
        expected = year_open_time(
            BusinessCalendar.for_country("TR", timezone="Europe/Istanbul"), 2026
        )
        assert expected == timedelta(days=93, hours=12)  # the figure, serially
        shared = BusinessCalendar.for_country("TR", timezone="Europe/Istanbul")
        results = run_together([lambda: year_open_time(shared, 2026)] * 8, workers=8)
        assert results == [expected] * 8
        # and nothing wrong stayed cached
        assert year_open_time(shared, 2026) == expected

    @pytest.mark.usefixtures("slow_population")
    def test_days_read_while_the_year_loads_keep_their_holidays(self) -> None:
        shared = BusinessCalendar.for_country("TR", timezone="Europe/Istanbul")
        days = [date(2027, 1, 1), date(2027, 4, 23), date(2027, 5, 19), date(2027, 10, 29)]
        results = run_together([partial(kind_of, shared, d) for d in days] * 3, 12)
        assert results == ["holiday"] * 12

    def test_many_fresh_calendars_across_years_agree_with_one_thread(self) -> None:
        years = range(2019, 2031)
        serial = {
            (code, year): year_open_time(BusinessCalendar.for_country(code, timezone=zone), year)
            for code, zone in COUNTRIES
            for year in years
        }
        for _round in range(2):
            calendars = {
                code: BusinessCalendar.for_country(code, timezone=zone) for code, zone in COUNTRIES
            }
            keys = [(code, year) for code, _ in COUNTRIES for year in years]
            keys = keys[::2] + keys[1::2]  # neighbouring years on different threads
            results = run_together(
                [partial(year_open_time, calendars[code], year) for code, year in keys], workers=8
            )
            assert dict(zip(keys, results, strict=True)) == {k: serial[k] for k in keys}

    def test_adds_from_many_threads_agree_with_one_thread(self) -> None:
        starts = [datetime(2024 + n % 5, 1 + n % 12, 1 + n % 27, 10, tzinfo=UTC) for n in range(64)]
        step = timedelta(hours=300)
        serial = BusinessCalendar.for_country("NL", timezone="Europe/Amsterdam").add_many(
            starts, step
        )
        shared = BusinessCalendar.for_country("NL", timezone="Europe/Amsterdam")
        results = run_together([partial(shared.add, s, step) for s in starts], workers=8)
        assert results == serial
