"""SLA engine speed: deadlines and live status over 100,000 mixed tickets (issue 3).

Run it with ``python benchmarks/bench_sla.py``. It prints a markdown table.

The tickets are every kind (consultation, bug, critical_bug, compound with 1-5 parts,
modification with an estimate of 1-40 h, one in ten still without one), opened at a
random minute of 2026, through every channel (a few refused at intake), half of them
under the paid preset and half under the Partner Support Manager preset, on a
Monday–Friday 09:00–18:00 calendar with Ukraine's public holidays
(``BusinessCalendar.for_country("UA", timezone="Europe/Kyiv")``; under martial law the
``holidays`` package lists none for 2026, so this is a weekday calendar in practice).

Each ticket gets a history with two pauses (waiting on the customer, then on
production) and an acknowledgement, and a ``now`` after the second resume; tickets,
histories and instants are built beforehand, so only the rules are timed. Every
timing is the median of several passes after one untimed warm-up pass (the calendar
builds its yearly tables, and each policy its compiled targets, on first use).
``calendar.add`` of 8 business hours from the same starts is timed in the same run as
a reference for the cost of one calendar step.

Goals (issue 3): ``deadlines`` for 100,000 tickets under 2 s, ``status`` with two
pauses each under 4 s, on one core.
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from supportrules import BusinessCalendar
from supportrules.presets import onebox_paid_support, onebox_partner_support_manager
from supportrules.sla import (
    Acknowledged,
    Paused,
    Resumed,
    SlaEvent,
    SlaPolicy,
    Ticket,
    TicketKind,
)

TICKETS = 100_000
SEED = 20261118
REPEATS = 3
KYIV = ZoneInfo("Europe/Kyiv")
YEAR_START = datetime(2026, 1, 1, tzinfo=KYIV).astimezone(UTC)
MINUTES_IN_2026 = 365 * 24 * 60
GOAL_DEADLINES = 2.0  # seconds for 100,000 tickets
GOAL_STATUS = 4.0
CHANNELS = ("portal", "client_area", "email", "phone")

Case = tuple[SlaPolicy, Ticket, list[SlaEvent], datetime]


def build_cases(calendar: BusinessCalendar) -> list[Case]:
    rng = random.Random(SEED)
    policies = (onebox_paid_support(calendar), onebox_partner_support_manager(calendar))
    kinds = list(TicketKind)
    cases: list[Case] = []
    for n in range(TICKETS):
        kind = kinds[n % len(kinds)]
        # Instant arithmetic in UTC: adding a timedelta to a Kyiv datetime would be
        # wall-clock arithmetic and land in the DST gap of 29 March.
        opened = YEAR_START + timedelta(minutes=rng.randrange(MINUTES_IN_2026))
        fields: dict[str, object] = {}
        if kind is TicketKind.COMPOUND:
            fields["parts"] = rng.randint(1, 5)
        if kind is TicketKind.MODIFICATION and rng.random() < 0.9:
            fields["estimate"] = timedelta(hours=rng.randint(1, 40))
        # One ticket in twenty comes by phone: refused at intake under PSM unless critical.
        channel = "phone" if rng.random() < 0.05 else rng.choice(CHANNELS[:3])
        ticket = Ticket(id=f"T-{n}", kind=kind, opened_at=opened, channel=channel, **fields)
        # Acknowledged, then two pauses: minutes apart, spread over a few days.
        at = opened + timedelta(minutes=rng.randint(1, 120))
        events: list[SlaEvent] = [Acknowledged(at=at.astimezone(KYIV))]
        for reason in ("customer", "production"):
            at += timedelta(minutes=rng.randint(10, 24 * 60))
            events.append(Paused(at=at.astimezone(KYIV), reason=reason))
            at += timedelta(minutes=rng.randint(10, 24 * 60))
            events.append(Resumed(at=at.astimezone(KYIV)))
        now = at + timedelta(minutes=rng.randint(0, 3 * 24 * 60))
        cases.append((policies[n % 2], ticket, events, now.astimezone(KYIV)))
    return cases


def timed(loop: Callable[[], object]) -> float:
    """Median seconds of ``REPEATS`` passes, after one untimed warm-up pass."""
    loop()
    runs = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        loop()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def run_deadlines(cases: Sequence[Case]) -> Callable[[], object]:
    def loop() -> object:
        last = None
        for policy, ticket, _, _ in cases:
            last = policy.deadlines(ticket)
        return last

    return loop


def run_status(cases: Sequence[Case]) -> Callable[[], object]:
    def loop() -> object:
        last = None
        for policy, ticket, events, now in cases:
            last = policy.status(ticket, events, now)
        return last

    return loop


def run_add(calendar: BusinessCalendar, starts: Sequence[datetime]) -> Callable[[], object]:
    step = timedelta(hours=8)
    add = calendar.add

    def loop() -> object:
        last = None
        for start in starts:
            last = add(start, step)
        return last

    return loop


def main() -> None:
    calendar = BusinessCalendar.for_country("UA", timezone="Europe/Kyiv")
    built = time.perf_counter()
    cases = build_cases(calendar)
    built = time.perf_counter() - built
    outcomes: dict[str, int] = {}
    for policy, ticket, _, _ in cases:
        outcome = policy.deadlines(ticket).outcome
        outcomes[outcome] = outcomes.get(outcome, 0) + 1

    deadlines_s = timed(run_deadlines(cases))
    status_s = timed(run_status(cases))
    add_s = timed(run_add(calendar, [ticket.opened_at for _, ticket, _, _ in cases]))

    def row(name: str, seconds: float, goal: float | None) -> str:
        per = seconds / TICKETS * 1e6
        verdict = "—" if goal is None else ("PASS" if seconds < goal else "FAIL")
        goal_text = "reference" if goal is None else f"< {goal:g} s"
        return f"| {name} | {TICKETS:,} | {seconds:.3f} | {per:.1f} | {goal_text} | {verdict} |"

    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    print(
        f"Python {platform.python_version()} on {platform.machine()} "
        f"({platform.system()}), {os.cpu_count()} CPUs, load average "
        f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; median of {REPEATS} passes after a "
        f"warm-up"
    )
    print(
        f"{TICKETS:,} tickets built in {built:.1f} s (untimed); outcomes: "
        + ", ".join(f"{name} {count:,}" for name, count in sorted(outcomes.items()))
    )
    print()
    print("| measure | tickets | seconds | µs per ticket | goal | result |")
    print("|---|---:|---:|---:|---|---|")
    print(row("`policy.deadlines(ticket)`", deadlines_s, GOAL_DEADLINES))
    print(row("`policy.status(ticket, events, now)`, 2 pauses", status_s, GOAL_STATUS))
    print(row("`calendar.add(start, 8 h)`", add_s, None))
    failed = deadlines_s >= GOAL_DEADLINES or status_s >= GOAL_STATUS
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
