"""Bad input gets a clear error, never a wrong answer (SPEC §1, §2.5).

Every case raises a ``SupportRulesError`` subclass (or pydantic's ``ValidationError``,
also a ``ValueError``) whose message names the field and shows the value.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from typing import Any

import holidays as holidays_package
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportrules import (
    BusinessCalendar,
    CalendarNeverOpensError,
    CountryHolidays,
    InvalidDurationError,
    InvalidScheduleError,
    NaiveDatetimeError,
    SpecialDay,
    SupportRulesError,
    UnknownCountryError,
    UnknownTimezoneError,
    UnknownValueError,
)

K = BusinessCalendar.standard("Europe/Kyiv", "09:00-18:00")
AWARE = datetime(2026, 11, 18, 10, tzinfo=UTC)
NAIVE = datetime(2026, 11, 18, 10)
HOUR = timedelta(hours=1)


class _NoOffset(tzinfo):
    """A tzinfo that does not know its offset: Python treats such datetimes as naive."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str | None:
        return None


def calls_with(value: Any) -> list[tuple[str, str, Callable[[], object]]]:
    """Every method that takes an instant, with ``value`` in that place: (id, field, call)."""
    return [
        ("add", "start", lambda: K.add(value, HOUR)),
        ("add_many", "starts[1]", lambda: K.add_many([AWARE, value], HOUR)),
        ("between-start", "start", lambda: K.between(value, AWARE)),
        ("between-end", "end", lambda: K.between(AWARE, value)),
        ("is_open", "at", lambda: K.is_open(value)),
        ("next_open", "at", lambda: K.next_open(value)),
        ("close_of_day", "at", lambda: K.close_of_day(value)),
        ("close_of_day-days", "at", lambda: K.close_of_day(value, days=1)),
        ("add_business_days", "at", lambda: K.add_business_days(value, 1)),
        ("open_intervals-start", "start", lambda: K.open_intervals(value, AWARE)),
        ("open_intervals-end", "end", lambda: K.open_intervals(AWARE, value)),
        ("explain_add", "start", lambda: K.explain_add(value, HOUR)),
    ]


def _naive_cases() -> list[Any]:
    cases: list[Any] = []
    for label, value, shown in [
        ("naive", NAIVE, "datetime.datetime(2026, 11, 18, 10, 0)"),
        ("no-offset-tzinfo", NAIVE.replace(tzinfo=_NoOffset()), "2026, 11, 18, 10, 0"),
        ("date", date(2026, 11, 18), "datetime.date(2026, 11, 18)"),
        ("naive-iso-string", "2026-11-18T10:00", "'2026-11-18T10:00'"),
        ("int", 1_763_452_800, "1763452800"),
        ("none", None, "None"),
    ]:
        for method, field, call in calls_with(value):
            cases.append(pytest.param(call, field, shown, id=f"{method}-{label}"))
    return cases


class TestNaiveDatetimes:
    @pytest.mark.parametrize(("call", "field", "shown"), _naive_cases())
    def test_every_method_refuses_a_naive_instant(
        self, call: Callable[[], object], field: str, shown: str
    ) -> None:
        with pytest.raises(NaiveDatetimeError) as error:
            call()
        message = str(error.value)
        assert message.startswith(f"{field}:")
        assert shown in message

    def test_error_is_a_value_error(self) -> None:
        assert issubclass(NaiveDatetimeError, SupportRulesError)
        assert issubclass(SupportRulesError, ValueError)


