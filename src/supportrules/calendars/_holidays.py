"""The ``holidays`` package behind a read-only view that is safe to share between threads.

A ``holidays`` object is a mutable, self-expanding dict: a lookup in a year it has not
seen marks the year loaded *before* it fills it, and fills it through attributes of the
object (``self._year``) that a second thread would overwrite halfway. Two threads that
read one object at once therefore see a year with holidays missing (and keep it), or
an exception from inside the package. So we never hand such an object out and never
read it without a lock: every call into the package holds :data:`PACKAGE_LOCK`, and
what a calendar reads is a :class:`YearTable` of plain, immutable values, built once per
year under that lock and then published.

One lock for the whole package, not one per object: the package keeps class-level
tables too, a year loads once per calendar, and afterwards no read takes the lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any, TypeVar

import holidays as holidays_package

from supportrules.calendars._engine import built_once

__all__ = ["PACKAGE_LOCK", "CountryYears", "YearTable", "locked"]

PACKAGE_LOCK = threading.RLock()
"""Held around every call into the ``holidays`` package (see the module docstring)."""

_T = TypeVar("_T")


def locked(call: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
    """``call(*args, **kwargs)`` with :data:`PACKAGE_LOCK` held."""
    with PACKAGE_LOCK:
        return call(*args, **kwargs)


@dataclass(frozen=True, slots=True)
class YearTable:
    """What one source of public holidays says about the dates of one year."""

    closed: Mapping[date, str]  # dates that close, with their names
    half: Mapping[date, str]  # half days, with their names
    workdays: frozenset[date]  # weekend days worked in exchange for a bridge day
    weekend: frozenset[date]  # the package's weekend days (per date and subdivision)


def _names(source: holidays_package.HolidayBase | None, year: int) -> Mapping[date, str]:
    if source is None:
        return MappingProxyType({})
    return MappingProxyType({day: name for day, name in source.items() if day.year == year})


class CountryYears:
    """A country's holidays, one :class:`YearTable` per year, built on first use.

    ``closing`` and ``half`` are private ``holidays`` objects that only this view touches,
    and only under :data:`PACKAGE_LOCK`. ``weekend`` says whether the table lists the
    package's weekend days (they cost a lookup per date, so only when asked).
    """

    __slots__ = ("_closing", "_half", "_weekend", "_years")

    def __init__(
        self,
        closing: holidays_package.HolidayBase | None,
        half: holidays_package.HolidayBase | None,
        *,
        weekend: bool,
    ) -> None:
        self._closing = closing
        self._half = half
        self._weekend = weekend
        self._years: dict[int, YearTable] = {}

    def year(self, year: int) -> YearTable:
        """The table of ``year``: read without a lock once built, built under the lock."""
        found = self._years.get(year)
        if found is not None:
            return found
        return built_once(self._years, year, PACKAGE_LOCK, self._build)

    def _build(self, year: int) -> YearTable:
        # An observed day can fall into the neighbouring year (1 January on a Saturday is
        # observed on Friday 31 December), so the years on both sides load first.
        for source in (self._closing, self._half):
            if source is not None:
                _load(source, (year - 1, year, year + 1))
        # Weekend working days and weekend days are the country's, whichever object asks.
        country = self._closing if self._closing is not None else self._half
        workdays: frozenset[date] = frozenset()
        weekend: frozenset[date] = frozenset()
        if country is not None:
            workdays = frozenset(day for day in country.weekend_workdays if day.year == year)
            if self._weekend:
                weekend = frozenset(day for day in _dates_of(year) if country.is_weekend(day))
        return YearTable(_names(self._closing, year), _names(self._half, year), workdays, weekend)


def _dates_of(year: int) -> Iterable[date]:
    first = date(year, 1, 1).toordinal()
    last = date(year, 12, 31).toordinal()
    return (date.fromordinal(ordinal) for ordinal in range(first, last + 1))


def _load(source: holidays_package.HolidayBase, years: Iterable[int]) -> None:
    """Make ``source`` fill ``years`` (a lookup expands it); the caller holds the lock."""
    for year in years:
        if 1 <= year <= 9999 and year not in source.years:
            source.get(date(year, 1, 1))
