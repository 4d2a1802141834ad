"""Invariants of the SLA engine over generated tickets and event histories (hypothesis).

Tickets of every kind open at any minute of 2026 under the three presets and a policy of
relative targets, on calendar K and on K with holidays and a half day. Histories are
drawn as plain data, ``(gap in minutes, choice)`` pairs turned into a valid event
sequence, so that a failing case reads as a table and can be pinned with ``@example``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from supportrules import BusinessCalendar
from supportrules.presets import (
    onebox_free_support,
    onebox_paid_support,
    onebox_partner_support_manager,
)
from supportrules.sla import (
    Acknowledged,
    Deadlines,
    MetricState,
    Paused,
    Reopened,
    Resolved,
    Resumed,
    SlaEvent,
    SlaPolicy,
    SlaStatus,
    SlaTarget,
    Ticket,
    TicketKind,
)

KYIV = ZoneInfo("Europe/Kyiv")
K = BusinessCalendar(timezone="Europe/Kyiv", weekly={d: ["09:00-18:00"] for d in range(5)})
K_CLOSED_DAYS = K.replace(
    holidays=[
        date(2026, 1, 1),
        date(2026, 1, 7),
        date(2026, 3, 9),
        date(2026, 5, 1),
        date(2026, 8, 24),
        date(2026, 12, 25),
    ],
    special_days={date(2026, 12, 31): ["09:00-13:00"], date(2026, 6, 27): ["10:00-15:00"]},
)


def relative(calendar: BusinessCalendar) -> SlaPolicy:
    """ServiceNow-style promises: acknowledge by the close of the day, bugs by 16:00 (10:00
    cutoff), critical bugs the same day by 16:00, everything else by the next day's close."""
    return SlaPolicy(
        name="relative",
        calendar=calendar,
        targets=(
            SlaTarget.end_of_business_day("acknowledge", [], days=0),
            SlaTarget.by_time_of_day("resolve", ["bug"], at="16:00", cutoff="10:00", days=1),
            SlaTarget.by_time_of_day("resolve", ["critical_bug"], at="16:00", cutoff="10:00"),
            SlaTarget.end_of_business_day("resolve", [], days=1),
        ),
    )


POLICIES: dict[str, SlaPolicy] = {
    f"{name} on {label}": build(calendar)
    for name, build in (
        ("free", onebox_free_support),
        ("paid", onebox_paid_support),
        ("psm", onebox_partner_support_manager),
        ("relative", relative),
    )
    for label, calendar in (("K", K), ("K with closed days", K_CLOSED_DAYS))
}
YEAR_START = datetime(2026, 1, 1, tzinfo=KYIV)
MINUTES_IN_2026 = 365 * 24 * 60
ZONES = ("UTC", "America/New_York", "Asia/Tokyo", "Pacific/Kiritimati", "Europe/Amsterdam")

policy_names = st.sampled_from(sorted(POLICIES))
minutes = st.integers(0, MINUTES_IN_2026 - 1)
kinds = st.sampled_from(list(TicketKind))
estimates = st.none() | st.integers(0, 40 * 60).map(lambda m: timedelta(minutes=m))
parts = st.integers(1, 5)
channels = st.sampled_from(["portal", "client_area", "email", "phone"])
# A history: each step waits `gap` minutes, then takes option `choice` of the state.
steps = st.lists(st.tuples(st.integers(0, 3 * 24 * 60), st.integers(0, 2)), max_size=7)
later = st.integers(0, 12 * 24 * 60)  # minutes after opened_at

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def minute(offset: int) -> datetime:
    """The instant ``offset`` minutes into 2026, read in Kyiv."""
    return later_by(YEAR_START, timedelta(minutes=offset))


def later_by(moment: datetime, duration: timedelta) -> datetime:
    """``duration`` of elapsed time after ``moment``, read in Kyiv.

    Adding a ``timedelta`` to a Kyiv ``datetime`` directly would be wall-clock
    arithmetic (Python's rule for one zone), wrong by an hour across a DST change.
    """
    return (moment.astimezone(UTC) + duration).astimezone(KYIV)


def make_ticket(
    kind: TicketKind,
    opened_at: datetime,
    estimate: timedelta | None = None,
    n_parts: int = 1,
    channel: str = "portal",
) -> Ticket:
    return Ticket(
        id="T-1",
        kind=kind,
        opened_at=opened_at,
        channel=channel,
        parts=n_parts if kind is TicketKind.COMPOUND else 1,
        estimate=estimate if kind is TicketKind.MODIFICATION else None,
    )


