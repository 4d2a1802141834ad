"""Edges of the calendar engine that a mutation-testing sample found unpinned.

The bottom of the supported years (local years 2–9998; the top is pinned elsewhere), the
10-year never-opens horizon when ``add`` counts backwards, and the thousand-year guard on
a backward walk. The engine keeps open time in 52-week blocks counted from 1970-01-01
(``CHUNK_DAYS``); where a case depends on where a block begins, the comment says so.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from supportrules import BusinessCalendar
from supportrules.errors import CalendarNeverOpensError, OutOfRangeError

HOUR = timedelta(hours=1)
MICROSECOND = timedelta(microseconds=1)
# Monday–Friday 09:00–18:00 in UTC: no offsets to think about near year 2.
WEEKDAYS = BusinessCalendar.standard("UTC")


def utc(year: int, month: int, day: int, hour: int = 0) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


class TestTheBottomOfTheSupportedYears:
    """Year 2 is computed; reaching year 1 raises ``OutOfRangeError`` naming it.

    0002-01-01 is a Tuesday and 0002-10-07 a Monday. The 52-week block holding October of
    year 2 runs from 0002-09-19; the block before it begins in year 1, so a start in the
    first months of year 2 already reaches outside (docs/concepts.md, "Supported years").
    """

    def test_adding_business_time_in_year_2_works(self) -> None:
        monday = utc(2, 10, 7, 10)
        assert WEEKDAYS.add(monday, 9 * HOUR) == utc(2, 10, 8, 10)
        assert WEEKDAYS.add(monday, -2 * HOUR) == utc(2, 10, 4, 17)  # back to Friday

    def test_business_time_between_two_instants_of_year_2(self) -> None:
        assert WEEKDAYS.between(utc(2, 10, 7, 10), utc(2, 10, 14, 10)) == 45 * HOUR

    def test_the_next_opening_in_year_2(self) -> None:
        saturday = utc(2, 10, 5, 12)
        assert WEEKDAYS.next_open(saturday) == utc(2, 10, 7, 9)

    def test_counting_business_days_back_reaches_the_first_day_of_year_2(self) -> None:
        assert WEEKDAYS.next_business_day(date(2, 1, 2), -1) == date(2, 1, 1)

    def test_a_business_day_before_year_2_is_out_of_range(self) -> None:
        with pytest.raises(OutOfRangeError, match=r"reached the year 1\b"):
            WEEKDAYS.next_business_day(date(2, 1, 1), -1)

    @pytest.mark.parametrize("duration", [-HOUR, HOUR], ids=["counting-back", "counting-forward"])
    def test_business_time_from_early_year_2_is_out_of_range(self, duration: timedelta) -> None:
        # Its 52-week block begins in year 1, so even one hour needs year 1 built.
        with pytest.raises(OutOfRangeError, match=r"reached the year 1\b"):
            WEEKDAYS.add(utc(2, 3, 4, 10), duration)


# Open one hour on three dates only. 2017-11-06 and 2018-03-05 share the 52-week block
# 2017-11-02 to 2018-11-01; 2012-03-05 is six years earlier.
YEARS_BEFORE = date(2012, 3, 5)
EARLIER_SAME_BLOCK = date(2017, 11, 6)
LAST = date(2018, 3, 5)
SPECIAL_ONLY = BusinessCalendar(
    timezone="UTC",
    special_days={day: ["09:00-10:00"] for day in (YEARS_BEFORE, EARLIER_SAME_BLOCK, LAST)},
)
LAST_OPENS = datetime.combine(LAST, datetime.min.time(), UTC) + 9 * HOUR
LAST_CLOSES = LAST_OPENS + HOUR
TEN_YEARS = timedelta(days=3653)


class TestTheHorizonCountingBackwards:
    """``add(t, -d)`` gives up when the closed stretch before ``t`` is longer than 3,653
    days, measured from the close of the *last* opening before ``t`` (docs/concepts.md:
    "from the end of the last open span to the start of the next").

    Measured from an earlier opening (the first one of its block, or the one six years
    before) the stretch would be longer than the horizon in the cases that must answer;
    measured from the end of the last opening's block it would be shorter in the cases
    that must fail.
    """

    @pytest.mark.parametrize(
        "closed_for",
        [TEN_YEARS - timedelta(days=1), TEN_YEARS - MICROSECOND, TEN_YEARS],
        ids=["a-day-under-ten-years", "a-microsecond-under-ten-years", "exactly-ten-years"],
    )
    def test_an_opening_within_ten_years_before_is_found(self, closed_for: timedelta) -> None:
        assert SPECIAL_ONLY.add(LAST_CLOSES + closed_for, -HOUR) == LAST_OPENS

    @pytest.mark.parametrize(
        "closed_for",
        [TEN_YEARS + MICROSECOND, TEN_YEARS + timedelta(days=1)],
        ids=["a-microsecond-over-ten-years", "a-day-over-ten-years"],
    )
    def test_an_opening_more_than_ten_years_before_is_not_searched_for(
        self, closed_for: timedelta
    ) -> None:
        with pytest.raises(CalendarNeverOpensError, match="no open time within 10 years before"):
            SPECIAL_ONLY.add(LAST_CLOSES + closed_for, -HOUR)

    def test_earlier_gaps_are_measured_from_the_opening_after_them(self) -> None:
        # From ten years after the last opening, the count goes on back to the opening of
        # the same block and then six years further: neither gap is longer than ten years,
        # although the start is sixteen years after the first opening.
        start = LAST_CLOSES + TEN_YEARS
        at_nine = datetime.min.time().replace(hour=9)
        assert SPECIAL_ONLY.add(start, -2 * HOUR) == datetime.combine(
            EARLIER_SAME_BLOCK, at_nine, UTC
        )
        assert SPECIAL_ONLY.add(start, -3 * HOUR) == datetime.combine(YEARS_BEFORE, at_nine, UTC)

    def test_counting_back_past_the_first_opening_gives_up_after_ten_years(self) -> None:
        # Nothing opens before 2012-03-05: the walk stops at the horizon, not at year 2 or
        # the walk guard.
        with pytest.raises(CalendarNeverOpensError, match="no open time within 10 years before"):
            SPECIAL_ONLY.add(utc(2012, 3, 5, 9), -HOUR)


class TestTheWalkGuardCountingBackwards:
    """A backward ``add`` that walks more than 100 52-week blocks raises
    ``OutOfRangeError`` (``_MAX_WALK_CHUNKS``).

    The ten-year limit on durations does not shield it: that limit is on business time,
    and a calendar open one hour a week needs centuries of wall-clock time for ten years
    of it. The start's block minus 100 begins Thursday 1927-02-24 (blocks count from
    1970-01-01); 5,204 one-hour Mondays back lands on 1927-02-28 09:00, its first
    opening, and one hour more needs the block before it.
    """

    HOUR_A_WEEK = BusinessCalendar(timezone="UTC", weekly={"mon": ["09:00-10:00"]})
    MONDAY_CLOSE = utc(2026, 11, 16, 10)

    def test_an_answer_in_the_hundredth_block_back_is_computed(self) -> None:
        back = self.HOUR_A_WEEK.add(self.MONDAY_CLOSE, -5_204 * HOUR)
        assert back == utc(1927, 2, 28, 9)
        assert back == self.MONDAY_CLOSE - HOUR - timedelta(weeks=5_203)

    def test_an_answer_beyond_the_hundredth_block_back_is_refused(self) -> None:
        with pytest.raises(OutOfRangeError, match="more than a century away"):
            self.HOUR_A_WEEK.add(self.MONDAY_CLOSE, -5_205 * HOUR)