class TestUnknownTimezones:
    def test_typo_gets_did_you_mean(self) -> None:
        with pytest.raises(UnknownTimezoneError, match=r"timezone: .*'Europe/Kyyiv'") as error:
            BusinessCalendar(timezone="Europe/Kyyiv")
        assert "did you mean 'Europe/Kyiv'" in str(error.value)

    @pytest.mark.parametrize(
        "value",
        ["Mars/Olympus_Mons", "", "   ", "../../etc/passwd", 42, None],
        ids=["unknown", "empty", "blank", "path", "int", "none"],
    )
    def test_not_a_zone(self, value: object) -> None:
        with pytest.raises(UnknownTimezoneError, match="timezone") as error:
            BusinessCalendar(timezone=value)
        assert repr(value).strip("'") in str(error.value) or repr(value) in str(error.value)

    def test_named_constructors_check_the_zone(self) -> None:
        with pytest.raises(UnknownTimezoneError, match=r"'Europe/Istambul'.*did you mean"):
            BusinessCalendar.for_country("TR", timezone="Europe/Istambul")
        with pytest.raises(UnknownTimezoneError, match="Nowhere"):
            BusinessCalendar.standard("Nowhere")
        with pytest.raises(UnknownTimezoneError, match="Nowhere"):
            BusinessCalendar.always_open("Nowhere")

    def test_from_json_it_is_a_validation_error_naming_the_field(self) -> None:
        with pytest.raises(SupportRulesError, match=r"timezone[\s\S]*'Europe/Kyyiv'"):
            BusinessCalendar.model_validate_json('{"timezone": "Europe/Kyyiv"}')


class TestMalformedIntervals:
    @pytest.mark.parametrize(
        ("hours", "field", "shown"),
        [
            (["9-18"], "weekly['mon'][0]", "'9-18'"),
            (["09:00"], "weekly['mon'][0]", "'09:00'"),
            (["abc"], "weekly['mon'][0]", "'abc'"),
            (["25:00-26:00"], "weekly['mon'][0]", "'25:00-26:00'"),
            (["09:60-10:00"], "weekly['mon'][0]", "'09:60-10:00'"),
            (["09:00-24:01"], "weekly['mon'][0]", "'09:00-24:01'"),
            (["24:00-24:00"], "weekly['mon'][0]", "'24:00-24:00'"),
            (["09:00-12:00", "13:00-1800"], "weekly['mon'][1]", "'13:00-1800'"),
            ([900], "weekly['mon'][0]", "900"),
            ([None], "weekly['mon'][0]", "None"),
            (900, "weekly['mon']", "900"),
            ({"09:00": "18:00"}, "weekly['mon']", "'09:00'"),
            (b"09:00-18:00", "weekly['mon']", "b'09:00-18:00'"),
        ],
        ids=[
            "no-minutes",
            "no-end",
            "text",
            "hour-25",
            "minute-60",
            "past-24:00",
            "starts-at-24:00",
            "second-interval",
            "int-interval",
            "none-interval",
            "int-day",
            "mapping-day",
            "bytes-day",
        ],
    )
    def test_malformed(self, hours: object, field: str, shown: str) -> None:
        with pytest.raises(InvalidScheduleError) as error:
            BusinessCalendar(timezone="UTC", weekly={"mon": hours})
        assert str(error.value).startswith(f"{field}:")
        assert shown in str(error.value)

    @pytest.mark.parametrize(
        "hours",
        [
            ["09:00-12:00", "11:00-13:00"],
            ["11:00-13:00", "09:00-12:00"],
            ["09:00-18:00", "10:00-11:00"],
        ],
        ids=["overlap", "overlap-unsorted", "nested"],
    )
    def test_overlapping(self, hours: list[str]) -> None:
        with pytest.raises(InvalidScheduleError, match=r"weekly\['tue'\].*overlaps"):
            BusinessCalendar(timezone="UTC", weekly={"tue": hours})

    @pytest.mark.parametrize(
        "interval",
        ["18:00-09:00", "09:00-09:00", "22:00-06:00"],
        ids=["reversed", "empty", "overnight"],
    )
    def test_end_not_after_start(self, interval: str) -> None:
        with pytest.raises(InvalidScheduleError, match=rf"weekly\['wed'\]\[0\]: '{interval}'"):
            BusinessCalendar(timezone="UTC", weekly={"wed": [interval]})

    def test_the_overnight_error_says_how_to_write_a_night_shift(self) -> None:
        with pytest.raises(InvalidScheduleError, match="two intervals on two days"):
            BusinessCalendar(timezone="UTC", weekly={"mon": "22:00-06:00"})

    def test_for_country_hours(self) -> None:
        with pytest.raises(InvalidScheduleError, match="'18:00-09:00'"):
            BusinessCalendar.for_country("TR", timezone="Europe/Istanbul", hours="18:00-09:00")

    def test_half_day_close(self) -> None:
        with pytest.raises(InvalidScheduleError, match=r"half_day_close.*25:00"):
            BusinessCalendar.for_country("TR", timezone="Europe/Istanbul", half_day_close="25:00")


