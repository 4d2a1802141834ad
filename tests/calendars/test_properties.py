"""Invariants of business-time arithmetic (SPEC §2.2) on random calendars.

These need no reference: they hold for every calendar, so a counterexample is a bug
whatever the right answer would have been. Instants here carry seconds and
microseconds; durations are microsecond-precise.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from supportrules import BusinessCalendar

from .strategies import Scenario, scenarios

SETTINGS = settings(
    max_examples=75,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
MICRO = timedelta(microseconds=1)
ZERO = timedelta(0)


@st.composite
def cases(draw: st.DrawFn) -> tuple[BusinessCalendar, datetime, Scenario]:
    """A calendar and a start instant with seconds and microseconds."""
    scenario = draw(scenarios())
    jitter = timedelta(microseconds=draw(st.integers(0, 60_000_000 - 1)))
    return scenario.schedule.calendar(), scenario.start + jitter, scenario


def durations(scenario: Scenario, *, signed: bool = True) -> st.SearchStrategy[timedelta]:
    """Durations of up to ~200 business hours, kept within ~20 ordinary weeks."""
    bound = min(200 * 3_600_000_000, 20 * scenario.schedule.weekly_open_minutes * 60_000_000)
    low = -bound if signed else 0
    return st.integers(low, bound).map(lambda us: timedelta(microseconds=us))


def utc(moment: datetime) -> datetime:
    """Compare and shift instants in UTC. PEP 495 makes a datetime in a fold unequal to
    the same instant written in another zone, and ``moment - timedelta`` in a zone is
    wall-clock arithmetic (Apia's 23:59 on the date it skipped is a day later)."""
    return moment.astimezone(UTC)


class TestAddAndBetween:
    @SETTINGS
    @given(case=cases(), data=st.data())
    def test_between_measures_add_back(
        self, case: tuple[BusinessCalendar, datetime, Scenario], data: st.DataObject
    ) -> None:
        calendar, start, scenario = case
        duration = data.draw(durations(scenario))
        result = calendar.add(start, duration)
        assert calendar.between(start, result) == duration
        assert calendar.between(result, start) == -duration
        if duration > ZERO:
            assert utc(result) > utc(start)
            # The earliest such instant: the moment just before it was open time.
            assert calendar.is_open(utc(result) - MICRO)
        elif duration < ZERO:
            assert utc(result) < utc(start)
            # The latest such instant: it is itself open.
            assert calendar.is_open(result)

    @SETTINGS
    @given(case=cases())
    def test_add_zero_is_the_start(self, case: tuple[BusinessCalendar, datetime, Scenario]) -> None:
        calendar, start, _ = case
        result = calendar.add(start, ZERO)
        assert utc(result) == utc(start)
        assert result.tzinfo == calendar.zone

    @SETTINGS
    @given(case=cases(), data=st.data())
    def test_add_is_monotonic_in_the_start(
        self, case: tuple[BusinessCalendar, datetime, Scenario], data: st.DataObject
    ) -> None:
        calendar, start, scenario = case
        later = start + timedelta(microseconds=data.draw(st.integers(0, 3 * 86_400_000_000)))
        duration = data.draw(durations(scenario))
        assert utc(calendar.add(start, duration)) <= utc(calendar.add(later, duration))

    @SETTINGS
    @given(case=cases(), data=st.data())
    def test_add_is_monotonic_in_the_duration(
        self, case: tuple[BusinessCalendar, datetime, Scenario], data: st.DataObject
    ) -> None:
        calendar, start, scenario = case
        shorter, longer = sorted((data.draw(durations(scenario)), data.draw(durations(scenario))))
        assert utc(calendar.add(start, shorter)) <= utc(calendar.add(start, longer))

    @SETTINGS
    @given(case=cases(), data=st.data())
    def test_add_composes(
        self, case: tuple[BusinessCalendar, datetime, Scenario], data: st.DataObject
    ) -> None:
        calendar, start, scenario = case
        first = data.draw(durations(scenario, signed=False))
        second = data.draw(durations(scenario, signed=False))
        once = calendar.add(start, first + second)
        assert utc(calendar.add(calendar.add(start, first), second)) == utc(once)
        # Backwards too: the latest instants compose the same way.
        back = calendar.add(start, -(first + second))
        assert utc(calendar.add(calendar.add(start, -first), -second)) == utc(back)

    @SETTINGS
    @given(case=cases(), data=st.data())
    def test_the_clock_starts_at_next_open(
        self, case: tuple[BusinessCalendar, datetime, Scenario], data: st.DataObject
    ) -> None:
        calendar, start, scenario = case
        duration = data.draw(durations(scenario, signed=False))
        assume(duration > ZERO)
        opened = calendar.next_open(start)
        assert utc(calendar.add(start, duration)) == utc(calendar.add(opened, duration))
        # ...and counting the same time back lands on that opening.
        assert utc(calendar.add(calendar.add(start, duration), -duration)) == utc(opened)

    @SETTINGS
    @given(case=cases(), data=st.data())
    def test_between_is_additive_and_bounded_by_elapsed_time(
        self, case: tuple[BusinessCalendar, datetime, Scenario], data: st.DataObject
    ) -> None:
        calendar, a, _ = case
        b = a + timedelta(microseconds=data.draw(st.integers(0, 4 * 86_400_000_000)))
        c = b + timedelta(microseconds=data.draw(st.integers(0, 4 * 86_400_000_000)))
        ab, bc = calendar.between(a, b), calendar.between(b, c)
        assert ab + bc == calendar.between(a, c)
        assert ZERO <= ab <= utc(b) - utc(a)
        spans = calendar.open_intervals(a, c)
        assert sum((utc(end) - utc(begin) for begin, end in spans), ZERO) == ab + bc
        for (_, end), (begin, _) in itertools.pairwise(spans):
            assert utc(end) < utc(begin)  # spans that touch are merged
        assert all(calendar.is_open(begin) for begin, _ in spans)
        assert all(calendar.is_open(utc(end) - MICRO) for _, end in spans)

    @SETTINGS
    @given(case=cases(), data=st.data())
    def test_add_many_is_a_loop_of_add(
        self, case: tuple[BusinessCalendar, datetime, Scenario], data: st.DataObject
    ) -> None:
        calendar, start, scenario = case
        steps = data.draw(st.lists(st.integers(-86_400_000_000, 86_400_000_000), max_size=8))
        starts = [start + timedelta(microseconds=step) for step in steps]
        duration = data.draw(durations(scenario))
        assert calendar.add_many(starts, duration) == [calendar.add(s, duration) for s in starts]


class TestInstantQueries:
    @SETTINGS
    @given(case=cases())
    def test_next_open_is_the_first_open_instant_from_t(
        self, case: tuple[BusinessCalendar, datetime, Scenario]
    ) -> None:
        calendar, start, _ = case
        opened = calendar.next_open(start)
        assert utc(opened) >= utc(start)
        assert calendar.is_open(opened)
        assert calendar.between(start, opened) == ZERO
        assert (utc(opened) == utc(start)) is calendar.is_open(start)

    @SETTINGS
    @given(case=cases())
    def test_is_open_is_one_microsecond_of_business_time(
        self, case: tuple[BusinessCalendar, datetime, Scenario]
    ) -> None:
        calendar, start, _ = case
        assert calendar.is_open(start) is (calendar.between(start, utc(start) + MICRO) == MICRO)


class TestBusinessDays:
    @SETTINGS
    @given(case=cases(), data=st.data())
    def test_close_of_day_is_monotonic(
        self, case: tuple[BusinessCalendar, datetime, Scenario], data: st.DataObject
    ) -> None:
        calendar, start, _ = case
        later = start + timedelta(microseconds=data.draw(st.integers(0, 3 * 86_400_000_000)))
        days = data.draw(st.integers(-2, 2))
        close = calendar.close_of_day(start, days)
        assert utc(close) <= utc(calendar.close_of_day(later, days))
        assert utc(close) < utc(calendar.close_of_day(start, days + 1))
        assert calendar.is_open(utc(close) - MICRO)
        if days == 0:
            assert utc(close) > utc(start)
            assert utc(calendar.next_open(start)) < utc(close)

    @SETTINGS
    @given(case=cases(), data=st.data())
    def test_add_business_days_is_monotonic(
        self, case: tuple[BusinessCalendar, datetime, Scenario], data: st.DataObject
    ) -> None:
        calendar, start, _ = case
        later = start + timedelta(microseconds=data.draw(st.integers(0, 3 * 86_400_000_000)))
        days = data.draw(st.integers(-2, 2))
        result = calendar.add_business_days(start, days)
        assert utc(result) <= utc(calendar.add_business_days(later, days))
        assert utc(result) <= utc(calendar.add_business_days(start, days + 1))
        assert utc(result) <= utc(calendar.close_of_day(start, days))


OTHER_ZONES = [
    UTC,
    ZoneInfo("Asia/Kathmandu"),
    ZoneInfo("America/Santiago"),
    ZoneInfo("Australia/Lord_Howe"),
    ZoneInfo("Pacific/Kiritimati"),
    timezone(timedelta(hours=-3, minutes=-30)),
]


class TestInputZoneDoesNotMatter:
    @SETTINGS
    @given(case=cases(), data=st.data(), zone=st.sampled_from(OTHER_ZONES))
    def test_results_do_not_depend_on_the_zone_of_the_input(
        self,
        case: tuple[BusinessCalendar, datetime, Scenario],
        data: st.DataObject,
        zone: timezone | ZoneInfo,
    ) -> None:
        calendar, start, scenario = case
        moved = start.astimezone(zone)
        duration = data.draw(durations(scenario))
        end = start + timedelta(hours=data.draw(st.integers(-72, 72)))
        days = data.draw(st.integers(-2, 2))
        # Same instants and the same reading (isoformat) in the calendar's zone.
        for mine, theirs in [
            (calendar.add(start, duration), calendar.add(moved, duration)),
            (calendar.next_open(start), calendar.next_open(moved)),
            (calendar.close_of_day(start, days), calendar.close_of_day(moved, days)),
            (calendar.add_business_days(start, days), calendar.add_business_days(moved, days)),
        ]:
            assert mine.isoformat() == theirs.isoformat()
            assert mine.tzinfo == theirs.tzinfo == calendar.zone
        assert calendar.is_open(start) is calendar.is_open(moved)
        assert calendar.between(start, end) == calendar.between(moved, end.astimezone(zone))
        assert calendar.open_intervals(start, end) == calendar.open_intervals(moved, end)
