"""The arithmetic core of the business calendar, on plain integers.

Instants are integer microseconds since 1970-01-01T00:00Z ("us"). The calendar's
definition (SPEC §2.1) is: *open at instant t iff t's wall-clock reading in the zone
falls inside one of the open intervals of that local date*. We turn that sentence into
data once per year and never walk hour by hour again:

1. **Offset segments.** Within a UTC range the zone's offset is piecewise constant.
   We sample it every 6 hours and bisect to the second where it changes.
2. **Day pieces.** On a segment with offset ``o`` the wall clock reads ``u + o``, so
   the instants whose reading lies in ``[W_start, W_end)`` are exactly
   ``[W_start - o, W_end - o)`` clipped to the segment. The union over segments is the
   set of open instants of one interval: a spring-forward gap contributes nothing, a
   fall-back fold contributes both passes. No special case is needed.
3. **Chunks.** Fixed UTC ranges of 52 weeks hold the sorted, merged open spans with
   prefix sums of open time. ``add`` and ``between`` are a bisect in one chunk plus a
   hop per chunk crossed, so their cost does not grow with the duration beyond a
   chunk hop per 52 weeks.

Years and chunks are built on first use and then only read. An engine is shared by
every thread that uses its calendar, so a year or a chunk is built under the engine's
lock and published whole (one dict assignment) after it is complete; reads take no
lock. The day rule the engine calls reads holiday tables that are built the same way
(:mod:`._holidays`).

Everything here is private and free of pydantic; :mod:`._model` owns validation.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import TypeVar

from supportrules.errors import CalendarNeverOpensError, OutOfRangeError, shown

US = 1_000_000
DAY_US = 86_400 * US
CHUNK_DAYS = 364
CHUNK_US = CHUNK_DAYS * DAY_US
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
HORIZON_DAYS = 3653  # SPEC §2.2: give up after 10 years without open time
HORIZON_US = HORIZON_DAYS * DAY_US
# The longest business time, span or count of business days computed at once: ten
# years (the never-opens horizon too). Support terms never come near it, and each year
# a fresh calendar reaches costs milliseconds to build, so a longer question is refused
# at once rather than left to run for seconds; split it instead.
MAX_SPAN_DAYS = HORIZON_DAYS
MAX_SPAN_US = MAX_SPAN_DAYS * DAY_US
# How far (in 52-week blocks, about years) one add may walk to find its business time:
# ten years of it on a sparse calendar can lie centuries away.
_MAX_WALK_CHUNKS = 100
_SAMPLE_US = 6 * 3600 * US
# Local years we compute; the datetime range is 1..9999 and we keep a margin for zones.
MIN_YEAR = 2
MAX_YEAR = 9998

Hours = tuple[tuple[int, int], ...]  # open intervals of a day, seconds from local midnight
Piece = tuple[int, int]  # an open span of instants, [start_us, end_us)


def to_us(moment: datetime) -> int:
    """Microseconds since the epoch of an aware datetime (exact, no float)."""
    delta = moment - EPOCH
    return (delta.days * 86_400 + delta.seconds) * US + delta.microseconds


def from_us(us: int, zone: tzinfo) -> datetime:
    """The aware datetime in ``zone`` for ``us``."""
    seconds, micro = divmod(us, US)
    try:
        moment = datetime.fromtimestamp(seconds, zone)  # the zone's fromutc sets the fold
    except (OverflowError, OSError, ValueError):
        try:
            return (EPOCH + timedelta(microseconds=us)).astimezone(zone)
        except OverflowError:
            raise OutOfRangeError(
                f"result: {us} µs from 1970 is beyond the range a datetime can hold"
            ) from None
    return moment.replace(microsecond=micro) if micro else moment


def _too_long(field: str, value: object) -> OutOfRangeError:
    return OutOfRangeError(
        f"{field}: {shown(value)} is longer than ten years ({MAX_SPAN_DAYS} days), the most "
        "business time, span or business days a calendar computes at once; split the question"
    )


def _too_far(us: int, duration: int) -> OutOfRangeError:
    return OutOfRangeError(
        f"duration: {timedelta(microseconds=duration)} of business time from "
        f"{from_us(us, UTC).isoformat()} ends more than a century away on this "
        "calendar; split the question"
    )


def _too_far_in_days(ordinal: int, days: int) -> OutOfRangeError:
    return OutOfRangeError(
        f"days: {days} business days from {date.fromordinal(ordinal).isoformat()} end more "
        "than a century away on this calendar; split the question"
    )


_K = TypeVar("_K")
_V = TypeVar("_V")


def built_once(
    table: dict[_K, _V], key: _K, lock: threading.RLock, build: Callable[[_K], _V]
) -> _V:
    """``table[key]``, built under ``lock`` if it is not there yet and then published
    whole: one dict assignment after the value is complete. Callers read ``table``
    without the lock first; a reader never sees a half-built value, and two threads never
    build the same one twice."""
    with lock:
        found = table.get(key)
        if found is None:
            found = table[key] = build(key)
        return found


def ordinal_date(ordinal: int) -> date:
    """``date.fromordinal`` with our error for dates a calendar cannot reach."""
    try:
        return date.fromordinal(ordinal)
    except (ValueError, OverflowError):
        raise OutOfRangeError(
            f"date: the computation left the supported years {MIN_YEAR}–{MAX_YEAR}"
        ) from None


@dataclass(slots=True, frozen=True)
class _Chunk:
    starts: list[int]
    ends: list[int]
    before: list[int]  # open time before span i within the chunk
    after: list[int]  # open time up to the end of span i within the chunk
    total: int

    def position(self, us: int) -> int:
        """Open time in the chunk before instant ``us``."""
        i = bisect_right(self.starts, us) - 1
        if i < 0:
            return 0
        return self.before[i] + min(us, self.ends[i]) - self.starts[i]


@dataclass(slots=True, frozen=True)
class _Year:
    first: int  # ordinal of 1 January
    days: list[tuple[Piece, ...]]  # per local date, its open pieces in instant order
    business: list[int]  # ordinals of the dates with open time, ascending


class Engine:
    """Precomputed per-year, per-chunk open time for one calendar (private)."""

    __slots__ = ("_chunks", "_hours", "_lock", "_may_open_after", "_years", "zone")

    def __init__(
        self,
        zone: tzinfo,
        hours: Callable[[date], Hours],
        may_open_after: Callable[[int], bool],
    ) -> None:
        self.zone = zone
        self._hours = hours
        # may_open_after(ordinal): can any date after this one have open time at all?
        self._may_open_after = may_open_after
        self._years: dict[int, _Year] = {}
        self._chunks: dict[int, _Chunk] = {}
        # Re-entrant: building a chunk builds the years it spans.
        self._lock = threading.RLock()

    # -- building -----------------------------------------------------------------

    def _offset(self, us: int) -> int:
        offset = from_us(us, self.zone).utcoffset()
        assert offset is not None
        return (offset.days * 86_400 + offset.seconds) * US + offset.microseconds

    def _samples(self, lo: int, hi: int) -> list[tuple[int, timedelta | None]]:
        """The zone's offset every 6 hours over ``[lo, hi]`` (whole seconds), the last
        sample at ``hi``: one C call each where the platform can (the hot part of
        building a year), through :func:`from_us` where it cannot."""
        seconds = [*range(lo // US, hi // US, _SAMPLE_US // US), hi // US]
        zone = self.zone
        try:
            stamp = datetime.fromtimestamp
            return [(second * US, stamp(second, zone).utcoffset()) for second in seconds]
        except (OverflowError, OSError, ValueError):  # years the platform's clock lacks
            return [(second * US, from_us(second * US, zone).utcoffset()) for second in seconds]

    def _segments(self, lo: int, hi: int) -> list[tuple[int, int, int]]:
        """``(start, end, offset)`` triples covering ``[lo, hi)`` with a constant offset."""
        samples = self._samples(lo, hi)
        cuts: list[tuple[int, int]] = []  # (instant where an offset begins, offset)
        previous_us, previous = lo, self._offset(lo)
        cuts.append((lo, previous))
        last = samples[0][1]
        for sample, reading in samples[1:]:
            if reading == last:  # no change since the last sample (the common case)
                previous_us = sample
                continue
            last = reading
            current = self._offset(sample)
            # Bisect (to the second) for every change between the two samples.
            while current != previous:
                low, high = previous_us, sample
                while high - low > US:
                    middle = (low + high) // 2 // US * US
                    if middle <= low:
                        middle = low + US
                    if self._offset(middle) == previous:
                        low = middle
                    else:
                        high = middle
                previous_us, previous = high, self._offset(high)
                cuts.append((high, previous))
            previous_us = sample
        segments = []
        for (start, offset), (end, _) in zip(cuts, [*cuts[1:], (hi, 0)], strict=True):
            if start < end:
                segments.append((start, end, offset))
        return segments

    def year(self, year: int) -> _Year:
        found = self._years.get(year)
        if found is not None:
            return found
        return built_once(self._years, year, self._lock, self._build_year)

    def _build_year(self, year: int) -> _Year:
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise OutOfRangeError(
                f"date: the computation reached the year {year}; supportrules calendars "
                f"cover the years {MIN_YEAR}–{MAX_YEAR}"
            )
        first = date(year, 1, 1).toordinal()
        last = date(year + 1, 1, 1).toordinal()
        lo = (first - EPOCH_ORDINAL - 2) * DAY_US
        hi = (last - EPOCH_ORDINAL + 2) * DAY_US
        segments = self._segments(lo, hi)
        days: list[tuple[Piece, ...]] = []
        business: list[int] = []
        for ordinal in range(first, last):
            hours = self._hours(date.fromordinal(ordinal))
            pieces: list[Piece] = []
            if hours:
                midnight = (ordinal - EPOCH_ORDINAL) * DAY_US
                for start_s, end_s in hours:
                    wall_start = midnight + start_s * US
                    wall_end = midnight + end_s * US
                    for seg_start, seg_end, offset in segments:
                        a = max(seg_start, wall_start - offset)
                        b = min(seg_end, wall_end - offset)
                        if a < b:
                            pieces.append((a, b))
                pieces.sort()
                if pieces:
                    business.append(ordinal)
            days.append(tuple(pieces))
        return _Year(first, days, business)

    def day(self, ordinal: int) -> tuple[Piece, ...]:
        """The open pieces of the local date ``ordinal``."""
        year = ordinal_date(ordinal).year
        built = self.year(year)
        return built.days[ordinal - built.first]

    def chunk(self, index: int) -> _Chunk:
        found = self._chunks.get(index)
        if found is not None:
            return found
        return built_once(self._chunks, index, self._lock, self._build_chunk)

    def _build_chunk(self, index: int) -> _Chunk:
        lo, hi = index * CHUNK_US, (index + 1) * CHUNK_US
        first = lo // DAY_US + EPOCH_ORDINAL - 2
        last = hi // DAY_US + EPOCH_ORDINAL + 2
        pieces: list[Piece] = []
        for ordinal in range(first, last + 1):
            for a, b in self.day(ordinal):
                a, b = max(a, lo), min(b, hi)
                if a < b:
                    pieces.append((a, b))
        pieces.sort()
        starts: list[int] = []
        ends: list[int] = []
        for a, b in pieces:
            if ends and a <= ends[-1]:  # touching or (across a fold) overlapping: merge
                ends[-1] = max(ends[-1], b)
            else:
                starts.append(a)
                ends.append(b)
        before: list[int] = []
        after: list[int] = []
        total = 0
        for a, b in zip(starts, ends, strict=True):
            before.append(total)
            total += b - a
            after.append(total)
        return _Chunk(starts, ends, before, after, total)

    def _never_opens(self, us: int, forward: bool) -> CalendarNeverOpensError:
        direction = "after" if forward else "before"
        when = from_us(us, self.zone).isoformat()
        return CalendarNeverOpensError(
            f"calendar: no open time within 10 years {direction} {when}; check the weekly "
            "schedule, holidays and special days"
        )

    def _check_can_open(self, us: int, since: int) -> None:
        """Fail at once when nothing after ``us`` can open (an empty week, no special
        day ahead); the message names ``since``, where the search began."""
        ordinal = us // DAY_US + EPOCH_ORDINAL - 2
        if not self._may_open_after(ordinal):
            raise self._never_opens(since, True)

    # -- arithmetic on instants ------------------------------------------------------

    def add(self, us: int, duration: int) -> int:
        """SPEC §2.2 ``add`` on microseconds (earliest / latest instant).

        The search gives up with ``CalendarNeverOpensError`` when it meets a closed
        stretch longer than the 10-year horizon, instead of walking on.
        """
        if duration == 0:
            return us
        if not -MAX_SPAN_US <= duration <= MAX_SPAN_US:
            raise _too_long("duration", timedelta(microseconds=duration))
        index = us // CHUNK_US
        chunk = self._chunks.get(index) or self.chunk(index)
        starts = chunk.starts
        # chunk.position(us) inlined: this is the hottest line of the library (the call
        # alone costs ~5 % of an add, and the 20x goal against pandas is close).
        i = bisect_right(starts, us) - 1
        if i < 0:
            target = duration
        else:
            end = chunk.ends[i]
            target = duration + chunk.before[i] + (us if us < end else end) - starts[i]
        if duration > 0 and target <= chunk.total:  # the common case: due within the chunk
            j = bisect_left(chunk.after, target)
            return starts[j] + target - chunk.before[j]
        if duration > 0:
            last_open = us  # open time is known up to here; a closed stretch starts after it
            checked = False
            while target > chunk.total:
                target -= chunk.total
                if chunk.total:
                    last_open = max(last_open, chunk.ends[-1])
                else:
                    if (index + 1) * CHUNK_US - last_open > HORIZON_US:
                        raise self._never_opens(last_open, True)
                    if not checked:  # an empty week can fail at once
                        self._check_can_open(index * CHUNK_US, last_open)
                        checked = True
                index += 1
                if index - us // CHUNK_US > _MAX_WALK_CHUNKS:
                    raise _too_far(us, duration)
                chunk = self.chunk(index)
            k = bisect_right(chunk.ends, last_open)
            if chunk.starts[k] - last_open > HORIZON_US:
                raise self._never_opens(last_open, True)
            j = bisect_left(chunk.after, target)
            return chunk.starts[j] + target - chunk.before[j]
        first_open = us  # open time is known from here on; a closed stretch ends before it
        while target < 0:
            if chunk.total:
                first_open = min(first_open, chunk.starts[0])
            index -= 1
            if us // CHUNK_US - index > _MAX_WALK_CHUNKS:
                raise _too_far(us, duration)
            chunk = self.chunk(index)
            target += chunk.total
            if not chunk.total and first_open - index * CHUNK_US > HORIZON_US:
                raise self._never_opens(first_open, False)
        k = bisect_left(chunk.starts, first_open) - 1
        if first_open - chunk.ends[k] > HORIZON_US:
            raise self._never_opens(first_open, False)
        j = bisect_right(chunk.before, target) - 1
        return chunk.starts[j] + target - chunk.before[j]

    def between(self, a: int, b: int) -> int:
        """Open time in ``[a, b)``; negative when ``b < a``."""
        if b < a:
            return -self.between(b, a)
        if b - a > MAX_SPAN_US:
            raise _too_long("span", timedelta(microseconds=b - a))
        first, last = a // CHUNK_US, b // CHUNK_US
        chunk = self._chunks.get(first) or self.chunk(first)
        if first == last:
            return chunk.position(b) - chunk.position(a)
        total = chunk.total - chunk.position(a)
        for index in range(first + 1, last):
            total += self.chunk(index).total
        return total + self.chunk(last).position(b)

    def is_open(self, us: int) -> bool:
        chunk = self.chunk(us // CHUNK_US)
        i = bisect_right(chunk.starts, us) - 1
        return i >= 0 and us < chunk.ends[i]

    def next_open(self, us: int) -> int:
        """``us`` when open, else the start of the next open span (within the horizon)."""
        index = us // CHUNK_US
        chunk = self._chunks.get(index) or self.chunk(index)
        i = bisect_right(chunk.starts, us) - 1
        if i >= 0 and us < chunk.ends[i]:
            return us
        j = i + 1
        while j >= len(chunk.starts):
            index += 1
            if index * CHUNK_US - us > HORIZON_US:
                raise self._never_opens(us, True)
            if index * CHUNK_US - us > CHUNK_US:
                self._check_can_open(index * CHUNK_US, us)
            chunk = self.chunk(index)
            j = 0
        if chunk.starts[j] - us > HORIZON_US:
            raise self._never_opens(us, True)
        return chunk.starts[j]

    def spans(self, a: int, b: int) -> list[Piece]:
        """The open spans within ``[a, b)``, merged across chunk boundaries."""
        if b - a > MAX_SPAN_US:
            raise _too_long("span", timedelta(microseconds=b - a))
        result: list[Piece] = []
        for index in range(a // CHUNK_US, (b - 1) // CHUNK_US + 1):
            chunk = self.chunk(index)
            i = max(bisect_right(chunk.starts, a) - 1, 0)
            for start, end in zip(chunk.starts[i:], chunk.ends[i:], strict=True):
                if start >= b:
                    break
                start, end = max(start, a), min(end, b)
                if start >= end:
                    continue
                if result and result[-1][1] == start:
                    result[-1] = (result[-1][0], end)
                else:
                    result.append((start, end))
        return result

    # -- business days -----------------------------------------------------------------

    def local_ordinal(self, us: int) -> int:
        return from_us(us, self.zone).toordinal()

    def shift_business_day(self, ordinal: int, days: int) -> int:
        """The business day ``days`` business days after (before, if negative) ``ordinal``.

        ``ordinal`` need not be a business day: ``days=1`` is the first business day
        strictly after it, ``days=-1`` the last one strictly before it, ``days=0`` the
        date itself. Two consecutive business days more than 10 years apart end the
        search with ``CalendarNeverOpensError``; within a year they cannot be, so the
        gap is checked only where the search crosses into another year.
        """
        if days == 0:
            return ordinal
        if abs(days) > MAX_SPAN_DAYS:
            raise _too_long("days", days)
        year = first_year = ordinal_date(ordinal).year
        built = self.year(year)
        last = ordinal  # the last business day passed (or the start)
        if days > 0:
            position = bisect_right(built.business, ordinal)
            remaining = days
            while position + remaining > len(built.business):
                if len(built.business) > position:
                    last = built.business[-1]
                remaining -= len(built.business) - position
                closed_through = date(year + 1, 1, 1).toordinal() - last
                if closed_through > HORIZON_DAYS or not self._may_open_after(last):
                    raise self._never_opens((last - EPOCH_ORDINAL) * DAY_US, True)
                year += 1
                if year - first_year > _MAX_WALK_CHUNKS:
                    raise _too_far_in_days(ordinal, days)
                built = self.year(year)
                position = 0
                if built.business and built.business[0] - last > HORIZON_DAYS:
                    raise self._never_opens((last - EPOCH_ORDINAL) * DAY_US, True)
            return built.business[position + remaining - 1]
        position = bisect_left(built.business, ordinal)  # dates strictly before ordinal
        remaining = -days
        while remaining > position:
            if position:
                last = built.business[0]
            remaining -= position
            if last - date(year, 1, 1).toordinal() > HORIZON_DAYS:
                raise self._never_opens((last - EPOCH_ORDINAL) * DAY_US, False)
            year -= 1
            if first_year - year > _MAX_WALK_CHUNKS:
                raise _too_far_in_days(ordinal, days)
            built = self.year(year)
            position = len(built.business)
            if built.business and last - built.business[-1] > HORIZON_DAYS:
                raise self._never_opens((last - EPOCH_ORDINAL) * DAY_US, False)
        return built.business[position - remaining]

    def owning_business_day(self, us: int, *, inclusive_close: bool) -> tuple[int, bool]:
        """The business day an instant belongs to, and whether it is the instant's own date.

        The instant's local date when that date has open time that has not closed yet
        (``us < close``, or ``<=`` with ``inclusive_close``); otherwise the next business
        day.
        """
        ordinal = self.local_ordinal(us)
        pieces = self.day(ordinal)
        if pieces:
            close = max(end for _, end in pieces)
            if us < close or (inclusive_close and us == close):
                return ordinal, True
        return self.shift_business_day(ordinal, 1), False

    def close_of_day(self, us: int, days: int = 0) -> int:
        """The close of the business day ``us`` belongs to, ``days`` business days on."""
        ordinal, _ = self.owning_business_day(us, inclusive_close=False)
        return self.close_of(self.shift_business_day(ordinal, days))

    def close_of(self, ordinal: int) -> int:
        return max(end for _, end in self.day(ordinal))

    def first_open_of(self, ordinal: int) -> int:
        return self.day(ordinal)[0][0]
