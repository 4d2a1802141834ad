"""Hypothesis strategies for random calendars and the instants that stress them.

Calendars are drawn as :class:`~.reference.Schedule` data, so that the brute-force
reference and the library read the very same description. The draws lean towards the
hard cases of SPEC §2.1: intervals over 00:00–04:00 (where the DST gaps and folds of the
zones below lie), ``00:00-24:00`` days, empty days, several intervals a day (touching
ones included), holidays and special days near the start, and start instants near the
zone's DST transitions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from .reference import Day, Schedule

__all__ = [
    "Scenario",
    "day_hours",
    "scenarios",
    "start_zones",
]

# The zones SPEC §2 worries about, each with the local dates of its 2026 transitions
# (and Apia's date line jump: 2011-12-30 does not exist there).
TRANSITIONS: dict[str, tuple[date, ...]] = {
    "America/New_York": (date(2026, 3, 8), date(2026, 11, 1)),
    "Europe/Amsterdam": (date(2026, 3, 29), date(2026, 10, 25)),
    # Santiago shifts at midnight: 2026-04-05 has 23:00-24:00 twice, 2026-09-06 no 00:00.
    "America/Santiago": (date(2026, 4, 5), date(2026, 9, 6)),
    # Lord Howe shifts by 30 minutes (02:00 -> 01:30 in April, 02:00 -> 02:30 in October).
    "Australia/Lord_Howe": (date(2026, 4, 5), date(2026, 10, 4)),
    "Asia/Kathmandu": (),  # +05:45, no DST
    "Europe/Kyiv": (date(2026, 3, 29), date(2026, 10, 25)),
    "UTC": (),
    "Pacific/Apia": (date(2011, 12, 30),),
}
ZONES = tuple(TRANSITIONS)

# Dates every zone gets as anchors too: year ends (years are built lazily, one at a
# time) and 2026-10-22 00:00 UTC, where two of the engine's 52-week blocks meet.
SHARED_ANCHORS = (date(2025, 12, 31), date(2026, 1, 1), date(2026, 10, 22), date(2026, 12, 31))

_GRID = sorted({*range(0, 1441, 15), 1, 59, 61, 119, 121, 179, 181, 239, 241, 1381, 1439})
_NIGHT_DAYS: tuple[Day, ...] = (
    ((60, 240),),  # 01:00-04:00: over every gap and fold of the zones above
    ((0, 150),),
    ((120, 180),),  # 02:00-03:00: wholly inside Amsterdam's and New York's spring gap
    ((90, 150),),
    ((120, 150),),  # 02:00-02:30: wholly inside Lord Howe's October gap
    ((0, 60), (120, 240)),
    ((0, 360),),
    ((1320, 1440),),
    ((1380, 1440),),  # 23:00-24:00: Santiago's April fold
    ((0, 30), (1410, 1440)),
)


@st.composite
def _random_day(draw: st.DrawFn) -> Day:
    count = draw(st.integers(1, 3))
    points = sorted(
        draw(st.lists(st.sampled_from(_GRID), min_size=2 * count, max_size=2 * count, unique=True))
    )
    intervals = [(points[2 * i], points[2 * i + 1]) for i in range(count)]
    if count > 1 and draw(st.booleans()):  # make the intervals touch: '09:00-12:00', '12:00-13:00'
        for i in range(1, count):
            intervals[i] = (intervals[i - 1][1], intervals[i][1])
    return tuple(intervals)


def day_hours() -> st.SearchStrategy[Day]:
    """One day's open intervals: empty, 24 hours, night hours, or 1–3 random intervals."""
    return st.one_of(
        st.just(()),
        st.just(((0, 1440),)),
        st.sampled_from(_NIGHT_DAYS),
        _random_day(),
    )


def start_zones(calendar_zone: str) -> st.SearchStrategy[tzinfo]:
    """Zones to express a start instant in: the calendar's own, or anything else."""
    return st.sampled_from(
        [
            ZoneInfo(calendar_zone),
            UTC,
            ZoneInfo("Asia/Kathmandu"),
            ZoneInfo("America/Santiago"),
            ZoneInfo("Pacific/Kiritimati"),  # +14:00
            timezone(timedelta(hours=-9, minutes=-30)),
        ]
    )


@dataclass(frozen=True)
class Scenario:
    """A random calendar, a start instant near an interesting date, and a duration scale."""

    schedule: Schedule
    anchor: date
    start: datetime  # minute-aligned, expressed in some zone (not always the calendar's)

    def limit_minutes(self, hours: int = 40) -> int:
        """A duration bound that keeps the minute-stepping reference within a few weeks."""
        return min(hours * 60, 2 * self.schedule.weekly_open_minutes)


@st.composite
def scenarios(draw: st.DrawFn, *, zone: str | None = None) -> Scenario:
    """A calendar in a DST-rich zone with holidays and special days near a start instant."""
    key = zone if zone is not None else draw(st.sampled_from(ZONES))
    anchors = TRANSITIONS[key] + SHARED_ANCHORS
    anchor = draw(
        st.one_of(
            st.sampled_from(anchors),
            st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)),
        )
    )
    weekly = draw(st.tuples(*[day_hours()] * 7).filter(lambda days: any(days)))
    near = st.integers(-8, 24).map(lambda n: anchor + timedelta(days=n))
    holidays = draw(st.frozensets(near, max_size=4))
    specials = draw(st.dictionaries(near, day_hours(), max_size=3))
    schedule = Schedule(
        timezone=key,
        weekly=weekly,
        holidays=holidays,
        special_days=tuple(sorted(specials.items())),
    )
    # Within half a day of the anchor's midnight (UTC) most of the time, where the
    # transitions are; anywhere within four days otherwise.
    minutes = draw(st.one_of(st.integers(-12 * 60, 36 * 60), st.integers(-4 * 1440, 4 * 1440)))
    instant = datetime(anchor.year, anchor.month, anchor.day, tzinfo=UTC) + timedelta(
        minutes=minutes
    )
    start = instant.astimezone(draw(start_zones(key)))
    return Scenario(schedule=schedule, anchor=anchor, start=start)
