"""One policy shared by many threads answers as one thread does (SPEC §1 "Safe to share").

A service keeps one policy per plan and calls it from every request thread; the policy
compiles its targets and its calendar builds holiday years as tickets arrive. These
tests start many threads on fresh policies (nothing built yet) and compare every answer
with a serial run on another fresh policy.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from calendars.slowdown import slow_population  # noqa: F401 (a fixture)
from supportrules import BusinessCalendar
from supportrules.presets import onebox_paid_support, onebox_partner_support_manager
from supportrules.sla import Paused, Resumed, SlaPolicy, Ticket

ISTANBUL = ZoneInfo("Europe/Istanbul")
KINDS = ("bug", "critical_bug", "consultation", "compound", "modification")


def fresh_policies() -> list[SlaPolicy]:
    def calendar() -> BusinessCalendar:
        return BusinessCalendar.for_country("TR", timezone="Europe/Istanbul")

    return [onebox_paid_support(calendar()), onebox_partner_support_manager(calendar())]


def tickets() -> list[Ticket]:
    found = []
    for n in range(240):
        opened = datetime(2024 + n % 4, 1 + n % 12, 1 + n % 28, 7 + n % 12, n % 60, tzinfo=ISTANBUL)
        kind = KINDS[n % len(KINDS)]
        found.append(
            Ticket(
                id=f"T-{n}",
                kind=kind,
                opened_at=opened,
                parts=3 if kind == "compound" else 1,
                estimate=timedelta(hours=5) if kind == "modification" else None,
            )
        )
    return found


def answers(policy: SlaPolicy, ticket: Ticket) -> tuple[Any, ...]:
    pause = ticket.opened_at + timedelta(hours=2)
    events = [Paused(at=pause), Resumed(at=pause + timedelta(days=3))]
    now = ticket.opened_at + timedelta(days=9)
    return (policy.deadlines(ticket), policy.status(ticket, events, now))


def on_threads(calls: list[Callable[[], Any]], workers: int = 8) -> list[Any]:
    barrier = threading.Barrier(workers)

    def run(chunk: list[Callable[[], Any]]) -> list[Any]:
        barrier.wait(timeout=30)
        return [call() for call in chunk]

    chunks = [calls[i::workers] for i in range(workers)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        done = list(pool.map(run, chunks))
    results: list[Any] = [None] * len(calls)
    for i, chunk_results in enumerate(done):
        results[i::workers] = chunk_results
    return results


class TestPoliciesUnderThreads:
    def test_fresh_policies_shared_by_threads_agree_with_one_thread(self) -> None:
        subjects = tickets()
        serial = [answers(policy, t) for policy in fresh_policies() for t in subjects]
        shared = fresh_policies()
        calls: list[Callable[[], Any]] = [
            partial(answers, policy, t) for policy in shared for t in subjects
        ]
        assert on_threads(calls) == serial

    @pytest.mark.usefixtures("slow_population")
    def test_while_the_holiday_years_load_slowly(self) -> None:
        # The interleaving that used to lose holidays, forced: every thread asks while
        # the package is halfway through filling a year.
        subjects = [t for t in tickets() if t.kind == "bug"][:24]
        serial = [fresh_policies()[0].deadlines(t) for t in subjects]
        shared = fresh_policies()[0]
        assert on_threads([partial(shared.deadlines, t) for t in subjects]) == serial

    def test_a_fresh_policy_compiles_each_route_once_whatever_the_thread(self) -> None:
        policy = fresh_policies()[1]
        subjects = tickets()[:40]
        results = on_threads([partial(policy.deadlines, t) for t in subjects * 4])
        assert results == [fresh_policies()[1].deadlines(t) for t in subjects * 4]
