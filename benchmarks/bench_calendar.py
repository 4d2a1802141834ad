"""Business-calendar speed: supportrules against pandas and businesstimedelta (SPEC §2.6).

Run it with ``python benchmarks/bench_calendar.py`` (``make bench`` does). It needs the
``bench`` extra (pandas, businesstimedelta) and prints a markdown table.

All three libraries get the same calendar: Monday–Friday 09:00–18:00 in Europe/Warsaw,
closed on Poland's public holidays 2025–2031 (one explicit list of dates taken from
``holidays.country_holidays("PL", ...)``; Ukraine, the seeds' country, lists no public
holidays after 2022 under martial law, so it would make a calendar without holidays).
Every library gets the same random starts (any minute of 2025–2027, open or closed),
built beforehand in its own native type, so only the arithmetic is timed:

- supportrules: aware ``datetime`` in, aware ``datetime`` out;
- pandas ``CustomBusinessHour``: naive wall-clock ``Timestamp`` (its fastest path;
  pandas counts wall-clock hours), and an aware ``Timestamp`` for information;
- businesstimedelta: aware ``datetime`` with a pytz zone rule; it gets the holiday
  dates as a ``frozenset`` (it tests ``date in holidays`` day by day, and a list would
  make it slower still).

Before timing, a sample is checked: the three must return the same instants, except
that pandas rolls a result that lands exactly on a close to the next opening (we keep
the close, SPEC §2.2); those are counted as agreeing and reported.

Per-call times are the median of several timed passes over the inputs divided by the
number of inputs, after one untimed warm-up pass (our calendar builds its yearly tables
lazily, on first use). The slow peer gets fewer inputs so the run stays short.
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib.metadata import version
from typing import Any
from zoneinfo import ZoneInfo

import businesstimedelta
import holidays
import pandas as pd
import pytz

from supportrules import BusinessCalendar

ZONE = "Europe/Warsaw"
COUNTRY = "PL"
HOLIDAY_YEARS = range(2025, 2032)  # far beyond the last result: see the businesstimedelta note
OPENS, CLOSES = "09:00", "18:00"
SEED = 20261118
STARTS_FROM = datetime(2025, 1, 1, tzinfo=UTC)
STARTS_SPAN_MINUTES = 3 * 365 * 24 * 60  # starts fall anywhere in 2025–2027
HOURS = (8, 1000)

OURS_INPUTS = 20_000
PANDAS_INPUTS = 2_000
BTD_INPUTS = {8: 200, 1000: 40}  # businesstimedelta walks day by day: ~10 ms per 1,000 h
REPEATS = 5
BTD_REPEATS = 3
BATCH = 1_000_000
BATCH_REPEATS = 3

GOAL_VS_PANDAS = 20.0  # SPEC §2.6: at least 20x faster than pandas per call
GOAL_LONG_OVER_SHORT = 1.5  # SPEC §2.6: a 1,000 h add costs at most 1.5x an 8 h one
GOAL_BATCH_SECONDS = 3.0  # SPEC §2.6: 1,000,000 deadlines in under 3 s

Loop = Callable[[], object]


# -- inputs and the three calendars -----------------------------------------------------


def holiday_dates() -> list[date]:
    return sorted(holidays.country_holidays(COUNTRY, years=HOLIDAY_YEARS))


def random_starts(rng: random.Random, count: int, zone: ZoneInfo) -> list[datetime]:
    """Random minutes of 2025–2027 as aware datetimes in ``zone`` (valid and unambiguous)."""
    return [
        (STARTS_FROM + timedelta(minutes=rng.randrange(STARTS_SPAN_MINUTES))).astimezone(zone)
        for _ in range(count)
    ]


@dataclass(frozen=True)
class Peers:
    ours: BusinessCalendar
    btd_rule: businesstimedelta.Rules
    holidays: list[date]

    def pandas_offset(self, hours: int) -> pd.offsets.CustomBusinessHour:
        return pd.offsets.CustomBusinessHour(
            n=hours, start=OPENS, end=CLOSES, weekmask="Mon Tue Wed Thu Fri", holidays=self.holidays
        )

    def btd_delta(self, hours: int) -> businesstimedelta.BusinessTimeDelta:
        return businesstimedelta.BusinessTimeDelta(self.btd_rule, hours=hours)


def build_peers() -> Peers:
    dates = holiday_dates()
    ours = BusinessCalendar.standard(ZONE, f"{OPENS}-{CLOSES}", holidays=dates)
    tz = pytz.timezone(ZONE)
    opens, closes = (datetime.strptime(t, "%H:%M").time() for t in (OPENS, CLOSES))
    rule = businesstimedelta.Rules(
        [
            businesstimedelta.WorkDayRule(
                start_time=opens, end_time=closes, working_days=[0, 1, 2, 3, 4], tz=tz
            ),
            businesstimedelta.HolidayRule(frozenset(dates), tz=tz),
        ]
    )
    return Peers(ours, rule, dates)


# -- timing ---------------------------------------------------------------------------


def per_call_us(loop: Loop, calls: int, repeats: int) -> float:
    """Median seconds of ``repeats`` timed passes, per call, in µs (after one warm-up)."""
    loop()
    samples = []
    for _ in range(repeats):
        began = time.perf_counter()
        loop()
        samples.append(time.perf_counter() - began)
    return statistics.median(samples) / calls * 1e6


def ours_add(calendar: BusinessCalendar, starts: Sequence[datetime], duration: timedelta) -> Loop:
    add = calendar.add

    def loop() -> object:
        last = None
        for start in starts:
            last = add(start, duration)
        return last

    return loop


def ours_between(calendar: BusinessCalendar, pairs: Sequence[tuple[datetime, datetime]]) -> Loop:
    between = calendar.between

    def loop() -> object:
        last = None
        for start, end in pairs:
            last = between(start, end)
        return last

    return loop


def plus(values: Sequence[Any], step: Any) -> Loop:
    """``value + step`` for each value: pandas offsets, businesstimedelta, and the floor."""

    def loop() -> object:
        last = None
        for value in values:
            last = value + step
        return last

    return loop


def btd_between(rule: businesstimedelta.Rules, pairs: Sequence[tuple[datetime, datetime]]) -> Loop:
    difference = rule.difference

    def loop() -> object:
        last = None
        for start, end in pairs:
            last = difference(start, end)
        return last

    return loop


# -- agreement --------------------------------------------------------------------------


def edge_starts(zone: ZoneInfo) -> list[datetime]:
    """Starts that exercise the edges: a result on a close, starts at the open and close,
    a weekend, a holiday, and the fall-back night."""
    return [
        datetime(2026, 11, 18, 10, tzinfo=zone),  # 8 h end exactly at Wednesday's close
        datetime(2026, 11, 18, 9, tzinfo=zone),
        datetime(2026, 11, 18, 18, tzinfo=zone),
        datetime(2026, 11, 21, 11, tzinfo=zone),  # Saturday
        datetime(2026, 11, 11, 12, tzinfo=zone),  # National Independence Day
        datetime(2026, 12, 23, 15, tzinfo=zone),  # before Christmas Eve and Christmas
        datetime(2026, 10, 25, 2, 30, tzinfo=zone),  # fall-back fold (first pass)
        datetime(2026, 3, 27, 17, tzinfo=zone),  # Friday before spring-forward
    ]


@dataclass
class Agreement:
    checked: int = 0
    rolled: int = 0
    mismatches: list[str] | None = None

    def fail(self, text: str) -> None:
        if self.mismatches is None:
            self.mismatches = []
        self.mismatches.append(text)


def check_agreement(peers: Peers, starts: Sequence[datetime], hours: int, found: Agreement) -> None:
    calendar = peers.ours
    duration = timedelta(hours=hours)
    offset = peers.pandas_offset(hours)
    delta = peers.btd_delta(hours)
    for start in starts:
        found.checked += 1
        ours = calendar.add(start, duration)
        wall = ours.replace(tzinfo=None)
        rolled_wall = calendar.next_open(ours).replace(tzinfo=None)
        naive = (pd.Timestamp(start.replace(tzinfo=None)) + offset).to_pydatetime()
        aware = (pd.Timestamp(start) + offset).to_pydatetime()
        theirs_btd = start + delta
        if naive != wall:
            if wall.strftime("%H:%M") == CLOSES and naive == rolled_wall:
                found.rolled += 1
            else:
                found.fail(f"pandas {start} + {hours} h: ours {ours}, pandas {naive}")
        rolled_aware = (
            wall.strftime("%H:%M") == CLOSES and aware.replace(tzinfo=None) == rolled_wall
        )
        if aware != ours and not rolled_aware:
            found.fail(f"pandas (aware) {start} + {hours} h: ours {ours}, pandas {aware}")
        if theirs_btd != ours:
            found.fail(f"businesstimedelta {start} + {hours} h: ours {ours}, btd {theirs_btd}")
        if calendar.between(start, ours) != duration:
            found.fail(f"ours between({start}, {ours}) = {calendar.between(start, ours)}")
        theirs_between = peers.btd_rule.difference(start, ours).timedelta
        if theirs_between != duration:
            found.fail(f"businesstimedelta difference({start}, {ours}) = {theirs_between}")


# -- the report -------------------------------------------------------------------------


def us(value: float | None) -> str:
    if value is None:
        return "n/a"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def times(numerator: float | None, denominator: float) -> str:
    if numerator is None:
        return "—"
    ratio = numerator / denominator
    return f"{ratio:,.0f}×" if ratio >= 100 else f"{ratio:.1f}×"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    zone = ZoneInfo(ZONE)
    peers = build_peers()
    rng = random.Random(SEED)
    starts = random_starts(rng, OURS_INPUTS, zone)
    calendar = peers.ours

    print("# Business calendar benchmark (SPEC §2.6)\n")
    print(
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; "
        f"supportrules {version('supportrules')}, pandas {pd.__version__}, "
        f"businesstimedelta {version('businesstimedelta')}, holidays {holidays.__version__}."
    )
    print(
        f"Calendar: Mon–Fri {OPENS}–{CLOSES} {ZONE}, {len(peers.holidays)} {COUNTRY} public "
        f"holidays {HOLIDAY_YEARS.start}–{HOLIDAY_YEARS.stop - 1} (the same dates for all three)."
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(
        f"Load average at start: {load:.2f} (other processes on the machine make the "
        "numbers noisy; rerun on a quiet machine for stable ones)."
    )
    print(
        f"Inputs: random minutes of 2025–2027 (seed {SEED}); supportrules {OURS_INPUTS:,}, "
        f"pandas {PANDAS_INPUTS:,}, businesstimedelta {BTD_INPUTS[8]} (8 h) and "
        f"{BTD_INPUTS[1000]} (1,000 h) of the same starts; median of {REPEATS} passes "
        f"({BTD_REPEATS} for businesstimedelta).\n"
    )

    agreement = Agreement()
    for hours in HOURS:
        check_agreement(peers, [*starts[: BTD_INPUTS[hours]], *edge_starts(zone)], hours, agreement)
    print(
        f"Agreement: {agreement.checked} sampled adds (with their betweens) give the same "
        f"instants in all three; {agreement.rolled} pandas results were rolled from a close to "
        "the next opening and normalised."
    )
    if agreement.mismatches:
        print(
            f"DISAGREEMENT ({len(agreement.mismatches)}): the timings below compare unlike things"
        )
        for line in agreement.mismatches[:20]:
            print("  " + line)

    rows: list[tuple[str, float, float | None, float | None, float | None]] = []
    add_us: dict[int, float] = {}
    between_us: dict[int, float] = {}
    pandas_us: dict[int, float] = {}
    for hours in HOURS:
        duration = timedelta(hours=hours)
        add_us[hours] = per_call_us(ours_add(calendar, starts, duration), len(starts), REPEATS)
        offset = peers.pandas_offset(hours)
        few = starts[:PANDAS_INPUTS]
        naive = [pd.Timestamp(s.replace(tzinfo=None)) for s in few]
        aware = [pd.Timestamp(s) for s in few]
        pandas_us[hours] = per_call_us(plus(naive, offset), len(naive), REPEATS)
        pandas_aware = per_call_us(plus(aware, offset), len(aware), REPEATS)
        slow = starts[: BTD_INPUTS[hours]]
        btd_add = per_call_us(plus(slow, peers.btd_delta(hours)), len(slow), BTD_REPEATS)
        rows.append((f"`add`, {hours:,} h", add_us[hours], pandas_us[hours], pandas_aware, btd_add))

    for hours in HOURS:
        duration = timedelta(hours=hours)
        pairs = list(zip(starts, calendar.add_many(starts, duration), strict=True))
        between_us[hours] = per_call_us(ours_between(calendar, pairs), len(pairs), REPEATS)
        slow_pairs = pairs[: BTD_INPUTS[hours]]
        btd = per_call_us(btd_between(peers.btd_rule, slow_pairs), len(slow_pairs), BTD_REPEATS)
        rows.append((f"`between`, {hours:,} h span", between_us[hours], None, None, btd))

    floor = per_call_us(plus(starts, timedelta(hours=8)), len(starts), REPEATS)
    rows.append(("`datetime + timedelta` (floor)", floor, None, None, None))

    print()
    print(
        "| operation | supportrules µs | pandas µs (naive) | pandas µs (aware) "
        "| businesstimedelta µs | vs pandas | vs businesstimedelta |"
    )
    print("|---|--:|--:|--:|--:|--:|--:|")
    for label, ours, pandas_naive, pandas_aware, btd in rows:
        print(
            f"| {label} | {us(ours)} | {us(pandas_naive)} | {us(pandas_aware)} | {us(btd)} "
            f"| {times(pandas_naive, ours)} | {times(btd, ours)} |"
        )

    batch_starts = random_starts(rng, BATCH, zone)
    calendar.add_many(batch_starts[:1000], timedelta(hours=8))
    batch_seconds = []
    batch_cpu = []
    for _ in range(BATCH_REPEATS):
        began, began_cpu = time.perf_counter(), time.process_time()
        calendar.add_many(batch_starts, timedelta(hours=8))
        batch_seconds.append(time.perf_counter() - began)
        batch_cpu.append(time.process_time() - began_cpu)
    batch = statistics.median(batch_seconds)
    print(
        f"\n`add_many` of {BATCH:,} random starts, 8 h: {batch:.2f} s "
        f"({batch / BATCH * 1e6:.2f} µs per deadline; median of {BATCH_REPEATS}; "
        f"CPU time {statistics.median(batch_cpu):.2f} s)."
    )

    long_over_short = add_us[1000] / add_us[8]
    goals = [
        (
            f"`add` 8 h at least {GOAL_VS_PANDAS:.0f}× faster than pandas",
            f"{pandas_us[8] / add_us[8]:.1f}×",
            pandas_us[8] / add_us[8] >= GOAL_VS_PANDAS,
        ),
        (
            f"`add` 1,000 h at least {GOAL_VS_PANDAS:.0f}× faster than pandas",
            f"{pandas_us[1000] / add_us[1000]:.1f}×",
            pandas_us[1000] / add_us[1000] >= GOAL_VS_PANDAS,
        ),
        (
            f"`add` 1,000 h at most {GOAL_LONG_OVER_SHORT}× the cost of 8 h",
            f"{long_over_short:.2f}×",
            long_over_short <= GOAL_LONG_OVER_SHORT,
        ),
        (
            f"`add_many` {BATCH:,} deadlines under {GOAL_BATCH_SECONDS:.0f} s",
            f"{batch:.2f} s",
            batch < GOAL_BATCH_SECONDS,
        ),
    ]
    print("\n| goal (SPEC §2.6) | measured | result |")
    print("|---|--:|---|")
    for goal, measured, ok in goals:
        print(f"| {goal} | {measured} | {verdict(ok)} |")

    print(
        "\nNotes: pandas has no business-time difference, so `between` is compared with "
        "businesstimedelta only. businesstimedelta raises TypeError (`combine() argument 1 "
        "must be datetime.date, not None`) once a span passes its last listed holiday, so it "
        f"gets holidays up to {HOLIDAY_YEARS.stop - 1}, years past the last result. Its time "
        "grows with the duration because it walks day by day; ours does not."
    )
    return 1 if agreement.mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