class TestWeekdayKeys:
    @pytest.mark.parametrize(
        ("key", "shown"),
        [
            (7, "7"),
            (-1, "-1"),
            ("7", "'7'"),
            ("funday", "'funday'"),
            ("mo", "'mo'"),
            (True, "True"),
            (1.0, "1.0"),
            (None, "None"),
        ],
        ids=["7", "minus-1", "seven-as-text", "funday", "mo", "bool", "float", "none"],
    )
    def test_outside_0_6_and_mon_sun(self, key: object, shown: str) -> None:
        with pytest.raises(InvalidScheduleError) as error:
            BusinessCalendar(timezone="UTC", weekly={key: ["09:00-18:00"]})
        assert str(error.value).startswith("weekly:")
        assert shown in str(error.value)

    @pytest.mark.parametrize(
        "key",
        [0, "0", "mon", "Mon", "MONDAY", " monday "],
        ids=["int", "digit", "short", "capital", "upper", "spaces"],
    )
    def test_accepted_spellings_of_monday(self, key: object) -> None:
        assert BusinessCalendar(timezone="UTC", weekly={key: ["09:00-18:00"]}).weekly[0] == (
            "09:00-18:00",
        )

    def test_a_weekday_given_twice(self) -> None:
        with pytest.raises(InvalidScheduleError, match="weekly: 'mon' is given twice"):
            BusinessCalendar(timezone="UTC", weekly={"mon": "09:00-18:00", 0: "09:00-10:00"})

    @pytest.mark.parametrize(
        "weekly", [[[]] * 6, None, "09:00-18:00", 5], ids=["six-days", "none", "text", "int"]
    )
    def test_not_a_weekly_schedule(self, weekly: object) -> None:
        with pytest.raises(InvalidScheduleError, match=r"weekly: .* is not a weekly schedule"):
            BusinessCalendar(timezone="UTC", weekly=weekly)


class TestDurations:
    @pytest.mark.parametrize(
        ("duration", "shown"),
        [
            (8, "8 (int)"),
            (8.0, "8.0 (float)"),
            ("8h", "'8h' (str)"),
            ("PT8H", "'PT8H'"),
            (None, "None"),
            (Decimal("8"), "Decimal('8')"),
        ],
        ids=["int", "float", "text", "iso-8601-text", "none", "decimal"],
    )
    @pytest.mark.parametrize(
        "method",
        [
            lambda d: K.add(AWARE, d),
            lambda d: K.add_many([AWARE], d),
            lambda d: K.explain_add(AWARE, d),
        ],
        ids=["add", "add_many", "explain_add"],
    )
    def test_not_a_timedelta(
        self, method: Callable[[object], object], duration: object, shown: str
    ) -> None:
        with pytest.raises(InvalidDurationError) as error:
            method(duration)
        assert str(error.value).startswith("duration:")
        assert shown in str(error.value)

    def test_the_message_points_to_business_days(self) -> None:
        with pytest.raises(InvalidDurationError, match="close_of_day / add_business_days"):
            K.add(AWARE, 1)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "days", [1.5, "1", True, None, Decimal(1)], ids=["float", "text", "bool", "none", "decimal"]
    )
    def test_business_days_are_whole_numbers(self, days: object) -> None:
        with pytest.raises(InvalidDurationError, match=re.escape(f"days: {days!r}")):
            K.close_of_day(AWARE, days=days)  # type: ignore[arg-type]
        with pytest.raises(InvalidDurationError, match=re.escape(f"days: {days!r}")):
            K.add_business_days(AWARE, days)  # type: ignore[arg-type]


