"""The operations of SPEC §2.2 on fixed calendars and fixed instants.

Calendar K is SPEC §2.4's (Kyiv, Monday–Friday 09:00-18:00); 2026-11-16 is a Monday.
Calendar T is Türkiye's (``for_country("TR")``): Wednesday 2026-10-28 is a half day
("Republic Day (from 1pm)"), Thursday 2026-10-29 is Republic Day.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import ClassVar
from zoneinfo import ZoneInfo

import pytest

from supportrules import BusinessCalendar, DayKind, Holiday, SpecialDay

KYIV = ZoneInfo("Europe/Kyiv")
ISTANBUL = ZoneInfo("Europe/Istanbul")
AMSTERDAM = ZoneInfo("Europe/Amsterdam")

K = BusinessCalendar.standard("Europe/Kyiv", "09:00-18:00")
T = BusinessCalendar.for_country("TR", timezone="Europe/Istanbul", hours="09:00-18:00")
SPLIT = BusinessCalendar.standard("Europe/Kyiv", ["09:00-12:00", "13:00-18:00"])
TOUCHING = BusinessCalendar.standard("Europe/Kyiv", ["09:00-12:00", "12:00-13:00"])
# An overnight shift is two intervals on two days (SPEC §2.1).
NIGHT_SHIFT = BusinessCalendar(
    timezone="Europe/Kyiv", weekly={"mon": ["22:00-24:00"], "tue": ["00:00-06:00"]}
)
A24 = BusinessCalendar.always_open("Europe/Amsterdam")
ONE_MICROSECOND = timedelta(microseconds=1)


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def kyiv(day: int, hour: int = 0, minute: int = 0, second: int = 0, month: int = 11) -> datetime:
    """An instant of 2026 in Kyiv (November unless told; 2026-11-16 is a Monday)."""
    return datetime(2026, month, day, hour, minute, second, tzinfo=KYIV)


def istanbul(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=ISTANBUL)


class TestCloseOfDay:
    @pytest.mark.parametrize(
        ("at", "days", "expected"),
        [
            (kyiv(18, 10), 0, kyiv(18, 18)),
            (kyiv(18, 8), 0, kyiv(18, 18)),  # before the first open: that same day's close
            (kyiv(18, 0), 0, kyiv(18, 18)),
            (kyiv(18, 17, 59, 59) + timedelta(microseconds=999_999), 0, kyiv(18, 18)),
            # At the close the business day is over ([start, end)): the next day's close.
            (kyiv(18, 18), 0, kyiv(19, 18)),
            (kyiv(18, 19), 0, kyiv(19, 18)),  # SPEC §2.4
            (kyiv(20, 19), 0, kyiv(23, 18)),  # Friday evening: Monday
            (kyiv(21, 11), 0, kyiv(23, 18)),  # Saturday: Monday
            (kyiv(18, 10), 1, kyiv(19, 18)),  # "end of next business day"
            (kyiv(18, 10), 2, kyiv(20, 18)),
            (kyiv(18, 10), 3, kyiv(23, 18)),
            (kyiv(18, 10), -1, kyiv(17, 18)),
            (kyiv(16, 10), -1, kyiv(13, 18)),  # Monday back to Friday
            (kyiv(18, 19), 1, kyiv(20, 18)),  # after the close: Thursday, then one more
            (kyiv(21, 11), 1, kyiv(24, 18)),  # Saturday: Monday, then one more
            (kyiv(21, 11), -1, kyiv(20, 18)),  # Saturday: Monday, then one back
        ],
        ids=[
            "during-the-day",
            "before-the-first-open",
            "at-midnight",
            "a-microsecond-before-the-close",
            "exactly-at-the-close",
            "after-the-close",
            "friday-evening",
            "saturday",
            "days=1",
            "days=2",
            "days=3-over-the-weekend",
            "days=-1",
            "days=-1-from-monday",
            "after-the-close-days=1",
            "saturday-days=1",
            "saturday-days=-1",
        ],
    )
    def test_calendar_k(self, at: datetime, days: int, expected: datetime) -> None:
        result = K.close_of_day(at, days=days)
        assert result == expected
        assert result.tzinfo == KYIV

    def test_half_day_closes_early(self) -> None:
        assert T.close_of_day(istanbul(10, 28, 10)) == istanbul(10, 28, 13)

    def test_after_the_half_days_close_the_next_business_day_is_after_the_holiday(self) -> None:
        assert T.close_of_day(istanbul(10, 28, 14)) == istanbul(10, 30, 18)
        assert T.close_of_day(istanbul(10, 27, 10), days=1) == istanbul(10, 28, 13)
        assert T.close_of_day(istanbul(10, 27, 10), days=2) == istanbul(10, 30, 18)

    def test_a_holiday_belongs_to_the_next_business_day(self) -> None:
        assert T.close_of_day(istanbul(10, 29, 11)) == istanbul(10, 30, 18)

    def test_the_close_is_the_end_of_the_last_interval(self) -> None:
        assert SPLIT.close_of_day(kyiv(18, 12, 30)) == kyiv(18, 18)
        assert SPLIT.close_of_day(kyiv(18, 10)) == kyiv(18, 18)

    def test_instant_written_in_another_zone(self) -> None:
        # 23:30 UTC on Tuesday is already Wednesday 01:30 in Kyiv: Wednesday's close.
        at = datetime(2026, 11, 17, 23, 30, tzinfo=UTC)
        assert K.close_of_day(at) == kyiv(18, 18)


class TestAddBusinessDays:
    @pytest.mark.parametrize(
        ("at", "days", "expected"),
        [
            (kyiv(18, 10), 0, kyiv(18, 10)),
            (kyiv(18, 10), 1, kyiv(19, 10)),
            (kyiv(18, 10), 2, kyiv(20, 10)),
            (kyiv(18, 10), 3, kyiv(23, 10)),
            (kyiv(18, 10), -1, kyiv(17, 10)),
            (kyiv(16, 10), -1, kyiv(13, 10)),
            (kyiv(18, 8), 1, kyiv(19, 9)),  # before the opening: offset 0
            (kyiv(18, 18), 1, kyiv(19, 18)),  # exactly at the close: the full day's offset
            # After the close the instant belongs to Thursday, like close_of_day: Friday.
            (kyiv(18, 19), 1, kyiv(20, 9)),
            (kyiv(21, 11), 1, kyiv(24, 9)),  # Saturday belongs to Monday
            (kyiv(18, 10, 30, 15), 1, kyiv(19, 10, 30, 15)),
        ],
        ids=[
            "days=0",
            "days=1",
            "days=2",
            "days=3-over-the-weekend",
            "days=-1",
            "days=-1-from-monday",
            "before-the-opening",
            "exactly-at-the-close",
            "after-the-close",
            "saturday",
            "seconds-are-kept",
        ],
    )
    def test_calendar_k(self, at: datetime, days: int, expected: datetime) -> None:
        assert K.add_business_days(at, days) == expected

    def test_is_not_24_business_hours(self) -> None:
        # SPEC §2.2: a day is never silently 24 business hours.
        assert K.add_business_days(kyiv(18, 10), 1) != K.add(kyiv(18, 10), timedelta(hours=24))
        assert K.add_business_days(kyiv(18, 10), 1) == K.add(kyiv(18, 10), timedelta(hours=9))

    def test_skips_holidays(self) -> None:
        assert T.add_business_days(istanbul(10, 28, 11), 1) == istanbul(10, 30, 11)

    def test_capped_at_a_shorter_days_close(self) -> None:
        # Six hours into Tuesday; the half day has four: its close, 13:00.
        assert T.add_business_days(istanbul(10, 27, 15), 1) == istanbul(10, 28, 13)

    def test_open_time_offset_skips_the_lunch_break(self) -> None:
        # 14:00 is four open hours into a split day; so is 14:00 the next day.
        assert SPLIT.add_business_days(kyiv(18, 14), 1) == kyiv(19, 14)
        assert SPLIT.add_business_days(kyiv(18, 12, 30), 1) == kyiv(19, 12)


class TestNextOpen:
    @pytest.mark.parametrize(
        ("calendar", "at", "expected"),
        [
            (K, kyiv(18, 10), kyiv(18, 10)),
            (K, kyiv(18, 9), kyiv(18, 9)),
            (K, kyiv(18, 8, 59, 59), kyiv(18, 9)),
            (K, kyiv(18, 17, 59, 59), kyiv(18, 17, 59, 59)),
            (K, kyiv(18, 18), kyiv(19, 9)),
            (K, kyiv(20, 18), kyiv(23, 9)),
            (K, kyiv(22, 12), kyiv(23, 9)),
            (SPLIT, kyiv(18, 12), kyiv(18, 13)),
            (TOUCHING, kyiv(18, 12), kyiv(18, 12)),
            (NIGHT_SHIFT, kyiv(16, 12), kyiv(16, 22)),
            (NIGHT_SHIFT, kyiv(17, 5), kyiv(17, 5)),
            (NIGHT_SHIFT, kyiv(17, 6), kyiv(23, 22)),
            (T, istanbul(10, 28, 13), istanbul(10, 30, 9)),
            (T, istanbul(10, 29, 10), istanbul(10, 30, 9)),
        ],
        ids=[
            "open",
            "at-the-opening",
            "a-second-before-the-opening",
            "a-second-before-the-close",
            "at-the-close",
            "friday-close",
            "sunday",
            "lunch-break",
            "touching-intervals-do-not-close",
            "before-the-night-shift",
            "inside-the-night-shift",
            "after-the-night-shift",
            "half-day-close",
            "holiday",
        ],
    )
    def test_next_open(self, calendar: BusinessCalendar, at: datetime, expected: datetime) -> None:
        result = calendar.next_open(at)
        assert result == expected
        assert result.tzinfo == calendar.zone


class TestIsOpenIsHalfOpen:
    @pytest.mark.parametrize(
        ("calendar", "at", "expected"),
        [
            (K, kyiv(18, 9), True),
            (K, kyiv(18, 9) - ONE_MICROSECOND, False),
            (K, kyiv(18, 18) - ONE_MICROSECOND, True),
            (K, kyiv(18, 18), False),
            (K, kyiv(21, 12), False),
            (SPLIT, kyiv(18, 12), False),
            (SPLIT, kyiv(18, 13), True),
            (TOUCHING, kyiv(18, 12), True),
            (NIGHT_SHIFT, kyiv(16, 22) - ONE_MICROSECOND, False),
            (NIGHT_SHIFT, kyiv(17, 0) - ONE_MICROSECOND, True),
            (NIGHT_SHIFT, kyiv(17, 0), True),
            (NIGHT_SHIFT, kyiv(17, 6) - ONE_MICROSECOND, True),
            (NIGHT_SHIFT, kyiv(17, 6), False),
            (T, istanbul(10, 28, 12, 59), True),
            (T, istanbul(10, 28, 13), False),
            (T, istanbul(10, 29, 12), False),
        ],
        ids=[
            "at-the-opening",
            "just-before-the-opening",
            "just-before-the-close",
            "at-the-close",
            "saturday",
            "start-of-lunch",
            "end-of-lunch",
            "where-two-intervals-touch",
            "just-before-the-night-shift",
            "just-before-midnight",
            "at-midnight-in-the-night-shift",
            "just-before-the-night-shift-ends",
            "at-the-end-of-the-night-shift",
            "half-day-morning",
            "half-day-afternoon",
            "holiday",
        ],
    )
    def test_is_open(self, calendar: BusinessCalendar, at: datetime, expected: bool) -> None:
        assert calendar.is_open(at) is expected

    def test_instants_are_read_in_the_calendars_zone(self) -> None:
        # 07:30 UTC on Wednesday is 09:30 in Kyiv.
        assert K.is_open(datetime(2026, 11, 18, 7, 30, tzinfo=UTC))
        assert not K.is_open(datetime(2026, 11, 18, 6, 30, tzinfo=UTC))


class TestDaylightSaving:
    SPRING_GAP = BusinessCalendar(timezone="Europe/Amsterdam", weekly={"sun": ["02:00-03:00"]})
    FALL_FOLD = BusinessCalendar(timezone="Europe/Amsterdam", weekly={"sun": ["02:00-03:00"]})

    def test_an_interval_inside_the_spring_forward_gap_contributes_nothing(self) -> None:
        # 2026-03-29: 02:00 CET jumps to 03:00 CEST; no instant reads 02:xx.
        assert self.SPRING_GAP.day(date(2026, 3, 29)).open_time == timedelta(0)
        assert not self.SPRING_GAP.day(date(2026, 3, 29)).is_business_day
        start = datetime.fromisoformat("2026-03-29T00:00+01:00")
        assert self.SPRING_GAP.between(start, start + timedelta(days=1)) == timedelta(0)
        assert self.SPRING_GAP.next_open(start) == datetime.fromisoformat("2026-04-05T02:00+02:00")

    def test_an_interval_over_the_fall_back_fold_counts_both_passes(self) -> None:
        # 2026-10-25: 03:00 CEST falls back to 02:00 CET; 02:xx is read twice.
        assert self.FALL_FOLD.day(date(2026, 10, 25)).open_time == timedelta(hours=2)
        first = datetime.fromisoformat("2026-10-25T02:00+02:00")
        assert self.FALL_FOLD.add(first, timedelta(hours=2)) == datetime.fromisoformat(
            "2026-10-25T03:00+01:00"
        )
        spans = self.FALL_FOLD.open_intervals(first, first + timedelta(hours=3))
        # Compare in UTC: by PEP 495 a datetime inside a fold never equals one in another
        # zone, even at the same instant.
        assert [(utc(a), utc(b)) for a, b in spans] == [
            (utc(first), utc(datetime.fromisoformat("2026-10-25T03:00+01:00")))
        ]
        second_pass = datetime.fromisoformat("2026-10-25T02:30+01:00")
        assert self.FALL_FOLD.is_open(second_pass)

    def test_the_24_hour_calendar_has_a_25_and_a_23_hour_day(self) -> None:
        assert A24.day(date(2026, 10, 25)).open_time == timedelta(hours=25)
        assert A24.day(date(2026, 3, 29)).open_time == timedelta(hours=23)
        assert A24.day(date(2026, 10, 26)).open_time == timedelta(hours=24)

    def test_offset_of_results_follows_the_zone(self) -> None:
        friday = datetime(2026, 10, 23, 17, tzinfo=KYIV)  # +03:00
        result = K.add(friday, timedelta(hours=2))
        assert result.isoformat() == "2026-10-26T10:00:00+02:00"


class TestOpenIntervals:
    def test_spans_of_calendar_k(self) -> None:
        assert K.open_intervals(kyiv(18, 10), kyiv(20, 12)) == [
            (kyiv(18, 10), kyiv(18, 18)),
            (kyiv(19, 9), kyiv(19, 18)),
            (kyiv(20, 9), kyiv(20, 12)),
        ]

    def test_clipped_to_the_window(self) -> None:
        assert K.open_intervals(kyiv(18, 10, 30), kyiv(18, 11)) == [
            (kyiv(18, 10, 30), kyiv(18, 11))
        ]

    def test_overnight_shift_is_one_span_across_midnight(self) -> None:
        assert NIGHT_SHIFT.open_intervals(kyiv(16, 20), kyiv(17, 12)) == [
            (kyiv(16, 22), kyiv(17, 6))
        ]

    def test_touching_intervals_are_one_span(self) -> None:
        assert TOUCHING.open_intervals(kyiv(18), kyiv(19)) == [(kyiv(18, 9), kyiv(18, 13))]

    def test_lunch_break_splits_the_day(self) -> None:
        assert SPLIT.open_intervals(kyiv(18), kyiv(19)) == [
            (kyiv(18, 9), kyiv(18, 12)),
            (kyiv(18, 13), kyiv(18, 18)),
        ]

    def test_24_hour_calendar_is_one_span_over_the_fall_back_night(self) -> None:
        start = datetime.fromisoformat("2026-10-24T12:00+02:00")
        end = datetime.fromisoformat("2026-10-25T12:00+01:00")
        spans = A24.open_intervals(start, end)
        assert spans == [(start, end)]
        # Subtract in UTC: Python subtracts two datetimes of one zone on the wall clock.
        assert utc(spans[0][1]) - utc(spans[0][0]) == timedelta(hours=25)
        assert [a.isoformat() for a, _ in spans] == ["2026-10-24T12:00:00+02:00"]

    @pytest.mark.parametrize(
        ("start", "end"),
        [(kyiv(18, 12), kyiv(18, 12)), (kyiv(18, 12), kyiv(18, 10)), (kyiv(19), kyiv(18))],
        ids=["empty-window", "end-before-start", "a-day-backwards"],
    )
    def test_empty_when_end_is_not_after_start(self, start: datetime, end: datetime) -> None:
        assert K.open_intervals(start, end) == []

    def test_nothing_on_a_closed_day(self) -> None:
        assert K.open_intervals(kyiv(21), kyiv(23)) == []

    def test_spans_are_in_the_calendars_zone(self) -> None:
        spans = K.open_intervals(
            datetime(2026, 11, 18, tzinfo=UTC), datetime(2026, 11, 19, tzinfo=UTC)
        )
        assert spans == [(kyiv(18, 9), kyiv(18, 18))]
        assert all(a.tzinfo == KYIV and b.tzinfo == KYIV for a, b in spans)

    def test_between_is_the_sum_of_the_spans(self) -> None:
        start, end = istanbul(10, 26, 12), istanbul(11, 3, 10)
        spans = T.open_intervals(start, end)
        assert sum((b - a for a, b in spans), timedelta(0)) == T.between(start, end)


class TestAddMany:
    STARTS: ClassVar[list[datetime]] = [
        kyiv(18, 10),
        kyiv(18, 17, 30),
        kyiv(21, 11),
        kyiv(18, 18),
        datetime(2026, 11, 18, 7, 30, tzinfo=UTC),
        kyiv(20, 17, 59, 59),
    ]

    @pytest.mark.parametrize(
        "duration",
        [
            timedelta(0),
            timedelta(hours=8),
            timedelta(hours=-3),
            timedelta(minutes=1),
            timedelta(hours=1000),
        ],
        ids=["zero", "8h", "minus-3h", "1min", "1000h"],
    )
    def test_equals_a_loop_of_add(self, duration: timedelta) -> None:
        assert K.add_many(self.STARTS, duration) == [K.add(s, duration) for s in self.STARTS]
        assert T.add_many(self.STARTS, duration) == [T.add(s, duration) for s in self.STARTS]

    def test_accepts_any_iterable(self) -> None:
        starts = (kyiv(18, h) for h in (9, 10))
        assert K.add_many(starts, timedelta(hours=8)) == [kyiv(18, 17), kyiv(18, 18)]
        assert K.add_many([], timedelta(hours=8)) == []

    def test_results_are_in_the_calendars_zone(self) -> None:
        results = K.add_many([datetime(2026, 11, 18, 7, 30, tzinfo=UTC)], timedelta(hours=1))
        assert results[0].tzinfo == KYIV

    def test_accepts_the_same_instants_as_add(self) -> None:
        # add() takes an ISO string with an offset (the JSON form of an instant);
        # the batch form must not refuse what the single form accepts.
        start = "2026-11-18T10:00+02:00"
        assert K.add(start, timedelta(hours=8)) == kyiv(18, 18)  # type: ignore[arg-type]
        assert K.add_many([start], timedelta(hours=8)) == [kyiv(18, 18)]  # type: ignore[list-item]


class TestDay:
    def test_weekly_day(self) -> None:
        day = K.day(date(2026, 11, 18))
        assert day.kind is DayKind.WEEKLY
        assert day.hours == ("09:00-18:00",)
        assert day.open_time == timedelta(hours=9)
        assert day.opens_at == kyiv(18, 9)
        assert day.closes_at == kyiv(18, 18)
        assert day.is_business_day

    def test_weekly_closed_day(self) -> None:
        day = K.day(date(2026, 11, 21))
        assert day.kind is DayKind.WEEKLY
        assert day.hours == ()
        assert day.open_time == timedelta(0)
        assert day.opens_at is None
        assert day.closes_at is None
        assert not day.is_business_day

    def test_holiday(self) -> None:
        calendar = K.replace(holidays=[Holiday(on=date(2026, 11, 18), name="Founders' Day")])
        day = calendar.day(date(2026, 11, 18))
        assert (day.kind, day.name, day.hours) == (DayKind.HOLIDAY, "Founders' Day", ())
        assert not day.is_business_day

    def test_country_holiday(self) -> None:
        day = T.day(date(2026, 10, 29))
        assert (day.kind, day.name) == (DayKind.HOLIDAY, "Republic Day")

    def test_half_day(self) -> None:
        day = T.day(date(2026, 10, 28))
        assert day.kind is DayKind.HALF_DAY
        assert day.hours == ("09:00-13:00",)
        assert "Republic Day" in day.name
        assert day.open_time == timedelta(hours=4)
        assert day.closes_at == istanbul(10, 28, 13)

    def test_half_day_close_is_a_setting(self) -> None:
        calendar = BusinessCalendar.for_country(
            "TR", timezone="Europe/Istanbul", hours="09:00-18:00", half_day_close="12:30"
        )
        assert calendar.day(date(2026, 10, 28)).hours == ("09:00-12:30",)

    def test_half_day_clips_a_split_day(self) -> None:
        calendar = BusinessCalendar.for_country(
            "TR", timezone="Europe/Istanbul", hours=["08:00-10:00", "12:00-18:00"]
        )
        assert calendar.day(date(2026, 10, 28)).hours == ("08:00-10:00", "12:00-13:00")

    def test_weekend_workday(self) -> None:
        # Ukraine worked Saturday 2021-01-16 in exchange for Friday 2021-01-08.
        ukraine = BusinessCalendar.for_country("UA", timezone="Europe/Kyiv")
        saturday = ukraine.day(date(2021, 1, 16))
        assert saturday.kind is DayKind.WEEKEND_WORKDAY
        assert saturday.hours == ("09:00-18:00",)
        assert saturday.opens_at == datetime(2021, 1, 16, 9, tzinfo=KYIV)
        assert ukraine.day(date(2021, 1, 8)).kind is DayKind.HOLIDAY
        friday = datetime(2021, 1, 15, 17, tzinfo=KYIV)
        assert ukraine.add(friday, timedelta(hours=2)) == datetime(2021, 1, 16, 10, tzinfo=KYIV)

    def test_weekend_workdays_can_be_turned_off(self) -> None:
        ukraine = BusinessCalendar.for_country("UA", timezone="Europe/Kyiv", weekend_workdays=False)
        saturday = ukraine.day(date(2021, 1, 16))
        assert saturday.kind is DayKind.WEEKLY
        assert not saturday.is_business_day

    def test_special_day(self) -> None:
        calendar = K.replace(special_days=[SpecialDay(on="2026-11-21", hours=["10:00-14:00"])])
        day = calendar.day(date(2026, 11, 21))
        assert day.kind is DayKind.SPECIAL
        assert day.hours == ("10:00-14:00",)
        assert calendar.is_open(kyiv(21, 11))

    def test_accepts_an_iso_date(self) -> None:
        assert K.day("2026-11-18").on == date(2026, 11, 18)  # type: ignore[arg-type]


class TestCountryCalendars:
    def test_the_countrys_own_weekend(self) -> None:
        # Israel rests Friday and Saturday: Thursday 17:00 + 2 h is Sunday 10:00.
        israel = BusinessCalendar.for_country("IL", timezone="Asia/Jerusalem")
        jerusalem = ZoneInfo("Asia/Jerusalem")
        assert not israel.day(date(2026, 11, 20)).is_business_day  # Friday
        assert israel.day(date(2026, 11, 22)).is_business_day  # Sunday
        thursday = datetime(2026, 11, 19, 17, tzinfo=jerusalem)
        assert israel.add(thursday, timedelta(hours=2)) == datetime(
            2026, 11, 22, 10, tzinfo=jerusalem
        )

    def test_half_days_only_with_the_half_day_category(self) -> None:
        public_only = BusinessCalendar.for_country(
            "TR", timezone="Europe/Istanbul", hours="09:00-18:00", categories=("public",)
        )
        assert public_only.day(date(2026, 10, 28)).kind is DayKind.WEEKLY
        assert public_only.close_of_day(istanbul(10, 28, 10)) == istanbul(10, 28, 18)
        assert public_only.day(date(2026, 10, 29)).kind is DayKind.HOLIDAY

    def test_holidays_are_local_dates_of_the_calendars_zone(self) -> None:
        # Republic Day starts at 00:00 in Istanbul, which is 21:00 UTC the day before.
        assert not T.is_open(datetime(2026, 10, 28, 21, 30, tzinfo=UTC))
        assert T.between(
            datetime(2026, 10, 28, tzinfo=UTC), datetime(2026, 10, 30, tzinfo=UTC)
        ) == (timedelta(hours=4))


class TestPrecedence:
    """SPEC §2.1: special days win over holidays, holidays win over the weekly schedule."""

    WEDNESDAY = date(2026, 11, 18)

    def test_a_holiday_closes_a_weekly_day(self) -> None:
        calendar = K.replace(holidays=[self.WEDNESDAY])
        assert not calendar.is_open(kyiv(18, 10))
        assert calendar.between(kyiv(18), kyiv(19)) == timedelta(0)

    def test_a_special_day_wins_over_a_holiday(self) -> None:
        calendar = K.replace(
            holidays=[self.WEDNESDAY], special_days={self.WEDNESDAY: ["10:00-12:00"]}
        )
        assert calendar.day(self.WEDNESDAY).kind is DayKind.SPECIAL
        assert calendar.is_open(kyiv(18, 11))
        assert not calendar.is_open(kyiv(18, 9, 30))
        assert calendar.between(kyiv(18), kyiv(19)) == timedelta(hours=2)

    def test_a_special_day_wins_over_a_country_holiday(self) -> None:
        calendar = T.replace(special_days={date(2026, 10, 29): ["10:00-12:00"]})
        assert calendar.day(date(2026, 10, 29)).kind is DayKind.SPECIAL
        assert calendar.add(istanbul(10, 28, 11), timedelta(hours=8)) == istanbul(10, 30, 13)

    def test_a_special_day_wins_over_a_half_day(self) -> None:
        calendar = T.replace(special_days={date(2026, 10, 28): ["09:00-18:00"]})
        assert calendar.close_of_day(istanbul(10, 28, 10)) == istanbul(10, 28, 18)

    def test_an_empty_special_day_closes_a_weekly_day(self) -> None:
        calendar = K.replace(special_days={self.WEDNESDAY: []})
        assert calendar.day(self.WEDNESDAY).kind is DayKind.SPECIAL
        assert not calendar.is_open(kyiv(18, 10))

    def test_a_special_day_opens_a_weekend(self) -> None:
        calendar = K.replace(special_days={date(2026, 11, 21): ["10:00-14:00"]})
        assert calendar.add(kyiv(20, 17), timedelta(hours=2)) == kyiv(21, 11)

    def test_an_explicit_holiday_closes_a_country_weekend_workday(self) -> None:
        ukraine = BusinessCalendar.for_country(
            "UA", timezone="Europe/Kyiv", holidays=[date(2021, 1, 16)]
        )
        assert ukraine.day(date(2021, 1, 16)).kind is DayKind.HOLIDAY


class TestExplainAdd:
    def test_clock_starts_at_next_open(self) -> None:
        deadline = K.explain_add(kyiv(21, 11), timedelta(hours=1))
        assert deadline.result == K.add(kyiv(21, 11), timedelta(hours=1)) == kyiv(23, 10)
        assert deadline.outcome == "deadline"
        assert deadline.start == kyiv(21, 11)
        assert deadline.duration == timedelta(hours=1)
        assert deadline.codes == (
            "calendar.clock_starts_at_next_open",
            "calendar.closed_days",
            "calendar.business_time",
        )
        starts, closed, business = deadline.reasons
        assert "2026-11-21 11:00" in starts.message
        assert "2026-11-23 09:00" in starts.message
        assert starts.fact("clock_start") == kyiv(23, 9)
        assert "Sat 2026-11-21" in closed.message
        assert "Sun 2026-11-22" in closed.message
        assert closed.fact("days") == 2
        assert "1 h" in business.message
        assert "2026-11-23 10:00" in business.message
        assert business.fact("result") == kyiv(23, 10)

    def test_holidays_and_half_days_are_named(self) -> None:
        deadline = T.explain_add(istanbul(10, 28, 11), timedelta(hours=8))
        assert deadline.result == istanbul(10, 30, 15)
        assert "calendar.clock_starts_at_next_open" not in deadline.codes  # started open
        half = next(r for r in deadline.reasons if r.code == "calendar.half_day")
        holiday = next(r for r in deadline.reasons if r.code == "calendar.holiday")
        assert "2026-10-28" in half.message
        assert "09:00-13:00" in half.message
        assert half.fact("date") == date(2026, 10, 28)
        assert "2026-10-29" in holiday.message
        assert "Republic Day" in holiday.message
        assert holiday.fact("name") == "Republic Day"
        assert deadline.codes[-1] == "calendar.business_time"

    def test_offset_change_is_explained(self) -> None:
        deadline = K.explain_add(datetime(2026, 10, 23, 17, tzinfo=KYIV), timedelta(hours=2))
        change = next(r for r in deadline.reasons if r.code == "calendar.offset_change")
        assert re.search(r"\+03:?00", change.message)
        assert re.search(r"\+02:?00", change.message)

    def test_no_offset_change_reason_without_one(self) -> None:
        deadline = K.explain_add(kyiv(18, 10), timedelta(hours=8))
        assert deadline.codes == ("calendar.business_time",)

    def test_counting_back(self) -> None:
        deadline = K.explain_add(kyiv(23, 10), timedelta(hours=-2))
        assert deadline.result == kyiv(20, 17)
        assert "calendar.clock_starts_at_next_open" not in deadline.codes
        business = deadline.reasons[-1]
        assert "2026-11-20 17:00" in business.message

    def test_special_days_and_weekend_workdays_are_named(self) -> None:
        calendar = K.replace(special_days={date(2026, 11, 21): ["10:00-14:00"]})
        deadline = calendar.explain_add(kyiv(20, 17), timedelta(hours=2))
        special = next(r for r in deadline.reasons if r.code == "calendar.special_day")
        assert "2026-11-21" in special.message
        assert "10:00-14:00" in special.message
        ukraine = BusinessCalendar.for_country("UA", timezone="Europe/Kyiv")
        deadline = ukraine.explain_add(datetime(2021, 1, 15, 17, tzinfo=KYIV), timedelta(hours=2))
        assert "calendar.weekend_workday" in deadline.codes

    def test_start_is_reported_in_the_calendars_zone(self) -> None:
        deadline = K.explain_add(datetime(2026, 11, 18, 8, tzinfo=UTC), timedelta(hours=1))
        assert deadline.start.tzinfo == KYIV
        assert deadline.result == kyiv(18, 11)

    def test_long_lists_are_shortened(self) -> None:
        deadline = K.explain_add(kyiv(18, 10), timedelta(hours=2000))
        closed = next(r for r in deadline.reasons if r.code == "calendar.closed_days")
        assert closed.fact("days") == 2 * 44  # 2000 h is 44 weeks and 20 h: 44 weekends
        assert "more" in closed.message
        assert len(closed.message) < 400


class TestLazyYears:
    def test_add_across_new_year_loads_the_next_year(self) -> None:
        # A fresh calendar: Monday 2026-12-28 10:00 + 40 h. 35 h until Thursday's close,
        # New Year's Day 2027 (a Friday) is closed, 5 h on Monday 2027-01-04.
        calendar = BusinessCalendar.for_country(
            "TR", timezone="Europe/Istanbul", hours="09:00-18:00"
        )
        start = datetime(2026, 12, 28, 10, tzinfo=ISTANBUL)
        assert calendar.add(start, timedelta(hours=40)) == datetime(2027, 1, 4, 14, tzinfo=ISTANBUL)
        assert calendar.day(date(2027, 1, 1)).kind is DayKind.HOLIDAY

    def test_between_across_new_year(self) -> None:
        calendar = BusinessCalendar.for_country(
            "TR", timezone="Europe/Istanbul", hours="09:00-18:00"
        )
        start, end = (
            datetime(2026, 12, 31, 9, tzinfo=ISTANBUL),
            datetime(2027, 1, 5, tzinfo=ISTANBUL),
        )
        assert calendar.between(start, end) == timedelta(hours=18)

    def test_backwards_into_the_previous_year(self) -> None:
        calendar = BusinessCalendar.for_country(
            "TR", timezone="Europe/Istanbul", hours="09:00-18:00"
        )
        start = datetime(2027, 1, 4, 14, tzinfo=ISTANBUL)
        assert calendar.add(start, timedelta(hours=-40)) == datetime(
            2026, 12, 28, 10, tzinfo=ISTANBUL
        )

    def test_ukraines_weekend_workday_found_from_the_year_before(self) -> None:
        ukraine = BusinessCalendar.for_country("UA", timezone="Europe/Kyiv")
        start = datetime(2020, 12, 31, 17, tzinfo=KYIV)
        # 2021: Jan 1 and Jan 7 are holidays, Jan 8 a day off moved to Saturday Jan 16.
        assert ukraine.between(start, datetime(2021, 1, 17, tzinfo=KYIV)) == timedelta(
            hours=1 + 9 * 9
        )


class TestHugeDurations:
    def test_twenty_thousand_business_hours(self) -> None:
        # K opens 45 h a week and its DST changes happen at night: 20,000 h is 444 weeks
        # and 20 h, from Wednesday 10:00 to Friday 12:00, 444 weeks later.
        start = kyiv(18, 10)
        result = K.add(start, timedelta(hours=20_000))
        expected_day = date(2026, 11, 18) + timedelta(weeks=444, days=2)
        assert result == datetime.combine(expected_day, datetime.min.time(), KYIV).replace(hour=12)
        assert K.between(start, result) == timedelta(hours=20_000)

    def test_twenty_thousand_business_hours_back(self) -> None:
        start = kyiv(18, 10)
        result = K.add(start, timedelta(hours=-20_000))
        # 444 weeks back is Wednesday 10:00 again; 20 h more: Wednesday 1, Tuesday 9,
        # Monday 9, Friday 1: Friday 17:00.
        expected_day = date(2026, 11, 18) - timedelta(weeks=444, days=5)
        assert result == datetime.combine(expected_day, datetime.min.time(), KYIV).replace(hour=17)
        assert K.between(result, start) == timedelta(hours=20_000)

    def test_twenty_thousand_hours_with_a_countrys_holidays(self) -> None:
        start = istanbul(10, 28, 11)
        result = T.add(start, timedelta(hours=20_000))
        assert T.between(start, result) == timedelta(hours=20_000)
        assert T.is_open(utc(result) - ONE_MICROSECOND)
        assert T.add(result, timedelta(hours=-20_000)) == T.next_open(start)

    def test_many_huge_adds(self) -> None:
        starts = [kyiv(16) + timedelta(hours=7 * n) for n in range(100)]
        results = K.add_many(starts, timedelta(hours=20_000))
        for start, result in zip(starts[::10], results[::10], strict=True):
            assert K.between(start, result) == timedelta(hours=20_000)


class TestSubSecondPrecision:
    def test_a_microsecond_of_business_time(self) -> None:
        at = kyiv(18, 18) - ONE_MICROSECOND
        assert K.add(at, ONE_MICROSECOND) == kyiv(18, 18)
        assert K.add(at, 2 * ONE_MICROSECOND) == kyiv(19, 9) + ONE_MICROSECOND

    def test_between_keeps_microseconds(self) -> None:
        assert K.between(kyiv(18, 17, 59, 59), kyiv(19, 9) + ONE_MICROSECOND) == timedelta(
            seconds=1, microseconds=1
        )

    def test_add_zero_is_the_start_itself(self) -> None:
        at = datetime(2026, 11, 21, 11, 0, 0, 123_456, tzinfo=UTC)  # closed, and in UTC
        assert K.add(at, timedelta(0)) == at
