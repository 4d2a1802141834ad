"""A brute-force business calendar written straight from SPEC §2.1, for differential tests.

    The business is open at instant t iff t's wall-clock reading in the calendar's zone
    falls inside [start, end) of one of the open intervals of that local date.

The reference reads that sentence literally: it steps over UTC instants one minute at a
time, asks ``datetime.fromtimestamp(ts, zone)`` for the wall-clock reading, and looks the
reading up in the intervals of the reading's own date. It knows nothing of offsets, gaps,
folds, chunks or prefix sums, so it is slow but plainly right. Every interval boundary
used with it is a whole minute and every zone offset of the years we test is a whole
number of minutes, so a minute is either wholly open or wholly closed, and counting
minutes is exact.

The day rule (special day > holiday > weekly schedule) is restated here from SPEC §2.1,
independently of the library's own ``_rule``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from supportrules import BusinessCalendar

__all__ = ["Day", "Interval", "Reference", "Schedule", "TooFar", "clock", "seconds", "utc"]

Interval = tuple[int, int]  # [start, end) in minutes from local midnight; end 1440 is 24:00
Day = tuple[Interval, ...]

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MINUTE = 60
_ONE_SECOND = timedelta(seconds=1)


def clock(minutes: int) -> str:
    """``570`` -> ``"09:30"``; ``1440`` -> ``"24:00"``."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def interval_text(interval: Interval) -> str:
    """``(540, 1080)`` -> ``"09:00-18:00"``."""
    return f"{clock(interval[0])}-{clock(interval[1])}"


def seconds(moment: datetime) -> int:
    """Whole seconds since the epoch of an aware datetime (exact, no float)."""
    delta = moment - EPOCH
    if delta % _ONE_SECOND:
        raise ValueError(f"the reference counts whole minutes; {moment!r} has a fraction")
    return delta // _ONE_SECOND


def utc(ts: int) -> datetime:
    """The UTC datetime of ``ts`` seconds since the epoch."""
    return EPOCH + timedelta(seconds=ts)


def _minute(moment: datetime) -> int:
    ts = seconds(moment)
    if ts % MINUTE:
        raise ValueError(f"the reference counts whole minutes; {moment!r} is not on one")
    return ts


def _minutes(duration: timedelta) -> int:
    if duration % timedelta(minutes=1):
        raise ValueError(f"the reference counts whole minutes; {duration!r} is not")
    return duration // timedelta(minutes=1)


class TooFar(Exception):
    """The reference gave up: the answer lies beyond the window it is willing to walk."""


@dataclass(frozen=True)
class Schedule:
    """A calendar as plain data: the reference reads it, :meth:`calendar` builds the model."""

    timezone: str
    weekly: tuple[Day, ...]  # Monday first, seven days
    holidays: frozenset[date] = frozenset()
    special_days: tuple[tuple[date, Day], ...] = ()

    def hours(self, on: date) -> Day:
        """SPEC §2.1: special days win over holidays, holidays over the weekly schedule."""
        for special_on, hours in self.special_days:
            if special_on == on:
                return hours
        if on in self.holidays:
            return ()
        return self.weekly[on.weekday()]

    @property
    def weekly_open_minutes(self) -> int:
        """Open minutes of one ordinary week, counted on the wall clock."""
        return sum(end - start for day in self.weekly for start, end in day)

    def calendar(self) -> BusinessCalendar:
        """The library's calendar for this schedule."""
        return BusinessCalendar(
            timezone=self.timezone,
            weekly={
                i: [interval_text(interval) for interval in day]
                for i, day in enumerate(self.weekly)
                if day
            },
            holidays=sorted(self.holidays),
            special_days={
                on: [interval_text(interval) for interval in hours]
                for on, hours in self.special_days
            },
        )