class TestSpecialDaysAndHolidays:
    def test_special_day_with_a_reversed_interval(self) -> None:
        with pytest.raises(InvalidScheduleError) as error:
            BusinessCalendar(timezone="UTC", special_days={"2026-12-24": ["13:00-09:00"]})
        assert "special_days" in str(error.value)
        assert "2026-12-24" in str(error.value)
        assert "'13:00-09:00'" in str(error.value)

    def test_special_day_with_overlapping_intervals(self) -> None:
        with pytest.raises(InvalidScheduleError, match=r"special_days\[2026-12-24\].*overlaps"):
            SpecialDay(on="2026-12-24", hours=["09:00-13:00", "12:00-14:00"])

    @pytest.mark.parametrize(
        "hours", [None, 5, [5], ["9"]], ids=["none", "int", "int-interval", "text"]
    )
    def test_special_day_hours_that_are_not_intervals(self, hours: object) -> None:
        with pytest.raises(InvalidScheduleError, match=r"special_days\[2026-12-24\]"):
            BusinessCalendar(timezone="UTC", special_days={"2026-12-24": hours})

    @pytest.mark.parametrize(
        ("key", "shown"),
        [
            ("2026-13-24", "'2026-13-24'"),
            (5, "5"),
            (datetime(2026, 12, 24), "datetime.datetime(2026, 12, 24, 0, 0)"),
        ],
        ids=["month-13", "int", "datetime"],
    )
    def test_special_day_that_is_not_a_date(self, key: object, shown: str) -> None:
        with pytest.raises(InvalidScheduleError, match="special_days") as error:
            BusinessCalendar(timezone="UTC", special_days={key: []})
        assert shown in str(error.value)

    def test_special_day_given_twice(self) -> None:
        with pytest.raises(InvalidScheduleError, match="special_days: 2026-12-24 is given twice"):
            BusinessCalendar(
                timezone="UTC",
                special_days=[
                    {"on": "2026-12-24", "hours": ["09:00-13:00"]},
                    SpecialDay(on=date(2026, 12, 24)),
                ],
            )

    def test_from_json_a_bad_special_day_is_a_validation_error(self) -> None:
        text = (
            '{"timezone": "UTC", "special_days": [{"on": "2026-12-24", "hours": ["13:00-09:00"]}]}'
        )
        with pytest.raises(SupportRulesError, match=r"special_days[\s\S]*'13:00-09:00'"):
            BusinessCalendar.model_validate_json(text)

    @pytest.mark.parametrize(
        ("holidays", "shown"),
        [
            (["2026-02-30"], "'2026-02-30'"),
            ([datetime(2026, 2, 3)], "datetime.datetime(2026, 2, 3, 0, 0)"),
            (5, "5"),
            (None, "None"),
        ],
        ids=["february-30", "datetime", "int", "none"],
    )
    def test_holidays_that_are_not_dates(self, holidays: object, shown: str) -> None:
        with pytest.raises(InvalidScheduleError, match="holidays") as error:
            BusinessCalendar(timezone="UTC", holidays=holidays)
        assert shown in str(error.value)

    @pytest.mark.parametrize("item", [None, 5, [], 2.5], ids=["none", "int", "list", "float"])
    def test_a_holiday_list_item_that_is_not_a_date(self, item: object) -> None:
        # Each item of the list must be a date, an ISO date or a Holiday; anything else
        # is bad input, not an AttributeError from inside the validator.
        with pytest.raises(SupportRulesError, match="holidays") as error:
            BusinessCalendar(timezone="UTC", holidays=[date(2026, 1, 1), item])
        assert repr(item) in str(error.value)

    def test_an_empty_holidays_object(self) -> None:
        with pytest.raises(InvalidScheduleError, match="holidays"):
            BusinessCalendar(timezone="UTC", holidays=holidays_package.HolidayBase())

    def test_a_holidays_object_and_country_holidays_together(self) -> None:
        with pytest.raises(InvalidScheduleError, match=r"holidays: .*country_holidays"):
            BusinessCalendar(
                timezone="UTC",
                holidays=holidays_package.country_holidays("TR"),
                country_holidays=CountryHolidays(country="TR"),
            )


