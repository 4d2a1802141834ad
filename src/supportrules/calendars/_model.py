"""The business calendar: a frozen, JSON-round-tripping description plus a fast engine.

The model holds the *description* (zone, weekly hours, holidays, special days, a
country's public holidays); the private :class:`~._engine.Engine` holds the precomputed
open time and does the arithmetic on integers. See ``docs/concepts.md`` for the
semantics and the reasoning behind each choice.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Annotated, Any, Self

import holidays as holidays_package
from pydantic import (
    Field,
    PrivateAttr,
    field_serializer,
    field_validator,
    model_validator,
)

from supportrules._model import Flag, Frozen, items_of, require_aware, zone_key
from supportrules._schema import (
    CLOCK,
    DAY_HOURS,
    INTERVAL,
    DatedEntries,
    Schemas,
    words_pattern,
)
from supportrules.calendars._days import Country, DayKind, DayRule
from supportrules.calendars._engine import (
    EPOCH,
    US,
    Engine,
    from_us,
)
from supportrules.calendars._holidays import PACKAGE_LOCK, CountryYears, locked
from supportrules.calendars._schedule import (
    _FULL_NAMES,
    WEEKDAY_NAMES,
    as_date,
    dated_entries,
    format_interval,
    normalize_day,
    normalize_weekly,
    parse_clock,
    parse_day,
    weekday_index,
)
from supportrules.errors import (
    InvalidDurationError,
    InvalidScheduleError,
    UnknownCountryError,
    UnknownValueError,
    shown,
)
from supportrules.explain import Decision, Reason, format_duration, format_instant

__all__ = [
    "BusinessCalendar",
    "CountryHolidays",
    "DayKind",
    "DaySchedule",
    "Deadline",
    "Holiday",
    "SpecialDay",
]

_HALF_DAY = "half_day"
_UNNAMED_SPECIAL = "special day"
_MAX_LISTED_DAYS = 8


def instant(value: object, field: str) -> int:
    """Microseconds since the epoch of an aware datetime (or an ISO string with an offset);
    anything else raises :class:`NaiveDatetimeError` naming ``field``."""
    try:
        delta: timedelta = value - EPOCH  # type: ignore[operator]
    except TypeError:  # naive, a date, a string, anything else: say precisely what
        delta = require_aware(value, field) - EPOCH
    return (delta.days * 86_400 + delta.seconds) * US + delta.microseconds


def duration_us(value: object, field: str = "duration") -> int:
    """Microseconds of a ``timedelta``; anything else is refused."""
    if not isinstance(value, timedelta):
        raise InvalidDurationError.for_field(field, value)
    return (value.days * 86_400 + value.seconds) * US + value.microseconds


class Holiday(Frozen):
    """A date on which the business is closed.

    >>> Holiday(on=date(2026, 12, 25), name="Christmas").on.isoformat()
    '2026-12-25'
    """

    on: date
    name: str = "holiday"

    @field_validator("on", mode="before")
    @classmethod
    def _date(cls, value: Any) -> date:
        return as_date(value, "holidays")


class SpecialDay(Frozen):
    """Hours that replace the weekly schedule on one date: a half day, a working
    Saturday, or ``()`` for closed.

    >>> SpecialDay(on="2026-12-24", hours=["9:00-13:00"]).hours
    ('09:00-13:00',)
    """

    on: date
    hours: Annotated[
        tuple[str, ...],
        Schemas(validation=DAY_HOURS, serialization={"type": "array", "items": INTERVAL}),
    ] = ()
    name: str = _UNNAMED_SPECIAL

    @field_validator("on", mode="before")
    @classmethod
    def _date(cls, value: Any) -> date:
        return as_date(value, "special_days")

    @model_validator(mode="before")
    @classmethod
    def _hours(cls, data: Any) -> Any:
        if isinstance(data, Mapping) and "hours" in data:
            on = data.get("on")
            data = {**data, "hours": normalize_day(data["hours"], f"special_days[{on}].hours")}
        return data


class CountryHolidays(Frozen):
    """Public holidays, half days and weekend working days from the ``holidays`` package.

    Dates of every category except ``half_day`` close the day; ``half_day`` dates
    close at ``half_day_close``; the country's weekend working days (a Saturday worked
    in exchange for a bridge day) open with the normal workday hours. With
    ``package_weekend`` the package also says which dates are the weekend, per date and
    subdivision (Friday–Saturday in Kelantan, in the UAE before 2022): those close, and
    the other days open with the workday hours. ``language`` names the holidays.

    >>> CountryHolidays(country="tr", categories=("public", "half_day")).country
    'TR'
    """

    country: str
    subdivision: str | None = None
    categories: tuple[str, ...] = ("public",)
    observed: Flag = True
    half_day_close: Annotated[str, Schemas(validation=CLOCK, serialization=CLOCK)] = "13:00"
    weekend_workdays: Flag = True
    package_weekend: Flag = False
    language: str | None = None

    @field_validator("country", mode="before")
    @classmethod
    def _known_country(cls, value: Any) -> str:
        supported = holidays_package.list_supported_countries()
        code = value.strip().upper() if isinstance(value, str) else value
        if not isinstance(code, str) or code not in supported:
            raise UnknownCountryError.for_code(
                value if isinstance(value, str) else shown(value), supported
            )
        return code

    @field_validator("half_day_close", mode="before")
    @classmethod
    def _clock(cls, value: Any) -> str:
        parse_clock(value, "half_day_close")
        assert isinstance(value, str)
        return value.strip()

    @model_validator(mode="after")
    def _known_subdivision_and_categories(self) -> Self:
        probe = self._build(())  # the default category: checks the subdivision alone
        supported = tuple(sorted(probe.supported_categories))
        for category in self.categories:
            if category not in supported:
                raise UnknownValueError.for_value("categories", category, supported)
        if self.language is not None and self.language not in probe.supported_languages:
            raise UnknownValueError.for_value(
                "language", self.language, sorted(probe.supported_languages)
            )
        return self

    def _build(
        self, categories: tuple[str, ...], years: Iterable[int] = ()
    ) -> holidays_package.HolidayBase:
        """A fresh ``holidays`` object of these settings (built under the package lock)."""
        try:
            return locked(
                holidays_package.country_holidays,
                self.country,
                subdiv=self.subdivision,
                years=tuple(years) or None,
                categories=categories or None,
                observed=self.observed,
                language=self.language,
            )
        except NotImplementedError:
            known = holidays_package.list_supported_countries().get(self.country, [])
            raise UnknownValueError.for_value(
                f"subdivision of {self.country}", self.subdivision, known
            ) from None

    def years(self) -> CountryYears:
        """A fresh, private, thread-safe view of these holidays, one year at a time."""
        closing = tuple(c for c in self.categories if c != _HALF_DAY)
        return CountryYears(
            self._build(closing) if closing else None,
            self._build((_HALF_DAY,)) if _HALF_DAY in self.categories else None,
            weekend=self.package_weekend,
        )

    @classmethod
    def from_holidays(cls, source: holidays_package.HolidayBase) -> CountryHolidays:
        """The description of a country's ``holidays`` object (its settings, not its dates;
        see :func:`describe_holidays` for the dates a caller added)."""
        return cls(
            country=source.country,
            subdivision=source.subdiv,
            categories=tuple(sorted(source.categories)),
            observed=bool(source.observed),
            language=source.language,
        )

    def fresh_dates(self, years: Iterable[int]) -> dict[date, str]:
        """The dates (with names) the package gives these settings in ``years``."""
        wanted = tuple(sorted(years))
        if not wanted:
            return {}
        return dict(locked(lambda: dict(self._build(self.categories, wanted).items())))


def describe_holidays(
    source: holidays_package.HolidayBase,
) -> tuple[tuple[CountryHolidays, ...], dict[date, str]]:
    """What a caller's ``holidays`` object says, as descriptions a calendar can keep.

    A country's object (or a sum of them, ``holidays.US(subdiv="CA") +
    holidays.US(subdiv="NY")``) becomes :class:`CountryHolidays` settings, whose years load
    lazily; dates the caller added to it (``hb[date(2026, 12, 23)] = "Company day"``)
    or renamed come back as explicit holidays. A date the caller removed from it cannot
    be kept by a lazily loading description, so it is refused, never dropped silently.
    An object without a country holds just its dates.
    """
    with PACKAGE_LOCK:  # reading a caller's object must not race a lookup that fills it
        operands = list(getattr(source, "holidays", None) or [source])
        dates = dict(source.items())
        years = set(source.years)
    if any(getattr(operand, "market", None) for operand in operands):
        raise InvalidScheduleError(
            "holidays: a financial-market holidays object loads its years lazily, which a "
            "calendar cannot describe; pass its dates for the years you need, e.g. "
            "holidays=dict(holidays.financial_holidays('NYSE', years=range(2026, 2031)))"
        )
    countries = tuple(
        CountryHolidays.from_holidays(operand)
        for operand in operands
        if getattr(operand, "country", None)
    )
    if not countries:
        if not dates:
            raise InvalidScheduleError(
                "holidays: this holidays object has no country and no dates loaded; pass "
                "holidays.country_holidays(...) or a list of dates"
            )
        return (), dates
    fresh: dict[date, str] = {}
    for country in countries:
        for day, name in country.fresh_dates(years).items():
            fresh[day] = fresh[day] + "; " + name if day in fresh else name
    removed = sorted(day for day in fresh if day not in dates)
    if removed:
        listed = ", ".join(day.isoformat() for day in removed[:5])
        raise InvalidScheduleError(
            f"holidays: {listed} {'was' if len(removed) == 1 else 'were'} removed from the "
            "holidays object; a calendar loads the country's years afresh and would close "
            "them again. Pass the country's holidays unchanged and open those dates with "
            "special_days instead"
        )
    added = {day: name for day, name in dates.items() if fresh.get(day) != name}
    return countries, added


class DaySchedule(Frozen):
    """What one local date looks like in a calendar, and which rule decided it."""

    on: date
    kind: DayKind
    name: str
    hours: tuple[str, ...]
    open_time: timedelta
    opens_at: datetime | None
    closes_at: datetime | None

    @property
    def is_business_day(self) -> bool:
        """Whether the date has any open time."""
        return self.open_time > timedelta(0)


class Deadline(Decision):
    """The result of :meth:`BusinessCalendar.explain_add`: the instant and why."""

    start: datetime
    duration: timedelta
    result: datetime


_WeeklySchema = Schemas(
    validation={
        "description": "Open intervals per weekday: {day: ['HH:MM-HH:MM', ...]} with the "
        "days as 'mon'…'sun', 'monday'…'sunday' (any case) or '0'…'6' (Monday = 0), and "
        "one interval also as a string; days left out are closed. Or a list of seven days.",
        "anyOf": [
            {
                "type": "object",
                "propertyNames": {
                    "type": "string",
                    "pattern": words_pattern(
                        [*WEEKDAY_NAMES, *_FULL_NAMES], "lower", alternatives=["0*[0-6]"]
                    ),
                },
                "additionalProperties": DAY_HOURS,
            },
            {"type": "array", "items": DAY_HOURS, "minItems": 7, "maxItems": 7},
        ],
    },
)


class BusinessCalendar(Frozen):
    """Business hours in one time zone, with holidays and special days (SPEC §2).

    Open at instant ``t`` iff ``t``'s wall-clock reading in ``timezone`` falls inside
    ``[start, end)`` of an open interval of that local date.

    >>> from datetime import datetime, timedelta
    >>> from zoneinfo import ZoneInfo
    >>> kyiv = ZoneInfo("Europe/Kyiv")
    >>> k = BusinessCalendar(timezone="Europe/Kyiv", weekly={d: ["09:00-18:00"] for d in range(5)})
    >>> k.add(datetime(2026, 11, 18, 15, 30, tzinfo=kyiv), timedelta(hours=12))
    datetime.datetime(2026, 11, 20, 9, 30, tzinfo=zoneinfo.ZoneInfo(key='Europe/Kyiv'))
    >>> k.between(datetime(2026, 11, 20, 17, tzinfo=kyiv), datetime(2026, 11, 23, 10, tzinfo=kyiv))
    datetime.timedelta(seconds=7200)
    """

    timezone: str
    # Closed every day unless given; the factory keeps the schema's default an object.
    weekly: Annotated[tuple[tuple[str, ...], ...], _WeeklySchema] = Field(
        default_factory=dict, validate_default=True
    )
    holidays: Annotated[
        tuple[Holiday, ...],
        DatedEntries(
            {"type": "string", "description": "the holiday's name"},
            bare_dates=True,
            description="Closed dates: a list of {on, name} objects or dates, or an "
            "object {date: name}.",
        ),
    ] = ()
    special_days: Annotated[
        tuple[SpecialDay, ...],
        DatedEntries(
            DAY_HOURS,
            description="Dates with their own hours: a list of {on, hours, name} objects, "
            "or an object {date: hours} ([] for closed).",
        ),
    ] = ()
    # One country (or region), or several whose holidays all close (US-CA + US-NY).
    country_holidays: CountryHolidays | tuple[CountryHolidays, ...] | None = None
    name: str = ""

    # Built in model_post_init from the fields alone and never shared: a copy or an
    # unpickled calendar builds its own (see Frozen).
    _engine: Engine = PrivateAttr()
    _rule: DayRule = PrivateAttr()

    # -- validation --------------------------------------------------------------------

    @model_validator(mode="before")
    @classmethod
    def _holidays_object(cls, data: Any) -> Any:
        """A ``holidays`` object becomes :class:`CountryHolidays` descriptions, plus the
        dates the caller added to it as explicit holidays."""
        if not isinstance(data, Mapping):
            return data
        given = data.get("holidays")
        if isinstance(data.get("country_holidays"), holidays_package.HolidayBase):
            if given:
                raise InvalidScheduleError(
                    "holidays: a holidays object and country_holidays were both given; "
                    "pass one of them"
                )
            given = data["country_holidays"]
        if not isinstance(given, holidays_package.HolidayBase):
            return data
        data = dict(data)
        if given is data.get("holidays") and data.get("country_holidays") is not None:
            raise InvalidScheduleError(
                "holidays: a holidays object and country_holidays were both given; pass one of them"
            )
        countries, added = describe_holidays(given)
        data["country_holidays"] = (countries[0] if len(countries) == 1 else countries) or None
        data["holidays"] = added
        return data

    @field_validator("country_holidays", mode="before")
    @classmethod
    def _one_or_several(cls, value: Any) -> Any:
        if isinstance(value, list | tuple) and len(value) == 1:
            return value[0]  # one source is written as itself
        if isinstance(value, list | tuple) and not value:
            return None
        return value

    @field_validator("timezone", mode="before")
    @classmethod
    def _known_zone(cls, value: Any) -> str:
        return zone_key(value)

    @field_validator("weekly", mode="before")
    @classmethod
    def _weekly(cls, value: Any) -> tuple[tuple[str, ...], ...]:
        return normalize_weekly(value)

    @field_serializer("weekly")
    def _weekly_as_mapping(self, weekly: tuple[tuple[str, ...], ...]) -> dict[str, list[str]]:
        return {WEEKDAY_NAMES[i]: list(day) for i, day in enumerate(weekly) if day}

    @field_validator("holidays", mode="before")
    @classmethod
    def _holiday_list(cls, value: Any) -> Any:
        entries = dated_entries(value, "holidays", "name")
        result: dict[date, Any] = {}
        for entry in entries:
            if isinstance(entry, Holiday):
                key = entry.on
            elif isinstance(entry, Mapping):
                key = as_date(entry.get("on"), "holidays")
            else:  # a date or an ISO string; anything else is refused by as_date
                key = as_date(entry, "holidays")
                entry = {"on": key}
            result.setdefault(key, entry)
        return tuple(result[key] for key in sorted(result))

    @field_validator("special_days", mode="before")
    @classmethod
    def _special_list(cls, value: Any) -> Any:
        entries = dated_entries(value, "special_days", "hours")
        seen: dict[date, Any] = {}
        for entry in entries:
            on = (
                entry.on
                if isinstance(entry, SpecialDay)
                else as_date(
                    entry.get("on") if isinstance(entry, Mapping) else entry, "special_days"
                )
            )
            if on in seen:
                raise InvalidScheduleError(f"special_days: {on.isoformat()} is given twice")
            seen[on] = entry
        return tuple(seen[key] for key in sorted(seen))

    def model_post_init(self, context: Any, /) -> None:
        zone = zoneinfo.ZoneInfo(self.timezone)
        weekly = tuple(
            parse_day(day, f"weekly[{WEEKDAY_NAMES[i]!r}]") for i, day in enumerate(self.weekly)
        )
        self._rule = rule = DayRule(
            special={
                special.on: (parse_day(special.hours, "special_days"), special.name)
                for special in self.special_days
            },
            closed={holiday.on: holiday.name for holiday in self.holidays},
            weekly=weekly,
            workday=next((day for day in weekly if day), ()),
            countries=tuple(
                Country(
                    years=source.years(),
                    half_day_cut=parse_clock(source.half_day_close, "half_day_close"),
                    weekend_workdays=source.weekend_workdays,
                    package_weekend=source.package_weekend,
                )
                for source in self.sources
            ),
        )
        self._engine = Engine(zone, rule.hours, rule.may_open_after)

    @property
    def sources(self) -> tuple[CountryHolidays, ...]:
        """The country holiday sources, as a tuple (empty, one or several).

        >>> BusinessCalendar.for_country("NL", timezone="Europe/Amsterdam").sources[0].country
        'NL'
        """
        found = self.country_holidays
        if found is None:
            return ()
        return found if isinstance(found, tuple) else (found,)

    # -- named constructors ----------------------------------------------------------------

    @classmethod
    def standard(
        cls,
        timezone: str,
        hours: str | Sequence[str] = "09:00-18:00",
        *,
        workdays: Iterable[int | str] = ("mon", "tue", "wed", "thu", "fri"),
        **fields: Any,
    ) -> BusinessCalendar:
        """The same hours on every working weekday (Monday–Friday by default).

        >>> BusinessCalendar.standard("Europe/Kyiv").weekly[0]
        ('09:00-18:00',)
        """
        days = {weekday_index(day) for day in items_of(workdays, "workdays", "weekdays")}
        return cls(timezone=timezone, weekly=dict.fromkeys(sorted(days), hours), **fields)

    @classmethod
    def always_open(cls, timezone: str = "UTC", **fields: Any) -> BusinessCalendar:
        """Open ``00:00-24:00`` every day: a 24x7 calendar.

        >>> BusinessCalendar.always_open("Europe/Amsterdam").is_open(
        ...     datetime.fromisoformat("2026-10-25T02:30+01:00"))
        True
        """
        return cls(timezone=timezone, weekly=dict.fromkeys(range(7), "00:00-24:00"), **fields)

    @classmethod
    def for_country(
        cls,
        country: str,
        *,
        timezone: str,
        hours: str | Sequence[str] = "09:00-18:00",
        subdivision: str | None = None,
        categories: Iterable[str] | None = None,
        half_day_close: str = "13:00",
        observed: bool = True,
        weekend_workdays: bool = True,
        language: str | None = None,
        **fields: Any,
    ) -> BusinessCalendar:
        """A calendar from the ``holidays`` package (SPEC §2.3).

        ``hours`` apply on the country's working days: its weekend comes from the package,
        per date and subdivision (Saturday–Sunday in Türkiye, Friday–Saturday in Israel,
        in Kelantan and in the UAE before 2022). Public holidays close the day,
        ``half_day`` dates close at ``half_day_close`` and the country's weekend working
        days open with ``hours``. Years load lazily, safely from any number of threads.

        >>> tr = BusinessCalendar.for_country("TR", timezone="Europe/Istanbul")
        >>> tr.day(date(2026, 10, 28)).hours, tr.day(date(2026, 10, 29)).kind
        (('09:00-13:00',), <DayKind.HOLIDAY: 'holiday'>)
        """
        code = CountryHolidays(country=country).country
        probe = locked(holidays_package.country_holidays, code)
        if categories is None:
            categories = ("public",) + (
                (_HALF_DAY,) if _HALF_DAY in probe.supported_categories else ()
            )
        source = CountryHolidays(
            country=code,
            subdivision=subdivision,
            categories=tuple(items_of(categories, "categories", "holiday categories")),
            observed=observed,
            half_day_close=half_day_close,
            weekend_workdays=weekend_workdays,
            package_weekend=True,
            language=language,
        )
        # The usual weekend, for the weekly schedule people read; the package still
        # decides each date (package_weekend).
        weekly = {day: hours for day in range(7) if day not in probe.weekend}
        return cls(timezone=timezone, weekly=weekly, country_holidays=source, **fields)

    # -- identity ---------------------------------------------------------------------------

    def __repr__(self) -> str:
        parts = [repr(self.timezone)]
        days: list[str] = []
        run_start = 0
        for i in range(1, 8):  # group consecutive weekdays with the same hours
            if i == 7 or self.weekly[i] != self.weekly[run_start]:
                if self.weekly[run_start]:
                    label = WEEKDAY_NAMES[run_start]
                    if i - 1 > run_start:
                        label += f"-{WEEKDAY_NAMES[i - 1]}"
                    days.append(f"{label} {' '.join(self.weekly[run_start])}")
                run_start = i
        parts.append("; ".join(days) if days else "never open weekly")
        for source in self.sources:
            region = f"-{source.subdivision}" if source.subdivision else ""
            parts.append(f"{source.country}{region} {'+'.join(source.categories)}")
        for count, noun in (
            (len(self.holidays), "holiday"),
            (len(self.special_days), "special day"),
        ):
            if count:
                parts.append(f"{count} {noun}{'' if count == 1 else 's'}")
        label = f"{self.name!r}, " if self.name else ""
        return f"BusinessCalendar({label}{', '.join(parts)})"

    __str__ = __repr__

    # -- the operations of SPEC §2.2 -------------------------------------------------------

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        """The calendar's zone as a ``ZoneInfo``."""
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def _fast(self) -> Engine:
        # pydantic resolves private attributes in a Python-level __getattr__; the hot
        # paths (here and in supportrules.sla) read the engine straight from the private
        # dict instead, and work on integer microseconds.
        engine: Engine = self.__pydantic_private__["_engine"]  # type: ignore[index]
        return engine

    def _out(self, us: int) -> datetime:
        return from_us(us, self._fast.zone)

    def add(self, start: datetime, duration: timedelta) -> datetime:
        """The earliest instant by which ``duration`` of open time has passed since ``start``.

        Negative durations go backwards (the latest instant ``u <= start`` with that much
        open time in ``[u, start)``). ``add(t, timedelta(0)) == t``.
        """
        engine: Engine = self.__pydantic_private__["_engine"]  # type: ignore[index]
        try:  # instant() inlined: this is the hottest call of the library
            delta: timedelta = start - EPOCH
        except TypeError:
            delta = require_aware(start, "start") - EPOCH
        us = (delta.days * 86_400 + delta.seconds) * US + delta.microseconds
        return from_us(engine.add(us, duration_us(duration)), engine.zone)

    def add_many(self, starts: Iterable[datetime], duration: timedelta) -> list[datetime]:
        """:meth:`add` for many starts with one duration: the batch form for pipelines.

        >>> from zoneinfo import ZoneInfo
        >>> k = BusinessCalendar.standard("Europe/Kyiv")
        >>> [d.hour for d in k.add_many(
        ...     [datetime(2026, 11, 18, h, tzinfo=ZoneInfo("Europe/Kyiv")) for h in (9, 10)],
        ...     timedelta(hours=8))]
        [17, 18]
        """
        step = duration_us(duration)
        engine = self._fast
        add, zone = engine.add, engine.zone
        results: list[datetime] = []
        append = results.append
        for n, start in enumerate(items_of(starts, "starts", "aware datetimes")):
            append(from_us(add(instant(start, f"starts[{n}]"), step), zone))
        return results

    def between(self, start: datetime, end: datetime) -> timedelta:
        """Open time in ``[start, end)``; negative when ``end < start``."""
        engine = self._fast
        return timedelta(microseconds=engine.between(instant(start, "start"), instant(end, "end")))

    def is_open(self, at: datetime) -> bool:
        """Whether the business is open at the instant ``at``."""
        return self._fast.is_open(instant(at, "at"))

    def next_open(self, at: datetime) -> datetime:
        """``at`` itself when open, else the start of the next open span."""
        return self._out(self._fast.next_open(instant(at, "at")))

    def close_of_day(self, at: datetime, days: int = 0) -> datetime:
        """The close of the business day ``at`` belongs to, moved ``days`` business days on.

        The business day is ``at``'s local date if that date opens and ``at`` is before its
        last close; otherwise the next business day. ``days=1`` is "end of next business
        day"; negative ``days`` go back.
        """
        return self._out(self._fast.close_of_day(instant(at, "at"), _whole(days)))

    def add_business_days(self, at: datetime, days: int) -> datetime:
        """The same open-time offset into the business day ``days`` business days on.

        The offset is the open time between the first opening of ``at``'s business day
        and ``at`` (0 when ``at`` is on a closed day or after the close, which belongs to
        the next business day; an instant exactly at the close keeps its full offset).
        On a shorter target day the result is capped at that day's close.
        """
        engine = self._fast
        us = instant(at, "at")
        ordinal, own = engine.owning_business_day(us, inclusive_close=True)
        offset = engine.between(engine.first_open_of(ordinal), us) if own else 0
        offset = max(offset, 0)
        target = engine.shift_business_day(ordinal, _whole(days))
        opens = engine.first_open_of(target)
        available = engine.between(opens, engine.close_of(target))
        if offset >= available:
            return self._out(engine.close_of(target))
        return self._out(engine.add(opens, offset))

    def business_day_of(self, at: datetime) -> date:
        """The business day ``at`` belongs to: its local date if that date opens and ``at``
        is before its last close, else the next business day.

        >>> from zoneinfo import ZoneInfo
        >>> k = BusinessCalendar.standard("Europe/Kyiv")
        >>> k.business_day_of(datetime(2026, 11, 20, 19, tzinfo=ZoneInfo("Europe/Kyiv")))
        datetime.date(2026, 11, 23)
        """
        engine = self._fast
        ordinal, _ = engine.owning_business_day(instant(at, "at"), inclusive_close=False)
        return date.fromordinal(ordinal)

    def next_business_day(self, on: date, days: int = 1) -> date:
        """The business day ``days`` business days after ``on`` (before it, if negative).

        ``on`` need not be a business day; ``days=0`` returns ``on`` itself.

        >>> k = BusinessCalendar.standard("Europe/Kyiv")
        >>> k.next_business_day(date(2026, 11, 20)), k.next_business_day(date(2026, 11, 23), -1)
        (datetime.date(2026, 11, 23), datetime.date(2026, 11, 20))
        """
        ordinal = as_date(on, "on").toordinal()
        return date.fromordinal(self._fast.shift_business_day(ordinal, _whole(days)))

    def open_intervals(self, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
        """The open spans within ``[start, end)``, as aware pairs in the calendar's zone.

        Spans that touch (an overnight shift over midnight) are merged.
        """
        a, b = instant(start, "start"), instant(end, "end")
        if b <= a:
            return []
        return [(self._out(s), self._out(e)) for s, e in self._fast.spans(a, b)]

    # -- days and explanations ---------------------------------------------------------------

    def day(self, on: date) -> DaySchedule:
        """How the local date ``on`` looks and which rule decided it."""
        on = as_date(on, "on")
        hours, kind, name = self._rule(on)
        pieces = self._fast.day(on.toordinal())
        opened = sum(b - a for a, b in pieces)
        return DaySchedule(
            on=on,
            kind=kind,
            name=name,
            hours=tuple(format_interval(interval) for interval in hours),
            open_time=timedelta(microseconds=opened),
            opens_at=self._out(pieces[0][0]) if pieces else None,
            closes_at=self._out(max(b for _, b in pieces)) if pieces else None,
        )

    def explain_add(self, start: datetime, duration: timedelta) -> Deadline:
        """:meth:`add`, with reasons: where the clock started, which days were skipped and
        why (holidays by name), half days, and offset changes on the way.

        >>> from zoneinfo import ZoneInfo
        >>> k = BusinessCalendar.standard("Europe/Kyiv")
        >>> print(k.explain_add(datetime(2026, 11, 21, 11, tzinfo=ZoneInfo("Europe/Kyiv")),
        ...                     timedelta(hours=1)))
        deadline: Sat 2026-11-21 11:00+02:00 is outside business hours; the clock starts at
        Mon 2026-11-23 09:00+02:00; closed: Sat 2026-11-21 (sat), Sun 2026-11-22 (sun);
        1 h of business time from Sat 2026-11-21 11:00+02:00 ends at Mon 2026-11-23 10:00+02:00.
        """
        result = self.add(start, duration)
        step = duration_us(duration)
        start_local = self._out(instant(start, "start"))
        reasons: list[Reason] = []
        if step > 0 and not self.is_open(start_local):
            opened = self.next_open(start_local)
            reasons.append(
                Reason(
                    code="calendar.clock_starts_at_next_open",
                    message=f"{format_instant(start_local)} is outside business hours; "
                    f"the clock starts at {format_instant(opened)}",
                    facts={"start": start_local, "clock_start": opened},
                    source="BusinessCalendar.weekly",
                )
            )
        low, high = sorted((start_local, result))
        reasons.extend(self._day_reasons(low.date(), high.date()))
        if low.utcoffset() != high.utcoffset():
            reasons.append(
                Reason(
                    code="calendar.offset_change",
                    message=f"the UTC offset changes from {_offset(low)} to "
                    f"{_offset(high)} on the way; business time is real elapsed time",
                    facts={"from": low, "to": high},
                    source="BusinessCalendar.timezone",
                )
            )
        direction = "ends at" if step >= 0 else "counted back reaches"
        reasons.append(
            Reason(
                code="calendar.business_time",
                message=f"{format_duration(duration)} of business time from "
                f"{format_instant(start_local)} {direction} {format_instant(result)}",
                facts={"start": start_local, "duration": duration, "result": result},
                source="BusinessCalendar",
            )
        )
        return Deadline(
            outcome="deadline",
            reasons=tuple(reasons),
            start=start_local,
            duration=duration,
            result=result,
        )

    def _day_reasons(self, first: date, last: date) -> list[Reason]:
        closed: list[str] = []
        notable: list[Reason] = []
        count = (last - first).days + 1
        rule, engine = self._rule, self._fast
        for offset in range(count):
            on = first + timedelta(days=offset)
            _, kind, name = rule(on)
            if kind is DayKind.WEEKLY:  # the common case, read without building a DaySchedule
                if not engine.day(on.toordinal()):
                    closed.append(f"{on.strftime('%a %Y-%m-%d')} ({name})")
                continue
            info = self.day(on)
            label = on.strftime("%a %Y-%m-%d")
            codes = {
                DayKind.HOLIDAY: ("calendar.holiday", f"{label} closed: {info.name}"),
                DayKind.HALF_DAY: (
                    "calendar.half_day",
                    f"{label} is a half day ({info.name}): open {', '.join(info.hours)}",
                ),
                DayKind.SPECIAL: (
                    "calendar.special_day",
                    f"{label} is a special day"
                    + ("" if info.name == _UNNAMED_SPECIAL else f" ({info.name})")
                    + ": "
                    + (f"open {', '.join(info.hours)}" if info.hours else "closed"),
                ),
                DayKind.WEEKEND_WORKDAY: (
                    "calendar.weekend_workday",
                    f"{label} is a weekend working day: open {', '.join(info.hours)}",
                ),
            }
            code, message = codes[info.kind]
            source = (
                "BusinessCalendar.special_days"
                if info.kind is DayKind.SPECIAL
                else (
                    "BusinessCalendar.country_holidays"
                    if self.sources and on not in self._rule.closed
                    else "BusinessCalendar.holidays"
                )
            )
            notable.append(
                Reason(
                    code=code, message=message, facts={"date": on, "name": info.name}, source=source
                )
            )
        reasons = []
        if closed:
            shown = closed[:_MAX_LISTED_DAYS]
            more = len(closed) - len(shown)
            reasons.append(
                Reason(
                    code="calendar.closed_days",
                    message="closed: " + ", ".join(shown) + (f" and {more} more" if more else ""),
                    facts={"days": len(closed)},
                    source="BusinessCalendar.weekly",
                )
            )
        if len(notable) > _MAX_LISTED_DAYS:
            notable = notable[:_MAX_LISTED_DAYS]
        return notable + reasons


def _offset(moment: datetime) -> str:
    """The UTC offset as ISO 8601 writes it: ``+02:00``."""
    return moment.isoformat()[19:].lstrip(".0123456789")


def _whole(days: object) -> int:
    if isinstance(days, bool) or not isinstance(days, int):
        raise InvalidDurationError(f"days: {shown(days)} is not a whole number of business days")
    return days