@dataclass
class Reference:
    """SPEC §2.1 and §2.2 by stepping minute by minute (results are UTC datetimes)."""

    schedule: Schedule
    limit_days: int = 70
    zone: ZoneInfo = field(init=False)
    _readings: dict[int, tuple[date, bool]] = field(init=False, default_factory=dict)
    _days: dict[date, list[int]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.zone = ZoneInfo(self.schedule.timezone)

    # -- the definition ------------------------------------------------------------------

    def _reading(self, ts: int) -> tuple[date, bool]:
        """The local date of the minute starting at ``ts``, and whether it is open."""
        found = self._readings.get(ts)
        if found is None:
            local = datetime.fromtimestamp(ts, self.zone)
            minute = local.hour * 60 + local.minute
            on = local.date()
            found = (on, any(a <= minute < b for a, b in self.schedule.hours(on)))
            self._readings[ts] = found
        return found

    def open_at(self, ts: int) -> bool:
        """Whether the minute starting at ``ts`` seconds since the epoch is open."""
        return self._reading(ts)[1]

    def _walk(self, ts: int, step: int) -> Iterator[int]:
        for n in range(self.limit_days * 1440):
            yield ts + n * step
        raise TooFar(f"no answer within {self.limit_days} days of {utc(ts).isoformat()}")

    # -- the operations --------------------------------------------------------------------

    def is_open(self, at: datetime) -> bool:
        return self.open_at(_minute(at))

    def add(self, start: datetime, duration: timedelta) -> datetime:
        """Earliest ``u >= start`` with ``duration`` open in ``[start, u)``; backwards for
        a negative duration (latest ``u <= start`` with ``-duration`` open in ``[u, start)``).
        """
        ts, need = _minute(start), _minutes(duration)
        if need == 0:
            return utc(ts)
        if need > 0:
            for minute in self._walk(ts, MINUTE):
                if self.open_at(minute):
                    need -= 1
                    if need == 0:
                        return utc(minute + MINUTE)
        else:
            for minute in self._walk(ts - MINUTE, -MINUTE):
                if self.open_at(minute):
                    need += 1
                    if need == 0:
                        return utc(minute)
        raise AssertionError("unreachable")  # pragma: no cover

    def between(self, start: datetime, end: datetime) -> timedelta:
        a, b = _minute(start), _minute(end)
        if b < a:
            return -self.between(end, start)
        count = sum(1 for ts in range(a, b, MINUTE) if self.open_at(ts))
        return timedelta(minutes=count)

    def next_open(self, at: datetime) -> datetime:
        for ts in self._walk(_minute(at), MINUTE):
            if self.open_at(ts):
                return utc(ts)
        raise AssertionError("unreachable")  # pragma: no cover

    def open_intervals(self, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
        spans: list[tuple[int, int]] = []
        for ts in range(_minute(start), _minute(end), MINUTE):
            if self.open_at(ts):
                if spans and spans[-1][1] == ts:
                    spans[-1] = (spans[-1][0], ts + MINUTE)
                else:
                    spans.append((ts, ts + MINUTE))
        return [(utc(a), utc(b)) for a, b in spans]

    # -- business days ---------------------------------------------------------------------

    def day_minutes(self, on: date) -> list[int]:
        """The open minutes whose wall-clock reading falls on the local date ``on``."""
        found = self._days.get(on)
        if found is None:
            midnight = seconds(datetime(on.year, on.month, on.day, tzinfo=UTC))
            # A local date lies within [midnight - 14 h, midnight + 24 h + 12 h] in UTC
            # for every offset between -12:00 and +14:00; one more hour covers a fold.
            window = range(midnight - 15 * 3600, midnight + 38 * 3600, MINUTE)
            found = [ts for ts in window if self._reading(ts) == (on, True)]
            self._days[on] = found
        return found

    def close(self, on: date) -> datetime:
        """The end of the last open minute of the business day ``on``."""
        return utc(max(self.day_minutes(on)) + MINUTE)

    def first_open(self, on: date) -> datetime:
        return utc(min(self.day_minutes(on)))

    def shift(self, on: date, days: int) -> date:
        """The business day ``days`` business days after (before) ``on``; ``0`` is ``on``."""
        step = timedelta(days=1 if days > 0 else -1)
        remaining = abs(days)
        for _ in range(self.limit_days):
            if remaining == 0:
                return on
            on += step
            if self.day_minutes(on):
                remaining -= 1
        raise TooFar(f"fewer than {abs(days)} business days within {self.limit_days} days")

    def _own_day(self, at: datetime, *, inclusive_close: bool) -> tuple[date, bool]:
        ts = _minute(at)
        local = at.astimezone(self.zone).date()
        minutes = self.day_minutes(local)
        if minutes:
            close = max(minutes) + MINUTE
            if ts < close or (inclusive_close and ts == close):
                return local, True
        return self.shift(local, 1), False

    def close_of_day(self, at: datetime, days: int = 0) -> datetime:
        """SPEC §2.2: the close of the business day ``at`` belongs to, ``days`` further on."""
        own, _ = self._own_day(at, inclusive_close=False)
        return self.close(self.shift(own, days))

    def add_business_days(self, at: datetime, days: int) -> datetime:
        """The same open-time offset into the business day ``days`` business days on
        (capped at that day's close)."""
        own, same_date = self._own_day(at, inclusive_close=True)
        offset = max(self.between(self.first_open(own), at), timedelta(0))
        if not same_date:
            offset = timedelta(0)
        target = self.shift(own, days)
        available = timedelta(minutes=len(self.day_minutes(target)))
        if offset >= available:
            return self.close(target)
        return self.add(self.first_open(target), offset)