class TestCountries:
    def test_unknown_country_lists_close_matches(self) -> None:
        with pytest.raises(UnknownCountryError, match=r"country: .*'XX'; did you mean"):
            BusinessCalendar.for_country("XX", timezone="UTC")

    def test_a_country_name_is_not_a_code(self) -> None:
        with pytest.raises(UnknownCountryError, match=r"'Ukraine'.*ISO 3166-1 alpha-2"):
            BusinessCalendar.for_country("Ukraine", timezone="UTC")

    def test_unknown_country_in_the_description(self) -> None:
        with pytest.raises(UnknownCountryError, match="'QQ'"):
            CountryHolidays(country="QQ")
        with pytest.raises(SupportRulesError, match=r"country[\s\S]*'QQ'"):
            BusinessCalendar.model_validate_json(
                '{"timezone": "UTC", "country_holidays": {"country": "QQ"}}'
            )

    def test_unknown_subdivision_lists_the_known_ones(self) -> None:
        with pytest.raises(UnknownValueError, match=r"subdivision.*'XX'.*'CA'"):
            BusinessCalendar.for_country("US", subdivision="XX", timezone="UTC")

    def test_unknown_category_gets_did_you_mean(self) -> None:
        with pytest.raises(
            UnknownValueError, match=r"categories: unknown value 'pubilc'; did you mean 'public'"
        ):
            BusinessCalendar.for_country("TR", categories=("pubilc",), timezone="UTC")

    def test_country_code_is_case_insensitive(self) -> None:
        assert BusinessCalendar.for_country(
            " tr ", timezone="UTC"
        ).country_holidays == CountryHolidays(
            country="TR", categories=("public", "half_day"), package_weekend=True
        )


