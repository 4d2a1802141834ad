"""Business calendars, whatever they are given, answer or raise a ``SupportRulesError``
(SPEC §1, §2.5): the constructor, ``model_validate``, ``model_validate_json``, the named
constructors, and every operation of a valid calendar, in reasonable time (SPEC §2.6).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supportrules import BusinessCalendar

from .strategies import (
    aware_datetimes,
    durations,
    fuzz_settings,
    integers,
    json_documents,
    json_values,
    nearly_valid,
    only_our_errors,
    python_values,
    warm_up,
)

WORDS = (
    "mon",
    "tue",
    "sat",
    "sun",
    "Monday",
    "funday",
    "on",
    "hours",
    "name",
    "country",
    "subdivision",
    "categories",
    "half_day_close",
    "09:00-13:00",
    "13:00-09:00",
    "22:00-24:00",
    "TR",
    "UA",
    "US",
    "CA",
    "ON",
    "optional",
    "bank",
    "Europe/Istanbul",
)
COUNTRIES = ("TR", "UA", "US", "NL", "IL", "XX", "tr")

# Valid calendars, built and warmed up once here: building a country's calendar imports
# its holidays module, and each year of a calendar is computed on first use; neither may
# count against the deadline of the first example that happens to need it.
VALID: list[BusinessCalendar] = [
    BusinessCalendar.standard("Europe/Kyiv", "09:00-18:00"),
    BusinessCalendar.always_open("America/Santiago"),
    BusinessCalendar(timezone="UTC", weekly={"sat": ["00:00-01:00"]}),
    BusinessCalendar(
        timezone="Pacific/Apia",
        weekly={day: ["09:00-12:00", "13:00-17:00"] for day in range(5)},
        holidays=["2026-12-25", {"on": "2026-01-01", "name": "New Year"}],
        special_days={"2026-12-24": ["09:00-13:00"], "2026-12-26": []},
        name="Apia",
    ),
    BusinessCalendar.for_country("TR", timezone="Europe/Istanbul"),
    BusinessCalendar(timezone="UTC"),  # never opens
]
for _code in COUNTRIES:
    with contextlib.suppress(ValueError):  # XX is no country
        BusinessCalendar.for_country(_code, timezone="UTC").is_open(
            datetime(2026, 1, 1, tzinfo=UTC)
        )
for _calendar in VALID:
    warm_up(_calendar)

JUNK = python_values(WORDS, extra=st.sampled_from(VALID))
PAYLOADS = st.one_of(
    nearly_valid([c.model_dump() for c in VALID], JUNK),
    nearly_valid([c.model_dump(mode="json") for c in VALID], JUNK),
    JUNK,
)
JSON_PAYLOADS = st.one_of(
    nearly_valid([c.model_dump(mode="json") for c in VALID], json_values(WORDS)),
    json_values(WORDS),
)

INSTANTS = st.one_of(aware_datetimes(), JUNK)
DURATIONS = st.one_of(durations(), JUNK)
DAYS = st.one_of(st.integers(-400, 400), integers(), JUNK)
DATES = st.one_of(st.dates(), st.dates(date(2024, 1, 1), date(2028, 12, 31)), JUNK)

# The operations of SPEC §2.2 and §2.7 with the kind of each argument. Those of §2.7 are
# fuzzed as soon as the calendar has them.
SIGNATURES: dict[str, tuple[st.SearchStrategy[Any], ...]] = {
    "add": (INSTANTS, DURATIONS),
    "add_many": (st.one_of(st.lists(INSTANTS, max_size=3), JUNK), DURATIONS),
    "between": (INSTANTS, INSTANTS),
    "is_open": (INSTANTS,),
    "next_open": (INSTANTS,),
    "close_of_day": (INSTANTS, DAYS),
    "add_business_days": (INSTANTS, DAYS),
    "business_day_of": (INSTANTS,),
    "next_business_day": (DATES, DAYS),
    "open_intervals": (INSTANTS, INSTANTS),
    "day": (DATES,),
    "explain_add": (INSTANTS, DURATIONS),
}
OPTIONAL_SIGNATURES: dict[str, tuple[st.SearchStrategy[Any], ...]] = {
    "previous_close": (INSTANTS,),
    "next_close": (INSTANTS,),
    "previous_open": (INSTANTS,),
    "closed_between": (INSTANTS, INSTANTS),
    "is_business_day": (DATES,),
    "previous_business_day": (DATES,),
    "business_days_between": (DATES, DATES),
    "business_days": (DATES, DATES),
    "between_many": (
        st.one_of(st.lists(INSTANTS, max_size=3), JUNK),
        st.one_of(st.lists(INSTANTS, max_size=3), JUNK),
    ),
}
SIGNATURES.update(
    {name: args for name, args in OPTIONAL_SIGNATURES.items() if hasattr(BusinessCalendar, name)}
)


def called(calendar: BusinessCalendar, name: str, *args: Any) -> object:
    """``calendar.<name>(*args)``, with an iterator answer read to its end."""
    result = getattr(calendar, name)(*args)
    if isinstance(result, Iterator):
        return list(result)
    return result


def built(**fields: Any) -> BusinessCalendar:
    """``BusinessCalendar(**fields)``, used once (a calendar computes its years lazily)."""
    calendar = BusinessCalendar(**fields)
    calendar.is_open(datetime(2026, 11, 18, 10, tzinfo=UTC))
    return calendar


FUZZ = fuzz_settings(max_examples=50)
FEW = fuzz_settings(max_examples=25)


class TestConstruction:
    @FUZZ
    @given(payload=PAYLOADS)
    def test_constructor_raises_only_our_errors(self, payload: Any) -> None:
        if isinstance(payload, dict) and all(isinstance(key, str) for key in payload):
            only_our_errors(built, **payload)
        else:
            only_our_errors(built, timezone="UTC", weekly=payload)

    @FUZZ
    @given(payload=PAYLOADS)
    def test_model_validate_raises_only_our_errors(self, payload: Any) -> None:
        only_our_errors(BusinessCalendar.model_validate, payload)

    @FUZZ
    @given(document=json_documents(JSON_PAYLOADS))
    def test_model_validate_json_raises_only_our_errors(self, document: str | bytes) -> None:
        only_our_errors(BusinessCalendar.model_validate_json, document)

    @FUZZ
    @given(
        timezone=st.one_of(st.sampled_from(["UTC", "Europe/Kyiv"]), JUNK),
        hours=st.one_of(st.sampled_from(["09:00-18:00", "00:00-24:00"]), JUNK),
        workdays=st.one_of(st.sampled_from([("mon", "fri"), range(7)]), JUNK),
    )
    def test_standard_and_always_open_raise_only_our_errors(
        self, timezone: Any, hours: Any, workdays: Any
    ) -> None:
        only_our_errors(BusinessCalendar.standard, timezone, hours, workdays=workdays)
        only_our_errors(BusinessCalendar.always_open, timezone)

    @FEW
    @given(
        country=st.one_of(st.sampled_from(COUNTRIES), JUNK),
        options=st.fixed_dictionaries(
            {"timezone": st.one_of(st.just("Europe/Istanbul"), JUNK)},
            optional={
                "hours": JUNK,
                "subdivision": JUNK,
                "categories": JUNK,
                "half_day_close": JUNK,
                "observed": JUNK,
                "weekend_workdays": JUNK,
                "name": JUNK,
            },
        ),
    )
    def test_for_country_raises_only_our_errors(self, country: Any, options: Any) -> None:
        only_our_errors(BusinessCalendar.for_country, country, **options)


class TestOperations:
    @pytest.mark.parametrize("name", sorted(SIGNATURES))
    @FEW
    @given(calendar=st.sampled_from(VALID), data=st.data())
    def test_operation_raises_only_our_errors(
        self, name: str, calendar: BusinessCalendar, data: st.DataObject
    ) -> None:
        args = data.draw(st.tuples(*SIGNATURES[name]), label="args")
        only_our_errors(called, calendar, name, *args)

    @FEW
    @given(
        calendar=st.sampled_from(VALID),
        changes=st.dictionaries(
            st.sampled_from(["timezone", "weekly", "holidays", "special_days", "name"]),
            JUNK,
            max_size=2,
        ),
    )
    def test_replace_raises_only_our_errors(
        self, calendar: BusinessCalendar, changes: dict[str, Any]
    ) -> None:
        only_our_errors(calendar.replace, **changes)
