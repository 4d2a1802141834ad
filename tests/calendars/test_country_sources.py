"""A country's holidays as the ``holidays`` package knows them, and nothing silently lost.

Weekends per date and subdivision (Kelantan rests Friday–Saturday, the UAE did until
2022); dates a caller added to a ``holidays`` object; sums of several objects.
"""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest

from supportrules import BusinessCalendar
from supportrules.calendars import CountryHolidays, DayKind
from supportrules.errors import InvalidScheduleError

ZONES = {
    "MY": "Asia/Kuala_Lumpur",
    "AE": "Asia/Dubai",
    "SA": "Asia/Riyadh",
    "QA": "Asia/Qatar",
    "KW": "Asia/Kuwait",
    "OM": "Asia/Muscat",
    "DZ": "Africa/Algiers",
    "JO": "Asia/Amman",
    "YE": "Asia/Aden",
    "SD": "Africa/Khartoum",
    "TW": "Asia/Taipei",
}
NINE_HOURS = timedelta(hours=9)


def country(code: str, subdivision: str | None = None) -> BusinessCalendar:
    return BusinessCalendar.for_country(code, timezone=ZONES[code], subdivision=subdivision)


class TestWeekendsPerDateAndSubdivision:
    @pytest.mark.parametrize(
        ("code", "subdivision", "day", "open_"),
        [
            ("MY", "03", date(2026, 11, 20), False),  # Kelantan: Friday is the weekend
            ("MY", "03", date(2026, 11, 22), True),  # ... and Sunday a working day
            ("MY", None, date(2026, 11, 20), True),  # the rest of Malaysia works Fridays
            ("MY", "01", date(2024, 12, 27), False),  # Johor rested Friday 2014–2024
            ("MY", "01", date(2025, 1, 3), True),  # ... and works Fridays since 2025
            ("AE", None, date(2021, 12, 31), False),  # Friday–Saturday until 2022
            ("AE", None, date(2021, 12, 26), True),  # Sunday a working day then
            ("AE", None, date(2022, 1, 7), True),  # Saturday–Sunday since
            ("SA", None, date(2013, 6, 27), False),  # Thursday–Friday until mid-2013
            ("SA", None, date(2013, 6, 22), True),  # ... so Saturday was worked
            ("QA", None, date(2003, 7, 31), False),
            ("KW", None, date(2007, 8, 30), False),
            ("OM", None, date(2013, 4, 27), True),  # Saturday worked until May 2013
            ("DZ", None, date(2008, 12, 27), True),
            ("JO", None, date(2000, 1, 1), True),
            ("YE", None, date(2013, 8, 10), True),
            ("SD", None, date(2008, 1, 19), True),
            ("TW", None, date(2000, 12, 30), True),  # alternate Saturdays before 2001
        ],
        ids=lambda value: str(value),
    )
    def test_the_package_decides_each_date(
        self, code: str, subdivision: str | None, day: date, open_: bool
    ) -> None:
        calendar = country(code, subdivision)
        info = calendar.day(day)
        holiday = info.kind is DayKind.HOLIDAY
        assert holiday or info.is_business_day is open_, info

    @pytest.mark.parametrize(("code", "subdivision"), [("MY", "03"), ("AE", None), ("SA", None)])
    def test_every_date_agrees_with_the_package(self, code: str, subdivision: str | None) -> None:
        package = holidays.country_holidays(code, subdiv=subdivision)
        calendar = country(code, subdivision)
        day = date(2010, 1, 1)
        while day.year < 2027:
            info = calendar.day(day)
            if info.kind is DayKind.WEEKLY:  # not a holiday, half day or weekend workday
                assert info.is_business_day is not package.is_weekend(day), day
            day += timedelta(days=1)

    def test_weekend_dates_are_closed_in_the_arithmetic_too(self) -> None:
        kelantan = country("MY", "03")
        thursday = kelantan.day(date(2026, 11, 19)).opens_at
        assert thursday is not None
        # 9 h on Thursday, then Friday and Saturday rest: the next 1 h is on Sunday.
        assert kelantan.add(thursday, NINE_HOURS + timedelta(hours=1)).date() == date(2026, 11, 22)

    def test_a_calendar_written_by_hand_keeps_its_own_weekly_schedule(self) -> None:
        by_hand = BusinessCalendar(
            timezone="Asia/Dubai",
            weekly=dict.fromkeys(range(5), "09:00-18:00"),
            country_holidays=CountryHolidays(country="AE"),
        )
        assert by_hand.day(date(2021, 12, 31)).is_business_day  # the weekly says Friday works


