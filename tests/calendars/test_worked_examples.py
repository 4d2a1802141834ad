"""SPEC §2.4, verbatim: the binding worked examples of the business calendar.

Every result is checked as an instant *and* as a reading in the calendar's zone (the
offset and the zone key), because SPEC §1 says results are aware datetimes in the
calendar's zone.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from supportrules import BusinessCalendar

KYIV = ZoneInfo("Europe/Kyiv")
ISTANBUL = ZoneInfo("Europe/Istanbul")
AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# Calendar K: Europe/Kyiv, Monday–Friday 09:00-18:00, no holidays.
K = BusinessCalendar(timezone="Europe/Kyiv", weekly={d: ["09:00-18:00"] for d in range(5)})
# Calendar T: Türkiye's public holidays and half days, 09:00-18:00.
T = BusinessCalendar.for_country("TR", timezone="Europe/Istanbul", hours="09:00-18:00")
# Calendar A24: Amsterdam, open 00:00-24:00 every day.
A24 = BusinessCalendar(timezone="Europe/Amsterdam", weekly={d: ["00:00-24:00"] for d in range(7)})


def kyiv(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant in November 2026, Kyiv time (2026-11-16 is a Monday)."""
    return datetime(2026, 11, day, hour, minute, tzinfo=KYIV)


def assert_reads(result: datetime, expected_iso: str, zone: ZoneInfo) -> None:
    """``result`` is the instant ``expected_iso`` and reads exactly so in ``zone``."""
    expected = datetime.fromisoformat(expected_iso)
    assert result == expected
    assert result.tzinfo == zone
    assert result.isoformat() == expected.isoformat()


class TestCalendarK:
    @pytest.mark.parametrize(
        ("start", "duration", "expected"),
        [
            (kyiv(18, 10), timedelta(hours=8), "2026-11-18T18:00:00+02:00"),
            (kyiv(18, 15, 30), timedelta(hours=12), "2026-11-20T09:30:00+02:00"),
            (kyiv(21, 11), timedelta(hours=1), "2026-11-23T10:00:00+02:00"),
            (kyiv(23, 10), timedelta(hours=-2), "2026-11-20T17:00:00+02:00"),
        ],
        ids=[
            "wed-10:00+8h-ends-at-the-close-not-next-morning",
            "wed-15:30+12h-is-fri-09:30",
            "sat-11:00+1h-is-mon-10:00",
            "mon-10:00-2h-is-fri-17:00",
        ],
    )
    def test_add(self, start: datetime, duration: timedelta, expected: str) -> None:
        assert_reads(K.add(start, duration), expected, KYIV)

    def test_between_fri_17_and_mon_10_is_two_hours(self) -> None:
        assert K.between(kyiv(20, 17), kyiv(23, 10)) == timedelta(hours=2)

    def test_close_of_day_after_the_close_is_the_next_days_close(self) -> None:
        assert_reads(K.close_of_day(kyiv(18, 19)), "2026-11-19T18:00:00+02:00", KYIV)

    def test_the_same_table_from_an_instant_written_in_utc(self) -> None:
        # The zone an instant is written in does not matter, only the instant.
        utc = ZoneInfo("UTC")
        assert_reads(
            K.add(kyiv(18, 15, 30).astimezone(utc), timedelta(hours=12)),
            "2026-11-20T09:30:00+02:00",
            KYIV,
        )
        assert K.between(kyiv(20, 17).astimezone(utc), kyiv(23, 10).astimezone(utc)) == (
            timedelta(hours=2)
        )


class TestCalendarT:
    def test_half_day_then_republic_day_then_friday(self) -> None:
        # Two hours on the half day (closes 13:00), Thursday is Republic Day, six on Friday.
        start = datetime(2026, 10, 28, 11, tzinfo=ISTANBUL)
        assert_reads(T.add(start, timedelta(hours=8)), "2026-10-30T15:00:00+03:00", ISTANBUL)

    def test_the_pieces_of_that_example(self) -> None:
        wednesday = datetime(2026, 10, 28, 11, tzinfo=ISTANBUL)
        assert T.between(wednesday, datetime(2026, 10, 29, 0, tzinfo=ISTANBUL)) == timedelta(
            hours=2
        )
        assert T.between(
            datetime(2026, 10, 29, 0, tzinfo=ISTANBUL), datetime(2026, 10, 30, 0, tzinfo=ISTANBUL)
        ) == timedelta(0)
        assert T.add(wednesday, timedelta(hours=2)) == datetime(2026, 10, 28, 13, tzinfo=ISTANBUL)


class TestCalendarA24:
    def test_the_fall_back_night_has_25_hours(self) -> None:
        start = datetime.fromisoformat("2026-10-24T12:00+02:00")
        assert_reads(A24.add(start, timedelta(hours=24)), "2026-10-25T11:00:00+01:00", AMSTERDAM)

    def test_between_across_the_night_is_elapsed_time(self) -> None:
        start = datetime.fromisoformat("2026-10-24T12:00+02:00")
        end = datetime.fromisoformat("2026-10-25T12:00+01:00")
        assert A24.between(start, end) == timedelta(hours=25)

    def test_the_spring_night_has_23_hours(self) -> None:
        start = datetime.fromisoformat("2026-03-28T12:00+01:00")
        assert_reads(A24.add(start, timedelta(hours=24)), "2026-03-29T13:00:00+02:00", AMSTERDAM)
