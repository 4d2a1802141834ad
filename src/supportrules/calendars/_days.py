"""The day rule of SPEC §2.1 on plain data: which hours a local date has, and why.

Precedence: special days, then explicit holidays, then each country's holidays, half
days and weekend working days, then the weekly schedule (or, where the country's
package decides the weekend per date, that weekend). Built once per calendar from its
validated fields; the engine calls it for every date of every year it builds, so it
reads plain dicts and tuples, never a pydantic model's private attributes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from supportrules.calendars._engine import Hours
from supportrules.calendars._holidays import CountryYears

__all__ = ["WEEKDAY_NAMES", "DayKind", "DayRule"]

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class DayKind(StrEnum):
    """Which rule decided a date's hours (SPEC §2.1: special > holiday > weekly)."""

    WEEKLY = "weekly"
    SPECIAL = "special_day"
    HOLIDAY = "holiday"
    HALF_DAY = "half_day"
    WEEKEND_WORKDAY = "weekend_workday"


@dataclass(frozen=True, slots=True)
class Country:
    """One country source as the rule reads it."""

    years: CountryYears
    half_day_cut: int  # seconds from midnight
    weekend_workdays: bool
    package_weekend: bool


@dataclass(frozen=True, slots=True)
class DayRule:
    """The hours of any local date, and which rule decided them."""

    special: dict[date, tuple[Hours, str]]
    closed: dict[date, str]
    weekly: tuple[Hours, ...]
    workday: Hours  # a weekend working day opens with the first weekday's hours
    countries: tuple[Country, ...]

    def __call__(self, on: date) -> tuple[Hours, DayKind, str]:
        special = self.special.get(on)
        if special is not None:
            return special[0], DayKind.SPECIAL, special[1]
        name = self.closed.get(on)
        if name is not None:
            return (), DayKind.HOLIDAY, name
        weekly = self.weekly[on.weekday()]
        if not self.countries:
            return weekly, DayKind.WEEKLY, WEEKDAY_NAMES[on.weekday()]
        tables = [(country, country.years.year(on.year)) for country in self.countries]
        for _, table in tables:
            name = table.closed.get(on)
            if name is not None:
                return (), DayKind.HOLIDAY, name
        for country, table in tables:
            if country.package_weekend:  # the package's weekend of this date and region
                if on in table.weekend:
                    weekly = ()
                elif not weekly:
                    weekly = self.workday
                break
        for country, table in tables:
            name = table.half.get(on)
            if name is not None:
                cut = country.half_day_cut
                return tuple((a, min(b, cut)) for a, b in weekly if a < cut), DayKind.HALF_DAY, name
        for country, table in tables:
            if country.weekend_workdays and on in table.workdays:
                return self.workday, DayKind.WEEKEND_WORKDAY, "weekend working day"
        return weekly, DayKind.WEEKLY, WEEKDAY_NAMES[on.weekday()]

    def hours(self, on: date) -> Hours:
        """The open intervals of ``on`` (seconds from local midnight)."""
        return self(on)[0]

    def may_open_after(self, ordinal: int) -> bool:
        """Whether any date after ``ordinal`` can have open time at all."""
        if any(self.weekly):
            return True
        if any(country.weekend_workdays for country in self.countries):
            return True  # a future year may declare a weekend working day
        return any(hours and on.toordinal() > ordinal for on, (hours, _) in self.special.items())