class TestCalendarNeverOpens:
    START = datetime(2026, 1, 1, tzinfo=UTC)

    @staticmethod
    def operations(calendar: BusinessCalendar, at: datetime) -> list[Callable[[], object]]:
        return [
            lambda: calendar.add(at, HOUR),
            lambda: calendar.next_open(at),
            lambda: calendar.close_of_day(at),
            lambda: calendar.close_of_day(at, days=-1),
            lambda: calendar.add_business_days(at, 1),
            lambda: calendar.add_many([at], HOUR),
            lambda: calendar.explain_add(at, HOUR),
        ]

    @pytest.mark.parametrize(
        "calendar",
        [
            BusinessCalendar(timezone="UTC"),
            BusinessCalendar(timezone="UTC", weekly={d: [] for d in range(7)}),
            BusinessCalendar(timezone="UTC", special_days={"2020-01-01": ["09:00-10:00"]}),
            BusinessCalendar(timezone="Europe/Kyiv", special_days={"2026-01-05": []}),
        ],
        ids=[
            "empty-week",
            "seven-empty-days",
            "one-special-day-in-the-past",
            "only-a-closed-special-day",
        ],
    )
    def test_an_empty_week(self, calendar: BusinessCalendar) -> None:
        for operation in self.operations(calendar, self.START):
            with pytest.raises(CalendarNeverOpensError, match="calendar: no open time"):
                operation()

    def test_counting_back_from_an_empty_week(self) -> None:
        with pytest.raises(CalendarNeverOpensError, match="before"):
            BusinessCalendar(timezone="UTC").add(self.START, -HOUR)

    def test_counting_back_finds_a_special_day_in_the_past(self) -> None:
        calendar = BusinessCalendar(timezone="UTC", special_days={"2020-01-01": ["09:00-10:00"]})
        assert calendar.add(self.START, -HOUR) == datetime(2020, 1, 1, 9, tzinfo=UTC)

    def test_measures_of_a_never_open_calendar_are_zero(self) -> None:
        calendar = BusinessCalendar(timezone="UTC")
        assert calendar.between(self.START, self.START + timedelta(days=400)) == timedelta(0)
        assert calendar.open_intervals(self.START, self.START + timedelta(days=400)) == []
        assert not calendar.is_open(self.START)

    def test_holidays_closing_every_day_for_twelve_years(self) -> None:
        closed = [date(2026, 1, 1) + timedelta(days=n) for n in range(12 * 366)]
        calendar = BusinessCalendar.standard("Europe/Kyiv", holidays=closed)
        at = datetime(2026, 1, 1, tzinfo=UTC)
        operations: list[Callable[[], object]] = [
            lambda: calendar.add(at, HOUR),
            lambda: calendar.next_open(at),
            lambda: calendar.close_of_day(at),
            lambda: calendar.add_business_days(at, 1),
        ]
        for operation in operations:
            with pytest.raises(CalendarNeverOpensError, match="10 years"):
                operation()
        # Counting back from inside the closed years still finds 2025.
        back = calendar.add(datetime(2030, 6, 1, tzinfo=UTC), -HOUR)
        assert back == datetime(2025, 12, 31, 17, tzinfo=calendar.zone)

    @pytest.mark.parametrize(
        ("closed_days", "opens"),
        [(3_600, True), (3_700, False)],
        ids=["just-under-ten-years", "just-over-ten-years"],
    )
    def test_the_horizon_is_ten_years(self, closed_days: int, opens: bool) -> None:
        closed = [date(2026, 1, 1) + timedelta(days=n) for n in range(closed_days)]
        calendar = BusinessCalendar.always_open("UTC", holidays=closed)
        start = datetime(2026, 1, 1, tzinfo=UTC)
        reopening = datetime.combine(closed[-1] + timedelta(days=1), datetime.min.time(), UTC)
        if opens:
            assert calendar.next_open(start) == reopening
            assert calendar.add(start, HOUR) == reopening + HOUR
            assert calendar.add(reopening, -HOUR) == start - HOUR
        else:
            with pytest.raises(CalendarNeverOpensError):
                calendar.next_open(start)
            with pytest.raises(CalendarNeverOpensError):
                calendar.add(start, HOUR)
            with pytest.raises(CalendarNeverOpensError):
                calendar.add(reopening, -HOUR)

    def test_nine_closed_years_are_within_the_horizon(self) -> None:
        # Closed from 2026-01-01 to Friday 2034-12-29: the next opening is Monday.
        closed = [date(2026, 1, 1) + timedelta(days=n) for n in range(9 * 365)]
        assert closed[-1] == date(2034, 12, 29)
        calendar = BusinessCalendar.standard("UTC", holidays=closed)
        start = datetime(2026, 1, 1, tzinfo=UTC)
        assert calendar.next_open(start) == datetime(2035, 1, 1, 9, tzinfo=UTC)
        assert calendar.add(start, HOUR) == datetime(2035, 1, 1, 10, tzinfo=UTC)
        assert calendar.close_of_day(start) == datetime(2035, 1, 1, 18, tzinfo=UTC)


class TestNonIterableArguments:
    """Junk where a collection belongs is bad input too: a ValueError, not a TypeError."""

    @pytest.mark.parametrize(
        "call",
        [
            lambda: K.add_many(5, HOUR),  # type: ignore[arg-type]
            lambda: K.add_many(None, HOUR),  # type: ignore[arg-type]
            lambda: BusinessCalendar.standard("UTC", workdays=5),  # type: ignore[arg-type]
            lambda: BusinessCalendar.for_country("TR", timezone="UTC", categories=5),  # type: ignore[arg-type]
        ],
        ids=[
            "add_many-int",
            "add_many-none",
            "standard-workdays-int",
            "for_country-categories-int",
        ],
    )
    def test_raises_a_value_error(self, call: Callable[[], object]) -> None:
        with pytest.raises(ValueError, match=r"5|None"):
            call()


