"""Differential tests: the calendar against a brute-force reference of SPEC §2.1.

The reference (``reference.py``) steps minute by minute over UTC instants and asks the
time zone database for each minute's wall-clock reading; it has no idea what a DST gap
or fold is. Where the two disagree, the calendar is wrong. The random calendars and
start instants come from ``strategies.py``: DST zones (New York, Amsterdam, Kyiv,
Santiago, which shifts at midnight), Lord Howe's 30-minute shift, Kathmandu's +05:45,
Apia's skipped date, night intervals over the gaps and folds, 24-hour days, empty days,
holidays, special days, and starts written in other zones than the calendar's.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from supportrules import BusinessCalendar

from .reference import Day, Reference, Schedule, TooFar
from .strategies import Scenario, scenarios

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def instant(moment: datetime) -> datetime:
    """The same instant in UTC. Compare through this: by PEP 495, an aware datetime in a
    fold (01:30 on a fall-back night) never equals one in another zone, even at the same
    instant."""
    return moment.astimezone(UTC)


def assert_in_zone(result: datetime, calendar: BusinessCalendar) -> None:
    """Results are aware datetimes in the calendar's zone, with that zone's offset."""
    assert result.tzinfo == ZoneInfo(calendar.timezone)
    assert result.utcoffset() == result.astimezone(ZoneInfo(calendar.timezone)).utcoffset()


def durations(scenario: Scenario, draw: st.DrawFn) -> timedelta:
    return timedelta(minutes=draw(st.integers(0, scenario.limit_minutes())))


class TestAddAgreesWithReference:
    @SETTINGS
    @given(scenario=scenarios(), data=st.data())
    def test_add_forward_is_the_earliest_instant(
        self, scenario: Scenario, data: st.DataObject
    ) -> None:
        duration = timedelta(minutes=data.draw(st.integers(0, scenario.limit_minutes())))
        calendar = scenario.schedule.calendar()
        try:
            expected = Reference(scenario.schedule).add(scenario.start, duration)
        except TooFar:
            reject()
        result = calendar.add(scenario.start, duration)
        assert instant(result) == expected
        assert_in_zone(result, calendar)

    @SETTINGS
    @given(scenario=scenarios(), data=st.data())
    def test_add_backward_is_the_latest_instant(
        self, scenario: Scenario, data: st.DataObject
    ) -> None:
        duration = -timedelta(minutes=data.draw(st.integers(1, scenario.limit_minutes())))
        calendar = scenario.schedule.calendar()
        try:
            expected = Reference(scenario.schedule).add(scenario.start, duration)
        except TooFar:
            reject()
        result = calendar.add(scenario.start, duration)
        assert instant(result) == expected
        assert_in_zone(result, calendar)

    @SETTINGS
    @given(scenario=scenarios(), data=st.data())
    def test_add_many_matches_reference_for_every_start(
        self, scenario: Scenario, data: st.DataObject
    ) -> None:
        duration = timedelta(minutes=data.draw(st.integers(-600, 600)))
        steps = data.draw(st.lists(st.integers(0, 36 * 60), min_size=1, max_size=6))
        starts = [scenario.start + timedelta(minutes=m) for m in steps]
        reference = Reference(scenario.schedule)
        try:
            expected = [reference.add(start, duration) for start in starts]
        except TooFar:
            reject()
        result = scenario.schedule.calendar().add_many(starts, duration)
        assert [instant(r) for r in result] == expected


class TestMeasuresAgreeWithReference:
    @SETTINGS
    @given(scenario=scenarios(), data=st.data())
    def test_between_counts_the_open_minutes(self, scenario: Scenario, data: st.DataObject) -> None:
        end = scenario.start + timedelta(minutes=data.draw(st.integers(-3 * 1440, 3 * 1440)))
        calendar = scenario.schedule.calendar()
        assert calendar.between(scenario.start, end) == Reference(scenario.schedule).between(
            scenario.start, end
        )

    @SETTINGS
    @given(scenario=scenarios(), data=st.data())
    def test_open_intervals_are_the_open_runs(
        self, scenario: Scenario, data: st.DataObject
    ) -> None:
        end = scenario.start + timedelta(minutes=data.draw(st.integers(-60, 3 * 1440)))
        calendar = scenario.schedule.calendar()
        result = calendar.open_intervals(scenario.start, end)
        assert [(instant(a), instant(b)) for a, b in result] == Reference(
            scenario.schedule
        ).open_intervals(scenario.start, end)
        for a, b in result:
            assert_in_zone(a, calendar)
            assert_in_zone(b, calendar)


class TestInstantQueriesAgreeWithReference:
    @SETTINGS
    @given(scenario=scenarios(), data=st.data())
    def test_is_open_reads_the_wall_clock_of_the_local_date(
        self, scenario: Scenario, data: st.DataObject
    ) -> None:
        calendar = scenario.schedule.calendar()
        reference = Reference(scenario.schedule)
        for step in data.draw(st.lists(st.integers(-1440, 2880), min_size=1, max_size=20)):
            at = scenario.start + timedelta(minutes=step)
            assert calendar.is_open(at) == reference.is_open(at), at

    @SETTINGS
    @given(scenario=scenarios())
    def test_next_open_is_the_first_open_minute(self, scenario: Scenario) -> None:
        calendar = scenario.schedule.calendar()
        try:
            expected = Reference(scenario.schedule).next_open(scenario.start)
        except TooFar:
            reject()
        result = calendar.next_open(scenario.start)
        assert instant(result) == expected
        assert_in_zone(result, calendar)


class TestBusinessDaysAgreeWithReference:
    @SETTINGS
    @given(scenario=scenarios(), days=st.integers(-2, 2))
    def test_close_of_day(self, scenario: Scenario, days: int) -> None:
        calendar = scenario.schedule.calendar()
        try:
            expected = Reference(scenario.schedule).close_of_day(scenario.start, days)
        except TooFar:
            reject()
        result = calendar.close_of_day(scenario.start, days)
        assert instant(result) == expected
        assert_in_zone(result, calendar)

    @SETTINGS
    @given(scenario=scenarios(), days=st.integers(-2, 3))
    def test_add_business_days(self, scenario: Scenario, days: int) -> None:
        calendar = scenario.schedule.calendar()
        try:
            expected = Reference(scenario.schedule).add_business_days(scenario.start, days)
        except TooFar:
            reject()
        result = calendar.add_business_days(scenario.start, days)
        assert instant(result) == expected
        assert_in_zone(result, calendar)


# -- every start of a transition day, on fixed calendars ------------------------------------

NIGHT: Day = ((60, 240),)  # 01:00-04:00, over every gap and fold below
DAY_AND_NIGHT: Day = ((0, 150), (540, 1080), (1380, 1440))
ALWAYS: Day = ((0, 1440),)

TRANSITION_DAYS = [
    pytest.param("Europe/Amsterdam", date(2026, 3, 29), id="amsterdam-spring"),
    pytest.param("Europe/Amsterdam", date(2026, 10, 25), id="amsterdam-fall"),
    pytest.param("America/New_York", date(2026, 3, 8), id="new-york-spring"),
    pytest.param("America/New_York", date(2026, 11, 1), id="new-york-fall"),
    pytest.param("America/Santiago", date(2026, 4, 5), id="santiago-fall-at-midnight"),
    pytest.param("America/Santiago", date(2026, 9, 6), id="santiago-spring-at-midnight"),
    pytest.param("Australia/Lord_Howe", date(2026, 4, 5), id="lord-howe-half-hour-fold"),
    pytest.param("Australia/Lord_Howe", date(2026, 10, 4), id="lord-howe-half-hour-gap"),
    pytest.param("Pacific/Apia", date(2011, 12, 30), id="apia-skipped-date"),
]


@pytest.mark.parametrize(("zone", "day"), TRANSITION_DAYS)
@pytest.mark.parametrize(
    "hours", [NIGHT, DAY_AND_NIGHT, ALWAYS], ids=["night", "day-and-night", "always"]
)
def test_every_half_hour_of_a_transition_day_agrees_with_reference(
    zone: str, day: date, hours: Day
) -> None:
    schedule = Schedule(timezone=zone, weekly=(hours,) * 7)
    calendar = schedule.calendar()
    reference = Reference(schedule)
    midnight = datetime(day.year, day.month, day.day, tzinfo=ZoneInfo("UTC")) - timedelta(hours=14)
    for step in range(0, 40 * 60, 30):
        start = midnight + timedelta(minutes=step)
        assert calendar.is_open(start) == reference.is_open(start), start
        assert instant(calendar.next_open(start)) == reference.next_open(start), start
        for minutes in (30, 90, 150, 420, -30, -90, -420):
            duration = timedelta(minutes=minutes)
            result = instant(calendar.add(start, duration))
            assert result == reference.add(start, duration), (start, duration)
        end = start + timedelta(hours=26)
        assert calendar.between(start, end) == reference.between(start, end), start
    for offset in range(-1, 3):
        on = day + timedelta(days=offset)
        assert calendar.day(on).open_time == timedelta(minutes=len(reference.day_minutes(on))), on