def history(opened_at: datetime, plan: Sequence[tuple[int, int]]) -> list[SlaEvent]:
    """A valid event sequence from ``(gap minutes, choice)`` steps."""
    events: list[SlaEvent] = []
    at, state = opened_at, "open"
    for gap, choice in plan:
        at = later_by(at, timedelta(minutes=gap))
        options = {
            "open": ("acknowledge", "pause", "resolve"),
            "paused": ("resume", "resolve"),
            "resolved": ("reopen",),
        }[state]
        action = options[choice % len(options)]
        if action == "acknowledge":
            events.append(Acknowledged(at=at))
        elif action == "pause":
            events.append(Paused(at=at, reason=("customer", "production")[gap % 2]))
            state = "paused"
        elif action == "resume":
            events.append(Resumed(at=at))
            state = "open"
        elif action == "resolve":
            events.append(Resolved(at=at))
            state = "resolved"
        else:
            events.append(Reopened(at=at))
            state = "open"
    return events


def instants(result: Deadlines) -> list[datetime | None]:
    return [result.acknowledge_by, result.resolve_by, *result.parts]


class TestDeadlines:
    @SETTINGS
    @given(policy_names, kinds, minutes, estimates, parts, channels)
    def test_no_due_is_before_the_ticket_opened(
        self,
        name: str,
        kind: TicketKind,
        offset: int,
        estimate: timedelta | None,
        n_parts: int,
        channel: str,
    ) -> None:
        opened = minute(offset)
        result = POLICIES[name].deadlines(make_ticket(kind, opened, estimate, n_parts, channel))
        for due in instants(result):
            assert due is None or due >= opened
        assert result.clock_start is None or result.clock_start >= opened

    @SETTINGS
    @given(policy_names, kinds, minutes, minutes, estimates, parts)
    def test_deadlines_are_monotonic_in_opened_at(
        self,
        name: str,
        kind: TicketKind,
        first: int,
        second: int,
        estimate: timedelta | None,
        n_parts: int,
    ) -> None:
        early, late = sorted((first, second))
        policy = POLICIES[name]
        a = policy.deadlines(make_ticket(kind, minute(early), estimate, n_parts))
        b = policy.deadlines(make_ticket(kind, minute(late), estimate, n_parts))
        for due_a, due_b in zip(instants(a), instants(b), strict=True):
            assert (due_a is None) == (due_b is None)
            assert due_a is None or due_b is None or due_a <= due_b

    @pytest.mark.parametrize(
        "name", ["paid on K", "paid on K with closed days", "free on K"], ids=str
    )
    def test_bugs_are_monotonic_minute_by_minute_around_the_cutoff(self, name: str) -> None:
        # Every minute of Fri 2026-05-01 (a holiday in one calendar) to Tue 2026-05-05.
        policy = POLICIES[name]
        start = datetime(2026, 5, 1, tzinfo=KYIV)
        previous: datetime | None = None
        for step in range(0, 4 * 24 * 60, 7):
            opened = later_by(start, timedelta(minutes=step))
            due = policy.deadlines(make_ticket(TicketKind.BUG, opened))
            assert due.resolve_by is not None
            assert previous is None or previous <= due.resolve_by
            previous = due.resolve_by

    @SETTINGS
    @given(policy_names, kinds, minutes, estimates, parts, channels, st.sampled_from(ZONES))
    def test_results_do_not_depend_on_the_zone_opened_at_is_written_in(
        self,
        name: str,
        kind: TicketKind,
        offset: int,
        estimate: timedelta | None,
        n_parts: int,
        channel: str,
        zone: str,
    ) -> None:
        policy = POLICIES[name]
        opened = minute(offset)
        here = policy.deadlines(make_ticket(kind, opened, estimate, n_parts, channel))
        there = policy.deadlines(
            make_ticket(kind, opened.astimezone(ZoneInfo(zone)), estimate, n_parts, channel)
        )
        assert instants(here) == instants(there)
        assert here.clock_start == there.clock_start
        assert (here.outcome, here.codes) == (there.outcome, there.codes)
        assert [r.facts for r in here.reasons] == [r.facts for r in there.reasons]
        # Results read in the calendar's zone whatever zone the ticket came in.
        for due in instants(there):
            assert due is None or due.tzinfo == KYIV