# -- fuzz: junk in, ValueError out ------------------------------------------------------------

_INTERVALISH = st.from_regex(r"\A\d{1,2}:\d{2}\s?-\s?\d{1,2}:\d{2}\Z")
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10),
    st.integers(),
    st.floats(allow_nan=True),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.text(max_size=12),
    st.binary(max_size=4),
    _INTERVALISH,
    st.sampled_from(
        [
            "mon",
            "sun",
            "7",
            "2026-12-24",
            "2026-02-30",
            "2026-11-18T10:00+02:00",
            "2026-11-18T10:00",
            "TR",
            "UA",
            "XX",
            "Europe/Kyiv",
            "UTC",
            "half_day",
            "public",
            "13:00",
            "24:00",
        ]
    ),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    st.datetimes(
        min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.timezones()
    ),
    st.sampled_from(
        [
            datetime.min.replace(tzinfo=UTC),
            datetime.max.replace(tzinfo=UTC),
            datetime.max.replace(tzinfo=timezone(timedelta(hours=-23))),
            datetime(9998, 12, 31, 23, tzinfo=UTC),
        ]
    ),
    st.timedeltas(min_value=timedelta(days=-400), max_value=timedelta(days=400)),
)
JUNK = st.recursive(
    _SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.tuples(children, children),
        st.dictionaries(
            st.one_of(_SCALARS, st.sampled_from(["mon", "on", "hours", "country", "name"])),
            children,
            max_size=4,
        ),
    ),
    max_leaves=8,
)
_FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "timezone": st.one_of(JUNK, st.sampled_from(["UTC", "Europe/Kyiv", "America/Santiago"])),
        "weekly": st.one_of(
            JUNK,
            st.dictionaries(
                st.one_of(st.integers(-1, 7), st.sampled_from(["mon", "fri", "sun", "funday"])),
                st.one_of(JUNK, st.lists(_INTERVALISH, max_size=3)),
                max_size=3,
            ),
        ),
        "holidays": st.one_of(JUNK, st.lists(JUNK, max_size=3)),
        "special_days": st.one_of(JUNK, st.dictionaries(_SCALARS, JUNK, max_size=2)),
        "country_holidays": st.one_of(
            JUNK,
            st.fixed_dictionaries(
                {"country": JUNK},
                optional={"categories": JUNK, "subdivision": JUNK, "half_day_close": JUNK},
            ),
        ),
        "name": JUNK,
        "extra": JUNK,
    },
)
_VALID = [
    K,
    BusinessCalendar.always_open("America/Santiago"),
    BusinessCalendar(timezone="UTC", weekly={"sat": ["00:00-01:00"]}),
]


