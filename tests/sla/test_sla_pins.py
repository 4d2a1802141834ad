"""SLA status figures that a mutation-testing sample found unpinned: elapsed business
time before the clock starts, and ``met_at`` on a met and on a breached metric.

Calendar K: Europe/Kyiv, Monday–Friday 09:00–18:00. 2026-11-18 is a Wednesday,
2026-11-20 a Friday, 2026-11-21 a Saturday, 2026-11-23 a Monday.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from supportrules import BusinessCalendar
from supportrules.presets import onebox_paid_support, onebox_partner_support_manager
from supportrules.sla import Acknowledged, MetricState, MetricStatus, Resolved, Ticket

KYIV = ZoneInfo("Europe/Kyiv")
K = BusinessCalendar(timezone="Europe/Kyiv", weekly={d: ["09:00-18:00"] for d in range(5)})
# Paid: bugs within 8 working hours, cutoff 16:00, no acknowledge target.
PAID = onebox_paid_support(K)
# Partner Support Manager: acknowledge within 1 working hour, bugs resolved within 8.
PSM = onebox_partner_support_manager(K)


def kyiv(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant of November 2026 in Kyiv."""
    return datetime(2026, 11, day, hour, minute, tzinfo=KYIV)


def bug(opened_at: datetime) -> Ticket:
    return Ticket(id="T-1", kind="bug", opened_at=opened_at)


def assert_not_started(metric: MetricStatus, target: timedelta) -> None:
    """A running metric whose clock has not started: nothing used, the whole target left."""
    assert metric.state is MetricState.RUNNING
    assert metric.elapsed == timedelta(0)
    assert metric.remaining == target
    assert metric.fraction_used == Decimal(0)
    assert metric.thresholds_crossed == ()


class TestElapsedBeforeTheClockStarts:
    """Before the clock starts (the next opening, or the next business day after the
    cutoff) no business time has elapsed, though wall-clock time has."""

    def test_a_bug_opened_on_saturday_has_used_nothing_on_saturday(self) -> None:
        result = PAID.status(bug(kyiv(21, 11)), [], kyiv(21, 15))
        assert_not_started(result.resolve, timedelta(hours=8))
        assert result.resolve.due_at == kyiv(23, 17)
        assert result.resolve.elapsed_wall == timedelta(hours=4)

    def test_both_metrics_of_a_saturday_bug_have_used_nothing_on_saturday(self) -> None:
        result = PSM.status(bug(kyiv(21, 11)), [], kyiv(21, 15))
        assert_not_started(result.acknowledge, timedelta(hours=1))
        assert_not_started(result.resolve, timedelta(hours=8))
        assert result.acknowledge.due_at == kyiv(23, 10)
        assert result.resolve.due_at == kyiv(23, 17)

    def test_open_hours_after_the_cutoff_do_not_count_before_the_clock_starts(self) -> None:
        # Registered Friday 16:30, after the 16:00 cutoff: the clock starts Monday 09:00.
        # Half an hour of open time has passed since then, and none of it counts.
        result = PAID.status(bug(kyiv(20, 16, 30)), [], kyiv(20, 17))
        assert_not_started(result.resolve, timedelta(hours=8))
        assert result.resolve.due_at == kyiv(23, 17)
        assert result.resolve.elapsed_wall == timedelta(minutes=30)


class TestMetAt:
    """``met_at`` is the instant a metric was met; a metric done after its due is
    breached and has no ``met_at``."""

    OPENED = kyiv(18, 10)  # PAID bug: resolve due Wed 18:00 (the same-day cap)

    def test_resolved_in_time_is_met_at_the_resolve_instant(self) -> None:
        resolve = PAID.status(bug(self.OPENED), [Resolved(at=kyiv(18, 12))], kyiv(19, 13)).resolve
        assert resolve.state is MetricState.MET
        assert resolve.met_at == kyiv(18, 12)
        assert resolve.breached_at is None

    def test_resolved_exactly_at_the_due_is_met_at_the_due(self) -> None:
        resolve = PAID.status(bug(self.OPENED), [Resolved(at=kyiv(18, 18))], kyiv(19, 13)).resolve
        assert resolve.state is MetricState.MET
        assert resolve.met_at == kyiv(18, 18)

    def test_resolved_after_the_due_is_breached_without_met_at(self) -> None:
        resolve = PAID.status(bug(self.OPENED), [Resolved(at=kyiv(19, 12))], kyiv(19, 13)).resolve
        assert resolve.state is MetricState.BREACHED
        assert resolve.met_at is None
        assert resolve.breached_at == kyiv(18, 18)

    @pytest.mark.parametrize(
        ("acknowledged", "state", "met_at"),
        [
            (kyiv(18, 10, 45), MetricState.MET, kyiv(18, 10, 45)),
            (kyiv(18, 11, 15), MetricState.BREACHED, None),
        ],
        ids=["in-time", "late"],
    )
    def test_the_acknowledge_metric_follows_the_same_rule(
        self, acknowledged: datetime, state: MetricState, met_at: datetime | None
    ) -> None:
        # PSM: acknowledge due one working hour after 10:00, at 11:00.
        result = PSM.status(bug(self.OPENED), [Acknowledged(at=acknowledged)], kyiv(18, 12))
        assert result.acknowledge.state is state
        assert result.acknowledge.met_at == met_at