class TestHolidayObjects:
    def test_dates_the_caller_added_are_kept(self) -> None:
        source = holidays.country_holidays("NL", years=2026)
        source[date(2026, 12, 23)] = "Company day"
        calendar = BusinessCalendar.standard("Europe/Amsterdam", holidays=source)
        assert calendar.day(date(2026, 12, 23)).name == "Company day"
        assert calendar.day(date(2026, 12, 23)).kind is DayKind.HOLIDAY
        assert calendar.day(date(2026, 12, 25)).kind is DayKind.HOLIDAY  # the country's own
        assert calendar.day(date(2031, 12, 25)).kind is DayKind.HOLIDAY  # years still load
        again = BusinessCalendar.model_validate_json(calendar.model_dump_json())
        assert again.day(date(2026, 12, 23)).name == "Company day"

    def test_a_renamed_date_keeps_the_objects_name(self) -> None:
        source = holidays.country_holidays("NL", years=2026)
        source[date(2026, 12, 25)] = "Kerst bij ons"  # the package appends: "...; Kerst bij ons"
        calendar = BusinessCalendar.standard("Europe/Amsterdam", holidays=source)
        assert calendar.day(date(2026, 12, 25)).name == source[date(2026, 12, 25)]
        assert calendar.day(date(2026, 12, 25)).name.endswith("Kerst bij ons")

    def test_a_removed_date_is_refused_not_dropped(self) -> None:
        source = holidays.country_holidays("NL", years=2026)
        source.pop(date(2026, 12, 25))
        with pytest.raises(InvalidScheduleError, match=r"2026-12-25 was removed"):
            BusinessCalendar.standard("Europe/Amsterdam", holidays=source)

    def test_a_sum_of_regions_closes_on_the_holidays_of_each(self) -> None:
        both = holidays.country_holidays("US", subdiv="CA") + holidays.country_holidays(
            "US", subdiv="NY"
        )
        calendar = BusinessCalendar.standard("America/New_York", holidays=both)
        assert [source.subdivision for source in calendar.sources] == ["CA", "NY"]
        assert calendar.day(date(2026, 3, 31)).kind is DayKind.HOLIDAY  # César Chávez Day, CA
        assert calendar.day(date(2026, 2, 12)).kind is DayKind.HOLIDAY  # Lincoln's Birthday, NY
        assert BusinessCalendar.model_validate_json(calendar.model_dump_json()) == calendar

    def test_a_sum_of_countries(self) -> None:
        both = holidays.country_holidays("UA") + holidays.country_holidays("PL")
        calendar = BusinessCalendar.standard("Europe/Warsaw", holidays=both)
        assert [source.country for source in calendar.sources] == ["UA", "PL"]
        assert calendar.day(date(2026, 5, 3)).kind is DayKind.HOLIDAY  # Polish Constitution Day

    def test_a_market_object_is_refused_with_advice(self) -> None:
        nyse = holidays.financial_holidays("NYSE", years=2026)
        with pytest.raises(InvalidScheduleError, match="financial-market"):
            BusinessCalendar.standard("America/New_York", holidays=nyse)

    def test_an_object_as_country_holidays_works_too(self) -> None:
        calendar = BusinessCalendar.standard(
            "Europe/Amsterdam", country_holidays=holidays.country_holidays("NL")
        )
        assert calendar.country_holidays == CountryHolidays(country="NL")
