"""Calendars are data (SPEC §1): frozen, hashable, JSON round-tripping, with a JSON Schema."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import holidays as holidays_package
import pytest
from pydantic import ValidationError

from supportrules import (
    BusinessCalendar,
    CountryHolidays,
    Holiday,
    InvalidScheduleError,
    SpecialDay,
    UnknownTimezoneError,
)
from supportrules.errors import SupportRulesError

ISTANBUL = ZoneInfo("Europe/Istanbul")
K = BusinessCalendar.standard("Europe/Kyiv", "09:00-18:00")

CALENDARS = [
    pytest.param(K, id="plain"),
    pytest.param(BusinessCalendar.always_open("Europe/Amsterdam"), id="always-open"),
    pytest.param(
        BusinessCalendar(
            timezone="Europe/Kyiv", weekly={"mon": ["22:00-24:00"], "tue": ["00:00-06:00"]}
        ),
        id="overnight",
    ),
    pytest.param(
        BusinessCalendar(
            timezone="Europe/Kyiv",
            weekly={d: ["09:00-12:00", "13:00-18:00"] for d in range(5)},
            holidays=[
                Holiday(on=date(2026, 12, 25), name="Christmas"),
                date(2026, 12, 31),
                "2027-01-01",
            ],
            special_days={
                "2026-12-24": ["09:00-13:00"],
                date(2026, 12, 26): [],
            },
            name="Support desk",
        ),
        id="holidays-and-special-days",
    ),
    pytest.param(
        BusinessCalendar.for_country("TR", timezone="Europe/Istanbul", hours="09:00-18:00"),
        id="for-country",
    ),
    pytest.param(
        BusinessCalendar.for_country(
            "US",
            subdivision="CA",
            timezone="America/Los_Angeles",
            hours=["08:00-12:00", "13:00-17:00"],
            categories=("public",),
            half_day_close="12:00",
            special_days={"2026-12-24": ["08:00-12:00"]},
        ),
        id="for-country-with-subdivision",
    ),
    pytest.param(
        BusinessCalendar.for_country(
            "UA", timezone="Europe/Kyiv", weekend_workdays=False, observed=False
        ),
        id="for-country-without-weekend-workdays",
    ),
]

PROBES = [
    datetime(2026, 10, 28, 11, tzinfo=UTC),
    datetime(2026, 12, 23, 16, tzinfo=UTC),
    datetime(2026, 12, 31, 23, tzinfo=UTC),
    datetime(2027, 3, 28, 1, 30, tzinfo=UTC),
]


def behaviour(calendar: BusinessCalendar) -> list[object]:
    """A fingerprint of what a calendar does on a few instants."""
    result: list[object] = []
    for at in PROBES:
        result += [
            calendar.add(at, timedelta(hours=20)),
            calendar.add(at, timedelta(hours=-20)),
            calendar.is_open(at),
            calendar.close_of_day(at),
            calendar.between(at, at + timedelta(days=10)),
        ]
    return result


class TestJsonRoundTrip:
    @pytest.mark.parametrize("calendar", CALENDARS)
    def test_round_trip_is_equal_hashes_equal_and_behaves_the_same(
        self, calendar: BusinessCalendar
    ) -> None:
        text = calendar.model_dump_json()
        restored = BusinessCalendar.model_validate_json(text)
        assert restored == calendar
        assert hash(restored) == hash(calendar)
        assert restored.model_dump_json() == text
        assert behaviour(restored) == behaviour(calendar)

    @pytest.mark.parametrize("calendar", CALENDARS)
    def test_python_round_trip(self, calendar: BusinessCalendar) -> None:
        assert BusinessCalendar.model_validate(calendar.model_dump()) == calendar
        assert BusinessCalendar(**calendar.model_dump()) == calendar

    def test_json_is_plain_readable_data(self) -> None:
        data = json.loads(
            K.replace(
                holidays=["2026-12-25"], special_days={"2026-12-24": ["09:00-13:00"]}
            ).model_dump_json()
        )
        assert data["timezone"] == "Europe/Kyiv"
        assert data["weekly"]["mon"] == ["09:00-18:00"]
        assert "sat" not in data["weekly"]  # days left out are closed
        assert data["holidays"] == [{"on": "2026-12-25", "name": "holiday"}]
        assert data["special_days"][0]["on"] == "2026-12-24"
        assert data["special_days"][0]["hours"] == ["09:00-13:00"]

    def test_for_country_keeps_the_description_not_the_dates(self) -> None:
        data = json.loads(
            BusinessCalendar.for_country("TR", timezone="Europe/Istanbul").model_dump_json()
        )
        assert data["holidays"] == []
        assert data["country_holidays"]["country"] == "TR"
        assert data["country_holidays"]["categories"] == ["public", "half_day"]
        assert data["country_holidays"]["half_day_close"] == "13:00"

    def test_for_country_from_json_keeps_its_half_day_and_holiday(self) -> None:
        # SPEC §2.4 calendar T, written by one service and read by another.
        text = BusinessCalendar.for_country(
            "TR", timezone="Europe/Istanbul", hours="09:00-18:00"
        ).model_dump_json()
        restored = BusinessCalendar.model_validate_json(text)
        start = datetime(2026, 10, 28, 11, tzinfo=ISTANBUL)
        assert restored.add(start, timedelta(hours=8)) == datetime(
            2026, 10, 30, 15, tzinfo=ISTANBUL
        )

    def test_hand_written_json(self) -> None:
        text = """
        {"timezone": "Europe/Kyiv",
         "weekly": {"mon": ["9:00-18:00"], "tue": ["09:00-18:00"], "wed": "09:00-18:00",
                    "thu": ["09:00-18:00"], "fri": ["09:00-18:00"]},
         "holidays": ["2026-12-25"],
         "special_days": [{"on": "2026-12-24", "hours": ["09:00-13:00"]}]}
        """
        calendar = BusinessCalendar.model_validate_json(text)
        assert calendar == K.replace(
            holidays=[date(2026, 12, 25)], special_days={"2026-12-24": ["09:00-13:00"]}
        )

    def test_unknown_fields_are_refused(self) -> None:
        with pytest.raises(SupportRulesError, match="hours"):
            BusinessCalendar.model_validate_json('{"timezone": "UTC", "hours": "09:00-18:00"}')


class TestJsonSchema:
    SCHEMA: dict[str, Any] = BusinessCalendar.model_json_schema()

    def test_exports_a_schema(self) -> None:
        json.dumps(self.SCHEMA)  # plain JSON
        assert self.SCHEMA["type"] == "object"
        assert self.SCHEMA["required"] == ["timezone"]
        assert self.SCHEMA["additionalProperties"] is False

    def test_every_field_of_a_dump_is_in_the_schema(self) -> None:
        dumped = json.loads(CALENDARS[3].values[0].model_dump_json())  # type: ignore[union-attr]
        assert set(dumped) <= set(self.SCHEMA["properties"])

    def test_weekly_is_described_by_weekday(self) -> None:
        # An object {weekday: intervals} with the weekday in any spelling the validator
        # reads, or a list of seven days; one interval may be a plain string.
        by_day, seven_days = self.SCHEMA["properties"]["weekly"]["anyOf"]
        assert by_day["type"] == "object"
        keys = re.compile(by_day["propertyNames"]["pattern"])
        assert all(keys.search(key) for key in ("mon", "Monday", " sun ", "0", "6"))
        assert not any(keys.search(key) for key in ("7", "funday", "mo"))
        assert {option["type"] for option in by_day["additionalProperties"]["anyOf"]} == {
            "string",
            "array",
        }
        assert seven_days["type"] == "array"
        assert seven_days["minItems"] == seven_days["maxItems"] == 7

    def test_nested_descriptions_are_exported(self) -> None:
        definitions = self.SCHEMA["$defs"]
        assert {"Holiday", "SpecialDay", "CountryHolidays"} <= set(definitions)
        assert definitions["CountryHolidays"]["required"] == ["country"]
        assert definitions["SpecialDay"]["properties"]["on"]["format"] == "date"


class TestIdentity:
    def test_equal_descriptions_are_equal_however_spelled(self) -> None:
        a = BusinessCalendar(
            timezone="Europe/Kyiv",
            weekly={"mon": "9:00-18:00"},
            holidays=["2026-12-25", "2026-12-24"],
        )
        b = BusinessCalendar(
            timezone="Europe/Kyiv",
            weekly={0: ["09:00-18:00"]},
            holidays=[date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 25)],
        )
        assert a == b
        assert hash(a) == hash(b)
        assert len({a, b}) == 1

    def test_different_calendars_differ(self) -> None:
        assert K.replace(timezone="Europe/Istanbul") != K
        assert K.replace(holidays=[date(2026, 12, 25)]) != K
        assert K.replace(name="other") != K

    def test_a_used_calendar_equals_a_fresh_one(self) -> None:
        # The precomputed years are a private memo, not part of the value.
        used = BusinessCalendar.for_country("TR", timezone="Europe/Istanbul")
        used.add(datetime(2026, 1, 1, tzinfo=UTC), timedelta(hours=5000))
        fresh = BusinessCalendar.for_country("TR", timezone="Europe/Istanbul")
        assert used == fresh
        assert hash(used) == hash(fresh)

    def test_usable_as_a_dict_key(self) -> None:
        by_calendar = {K: "kyiv", BusinessCalendar.always_open("UTC"): "always"}
        assert by_calendar[BusinessCalendar.standard("Europe/Kyiv")] == "kyiv"


class TestImmutability:
    @pytest.mark.parametrize(
        ("field", "value"),
        [("timezone", "UTC"), ("weekly", ((),) * 7), ("holidays", ()), ("name", "x")],
        ids=["timezone", "weekly", "holidays", "name"],
    )
    def test_fields_cannot_be_assigned(self, field: str, value: object) -> None:
        calendar = BusinessCalendar.standard("Europe/Kyiv")
        with pytest.raises(ValidationError, match="frozen"):
            setattr(calendar, field, value)
        assert calendar == K

    def test_containers_are_tuples(self) -> None:
        calendar = CALENDARS[3].values[0]
        assert isinstance(calendar, BusinessCalendar)
        assert isinstance(calendar.weekly, tuple)
        assert all(isinstance(d, tuple) for d in calendar.weekly)
        assert isinstance(calendar.holidays, tuple)
        assert isinstance(calendar.special_days, tuple)
        assert all(isinstance(s.hours, tuple) for s in calendar.special_days)

    def test_nested_values_are_frozen(self) -> None:
        special = SpecialDay(on="2026-12-24", hours=["09:00-13:00"])
        with pytest.raises(ValidationError, match="frozen"):
            special.hours = ()  # type: ignore[misc]
        country = CountryHolidays(country="TR")
        with pytest.raises(ValidationError, match="frozen"):
            country.country = "UA"  # type: ignore[misc]

    def test_a_holidays_object_given_in_is_not_mutated(self) -> None:
        # holidays objects fill themselves on lookup; the calendar keeps its own.
        source = holidays_package.country_holidays("TR", years=2026)
        before = dict(source)
        calendar = BusinessCalendar(
            timezone="Europe/Istanbul",
            weekly={d: ["09:00-18:00"] for d in range(5)},
            holidays=source,
        )
        calendar.add(datetime(2026, 12, 1, tzinfo=UTC), timedelta(hours=2000))
        assert dict(source) == before
        assert calendar.country_holidays == CountryHolidays(country="TR", categories=("public",))

    def test_a_holidays_object_without_a_country_gives_its_dates(self) -> None:
        source = holidays_package.HolidayBase()
        source[date(2026, 5, 5)] = "Company day"
        calendar = BusinessCalendar(timezone="UTC", weekly={1: ["09:00-18:00"]}, holidays=source)
        assert calendar.holidays == (Holiday(on=date(2026, 5, 5), name="Company day"),)
        assert not calendar.is_open(datetime(2026, 5, 5, 10, tzinfo=UTC))


class TestReplace:
    def test_replace_returns_a_new_calendar(self) -> None:
        changed = K.replace(holidays=[date(2026, 11, 18)])
        wednesday = datetime(2026, 11, 18, 10, tzinfo=ZoneInfo("Europe/Kyiv"))
        assert not changed.is_open(wednesday)
        assert K.is_open(wednesday)
        assert K.holidays == ()

    def test_replace_revalidates_the_zone(self) -> None:
        with pytest.raises(UnknownTimezoneError, match="'Europe/Kyyiv'"):
            K.replace(timezone="Europe/Kyyiv")

    def test_replace_revalidates_intervals(self) -> None:
        with pytest.raises(InvalidScheduleError, match="'18:00-09:00'"):
            K.replace(weekly={"mon": "18:00-09:00"})
        with pytest.raises(InvalidScheduleError, match="overlaps"):
            K.replace(special_days={"2026-12-24": ["09:00-13:00", "12:00-14:00"]})

    def test_replace_refuses_unknown_fields(self) -> None:
        with pytest.raises(SupportRulesError, match="hours"):
            K.replace(hours="09:00-18:00")

    def test_replace_normalises_like_the_constructor(self) -> None:
        assert K.replace(weekly={"mon": "9:00-18:00"}).weekly[0] == ("09:00-18:00",)


class TestRepr:
    def test_plain(self) -> None:
        assert repr(K) == "BusinessCalendar('Europe/Kyiv', mon-fri 09:00-18:00)"
        assert str(K) == repr(K)

    def test_mixed_days_name_holidays_and_special_days(self) -> None:
        calendar = BusinessCalendar(
            timezone="UTC",
            weekly={
                "mon": "09:00-12:00",
                "tue": "09:00-12:00",
                "sat": ["10:00-11:00", "12:00-13:00"],
            },
            holidays=["2026-12-25", "2026-12-26"],
            special_days={"2026-12-24": []},
            name="Desk",
        )
        text = repr(calendar)
        assert text.startswith("BusinessCalendar('Desk', 'UTC', ")
        assert "mon-tue 09:00-12:00" in text
        assert "sat 10:00-11:00 12:00-13:00" in text
        assert "2 holidays" in text
        assert "special day" in text

    def test_country(self) -> None:
        text = repr(BusinessCalendar.for_country("TR", timezone="Europe/Istanbul"))
        assert "'Europe/Istanbul'" in text
        assert "TR" in text
        assert "half_day" in text

    def test_never_open(self) -> None:
        assert "never open" in repr(BusinessCalendar(timezone="UTC"))