class TestPauses:
    @SETTINGS
    @given(
        policy_names,
        kinds,
        minutes,
        estimates,
        parts,
        st.floats(0, 1, exclude_max=True),
        st.integers(1, 4 * 24 * 60),
    )
    # Over the weekends when Kyiv leaves (25 October) and enters (29 March) summer time.
    @example("psm on K", TicketKind.CONSULTATION, 425_640, None, 1, 0.5, 3 * 24 * 60)
    @example("paid on K", TicketKind.BUG, 123_390, None, 1, 0.9, 4 * 24 * 60)
    def test_a_pause_moves_the_due_by_exactly_the_business_time_paused(
        self,
        name: str,
        kind: TicketKind,
        offset: int,
        estimate: timedelta | None,
        n_parts: int,
        where: float,
        length: int,
    ) -> None:
        policy = POLICIES[name]
        opened = minute(offset)
        subject = make_ticket(kind, opened, estimate, n_parts)
        planned = policy.deadlines(subject)
        original, start = planned.resolve_by, planned.clock_start
        assume(original is not None and start is not None and original > opened)
        assert original is not None
        assert start is not None
        # The pause begins anywhere between the opening and the original due.
        # (Subtracting two Kyiv datetimes is wall-clock arithmetic too: go through UTC.)
        paused = later_by(opened, (original.astimezone(UTC) - opened.astimezone(UTC)) * where)
        resumed = later_by(paused, timedelta(minutes=length))
        events: list[SlaEvent] = [Paused(at=paused), Resumed(at=resumed)]
        resolve = policy.status(subject, events, resumed).resolve
        assert resolve.due_at is not None
        assert resolve.original_due_at == original
        # Only the business time after the clock start counts (a bug registered after
        # the cutoff starts the next morning), and only a pause that begins by the due
        # (at the due too: done at the due is in time, so the clock can still stop).
        counted_from = max(paused, start)
        paused_time = (
            policy.calendar.between(counted_from, resumed)
            if counted_from <= original and counted_from < resumed
            else timedelta(0)
        )
        assert policy.calendar.between(original, resolve.due_at) == paused_time
        assert resolve.due_at >= original


def status_inputs() -> st.SearchStrategy[tuple[str, Ticket, list[SlaEvent], datetime]]:
    @st.composite
    def build(draw: st.DrawFn) -> tuple[str, Ticket, list[SlaEvent], datetime]:
        name = draw(policy_names)
        opened = minute(draw(minutes))
        subject = make_ticket(draw(kinds), opened, draw(estimates), draw(parts), draw(channels))
        events = history(opened, draw(steps))
        now = later_by(opened, timedelta(minutes=draw(later)))
        return name, subject, events, now

    return build()


class TestStatus:
    @SETTINGS
    @given(status_inputs())
    def test_remaining_is_never_more_than_the_target(
        self, case: tuple[str, Ticket, list[SlaEvent], datetime]
    ) -> None:
        name, subject, events, now = case
        result = POLICIES[name].status(subject, events, now)
        for metric in (result.acknowledge, result.resolve):
            if metric.state is MetricState.NOT_APPLICABLE:
                continue
            assert metric.target is not None
            assert metric.remaining is not None
            assert timedelta(0) <= metric.remaining <= metric.target
            assert metric.elapsed >= timedelta(0)
            assert metric.paused_for >= timedelta(0)
            assert metric.due_at is not None
            assert metric.original_due_at is not None
            assert metric.due_at >= metric.original_due_at
            if metric.state is MetricState.MET:
                assert metric.met_at is not None
                assert metric.met_at <= metric.due_at
            if metric.state is MetricState.BREACHED:
                assert metric.breached_at == metric.due_at

    @SETTINGS
    @given(status_inputs())
    def test_status_is_deterministic_and_replays_on_a_reloaded_policy(
        self, case: tuple[str, Ticket, list[SlaEvent], datetime]
    ) -> None:
        name, subject, events, now = case
        policy = POLICIES[name]
        first = policy.status(subject, events, now)
        assert policy.status(subject, events, now) == first
        reloaded = SlaPolicy.model_validate_json(policy.model_dump_json())
        assert reloaded.status(subject, list(events), now) == first

    @SETTINGS
    @given(status_inputs())
    # A pause open at `now` that a later Resumed closes: once dropped, so pinned here.
    @example(
        (
            "psm on K",
            make_ticket(TicketKind.CONSULTATION, datetime(2026, 11, 18, 10, tzinfo=KYIV)),
            [
                Paused(at=datetime(2026, 11, 18, 11, tzinfo=KYIV)),
                Resumed(at=datetime(2026, 11, 18, 14, tzinfo=KYIV)),
            ],
            datetime(2026, 11, 18, 12, tzinfo=KYIV),
        )
    )
    def test_events_after_now_change_nothing(
        self, case: tuple[str, Ticket, list[SlaEvent], datetime]
    ) -> None:
        name, subject, events, now = case
        policy = POLICIES[name]
        known = [event for event in events if event.at <= now]
        assert policy.status(subject, events, now) == policy.status(subject, known, now)

    @SETTINGS
    @given(status_inputs(), st.sampled_from(ZONES))
    def test_status_does_not_depend_on_the_zone_of_the_inputs(
        self, case: tuple[str, Ticket, list[SlaEvent], datetime], zone: str
    ) -> None:
        name, subject, events, now = case
        there = ZoneInfo(zone)
        moved_ticket = subject.replace(opened_at=subject.opened_at.astimezone(there))
        moved_events = [event.replace(at=event.at.astimezone(there)) for event in events]
        here_status: SlaStatus = POLICIES[name].status(subject, events, now)
        there_status = POLICIES[name].status(moved_ticket, moved_events, now.astimezone(there))
        assert (here_status.outcome, here_status.codes) == (
            there_status.outcome,
            there_status.codes,
        )
        assert here_status.acknowledge == there_status.acknowledge
        assert here_status.resolve == there_status.resolve