def _operations(calendar: BusinessCalendar, a: Any, b: Any) -> list[Callable[[], object]]:
    return [
        lambda: calendar.add(a, b),
        lambda: calendar.add_many(a, b),
        lambda: calendar.add_many([a], b),
        lambda: calendar.between(a, b),
        lambda: calendar.is_open(a),
        lambda: calendar.next_open(a),
        lambda: calendar.close_of_day(a, b),
        lambda: calendar.close_of_day(a),
        lambda: calendar.add_business_days(a, b),
        lambda: calendar.open_intervals(a, b),
        lambda: calendar.day(a),
        lambda: calendar.explain_add(a, b),
        lambda: calendar.replace(**{"weekly": a}),
    ]


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class TestFuzz:
    @FUZZ
    @given(fields=_FIELDS)
    def test_constructor_raises_only_value_errors(self, fields: dict[str, Any]) -> None:
        with contextlib.suppress(ValueError):
            BusinessCalendar(**fields)

    @FUZZ
    @given(fields=_FIELDS)
    def test_json_validation_raises_only_value_errors(self, fields: dict[str, Any]) -> None:
        with contextlib.suppress(ValueError):
            BusinessCalendar.model_validate(fields)

    @FUZZ
    @given(
        country=JUNK,
        options=st.fixed_dictionaries(
            {},
            optional={
                "timezone": JUNK,
                "hours": JUNK,
                "subdivision": JUNK,
                "categories": JUNK,
                "half_day_close": JUNK,
            },
        ),
    )
    def test_named_constructors_raise_only_value_errors(
        self, country: Any, options: dict[str, Any]
    ) -> None:
        options.setdefault("timezone", "UTC")
        builds: list[Callable[[], object]] = [
            lambda: BusinessCalendar.for_country(country, **options),
            lambda: BusinessCalendar.standard(
                options["timezone"], options.get("hours", "09:00-18:00")
            ),
            lambda: BusinessCalendar.always_open(country),
        ]
        for build in builds:
            with contextlib.suppress(ValueError):
                build()

    @FUZZ
    @given(
        calendar=st.sampled_from(_VALID),
        a=JUNK,
        # Well-typed second arguments half the time, so that junk in the first place
        # gets past the duration check.
        b=st.one_of(
            st.timedeltas(min_value=timedelta(days=-400), max_value=timedelta(days=400)),
            st.integers(-3, 3),
            JUNK,
        ),
    )
    def test_methods_raise_only_value_errors(
        self, calendar: BusinessCalendar, a: Any, b: Any
    ) -> None:
        for operation in _operations(calendar, a, b):
            with contextlib.suppress(ValueError):
                operation()


class TestTenYearLimit:
    """Durations, spans and business days past ten years are refused at once, never
    walked for seconds (a year a fresh calendar reaches costs milliseconds to build)."""

    @pytest.mark.parametrize(
        "call",
        [
            lambda: K.add(AWARE, timedelta(days=3654)),
            lambda: K.add(AWARE, -timedelta(days=3654)),
            lambda: K.add(AWARE, timedelta.max),
            lambda: K.between(AWARE, AWARE + timedelta(days=3654)),
            lambda: K.open_intervals(AWARE, AWARE + timedelta(days=3654)),
            lambda: K.close_of_day(AWARE, days=3654),
            lambda: K.add_business_days(AWARE, -3654),
            lambda: K.next_business_day(AWARE.date(), 3654),
            lambda: K.explain_add(AWARE, timedelta(days=3654)),
        ],
        ids=[
            "add",
            "add-back",
            "add-max",
            "between",
            "open_intervals",
            "close_of_day",
            "add_business_days",
            "next_business_day",
            "explain_add",
        ],
    )
    def test_longer_than_ten_years_raises_out_of_range(self, call: Callable[[], object]) -> None:
        from supportrules import OutOfRangeError

        with pytest.raises(OutOfRangeError, match=r"longer than ten years \(3653 days\)"):
            call()

    def test_a_sparse_calendar_gives_up_after_a_century(self) -> None:
        from supportrules import OutOfRangeError

        hour_a_week = BusinessCalendar(timezone="UTC", weekly={"mon": ["09:00-10:00"]})
        with pytest.raises(OutOfRangeError, match="more than a century away"):
            hour_a_week.add(AWARE, timedelta(days=3000))
        sparse = BusinessCalendar(
            timezone="UTC",
            special_days={f"{2026 + 9 * n}-01-05": ["09:00-10:00"] for n in range(20)},
        )
        with pytest.raises(OutOfRangeError, match="more than a century away"):
            sparse.next_business_day(AWARE.date(), 15)

    def test_just_under_the_limit_is_computed(self) -> None:
        always = BusinessCalendar.always_open("UTC")
        assert always.add(AWARE, timedelta(days=3653)) == AWARE + timedelta(days=3653)
