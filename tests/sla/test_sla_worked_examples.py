"""SPEC §3.5, verbatim: the binding worked examples of the SLA engine on calendar K.

Calendar K: Europe/Kyiv, Monday–Friday 09:00–18:00, no holidays. 2026-11-16 is a
Monday, 2026-11-18 a Wednesday, 2026-11-20 a Friday. Every due time is checked as an
instant *and* as a reading in K's zone (SPEC §1: results are in the calendar's zone).
The parenthetical remarks of the table ("8 wh would be Thu 14:30", "starts Thu 09:00",
"was Wed 12:00; 13 paused hours") are checked too, from the reasons and the status.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from supportrules import BusinessCalendar
from supportrules.presets import onebox_paid_support, onebox_partner_support_manager
from supportrules.sla import MetricState, Paused, Resumed, Ticket

KYIV = ZoneInfo("Europe/Kyiv")
K = BusinessCalendar(timezone="Europe/Kyiv", weekly={d: ["09:00-18:00"] for d in range(5)})
PAID = onebox_paid_support(K)
PSM = onebox_partner_support_manager(K)


def kyiv(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant in November 2026, Kyiv time (2026-11-16 is a Monday)."""
    return datetime(2026, 11, day, hour, minute, tzinfo=KYIV)


def ticket(kind: str, opened_at: datetime, **fields: Any) -> Ticket:
    return Ticket(id="T-1", kind=kind, opened_at=opened_at, **fields)


def assert_reads(result: datetime | None, expected_iso: str) -> None:
    """``result`` is the instant ``expected_iso`` and reads exactly so in K's zone."""
    assert result is not None
    assert result == datetime.fromisoformat(expected_iso)
    assert result.tzinfo == KYIV
    assert result.isoformat() == expected_iso


class TestPaidSupport:
    @pytest.mark.parametrize(
        ("kind", "opened_at", "resolve_by"),
        [
            ("bug", kyiv(18, 15, 30), "2026-11-18T18:00:00+02:00"),
            ("bug", kyiv(18, 9, 15), "2026-11-18T17:15:00+02:00"),
            ("bug", kyiv(18, 16, 30), "2026-11-19T17:00:00+02:00"),
            ("bug", kyiv(21, 11), "2026-11-23T17:00:00+02:00"),
            ("consultation", kyiv(18, 15, 30), "2026-11-20T09:30:00+02:00"),
        ],
        ids=[
            "bug-wed-15:30-is-capped-at-wed-18:00",
            "bug-wed-09:15-is-wed-17:15",
            "bug-wed-16:30-after-cutoff-is-thu-17:00",
            "bug-sat-11:00-is-mon-17:00",
            "consultation-wed-15:30-is-fri-09:30",
        ],
    )
    def test_resolve_by(self, kind: str, opened_at: datetime, resolve_by: str) -> None:
        result = PAID.deadlines(ticket(kind, opened_at))
        assert result.outcome == "scheduled"
        assert_reads(result.resolve_by, resolve_by)
        assert result.acknowledge_by is None  # seed 001 sets no acknowledge target

    def test_bug_before_cutoff_is_capped_at_the_close_where_8_wh_would_be_thu_14_30(self) -> None:
        result = PAID.deadlines(ticket("bug", kyiv(18, 15, 30)))
        cap = result.reason("sla.same_day_cap")
        assert cap is not None
        assert cap.fact("uncapped") == kyiv(19, 14, 30)
        assert cap.fact("cap") == kyiv(18, 18)

    def test_bug_after_cutoff_starts_thu_09_00(self) -> None:
        result = PAID.deadlines(ticket("bug", kyiv(18, 16, 30)))
        assert_reads(result.clock_start, "2026-11-19T09:00:00+02:00")
        assert result.has("sla.after_cutoff")
        assert not result.has("sla.same_day_cap")  # 8 wh from 09:00 fit in Thursday


class TestPartnerSupportManager:
    def test_consultation_wed_17_30_acknowledge_thu_09_30_resolve_thu_16_30(self) -> None:
        result = PSM.deadlines(ticket("consultation", kyiv(18, 17, 30)))
        assert_reads(result.acknowledge_by, "2026-11-19T09:30:00+02:00")
        assert_reads(result.resolve_by, "2026-11-19T16:30:00+02:00")

    def test_critical_bug_fri_16_00_is_resolved_by_mon_10_00(self) -> None:
        result = PSM.deadlines(ticket("critical_bug", kyiv(20, 16)))
        assert_reads(result.resolve_by, "2026-11-23T10:00:00+02:00")


class TestModificationPausedWhileWaitingOnProduction:
    """Estimate 20 h, accepted Mon 2026-11-16 10:00 (PSM); paused Tue 11:00, resumed Wed
    15:00: due Thu 2026-11-19 16:00 (was Wed 12:00; 13 paused hours)."""

    TICKET = ticket("modification", kyiv(16, 10), estimate=timedelta(hours=20))
    EVENTS = (Paused(at=kyiv(17, 11), reason="production"), Resumed(at=kyiv(18, 15)))

    def test_without_pauses_it_is_due_wed_12_00(self) -> None:
        assert_reads(PSM.deadlines(self.TICKET).resolve_by, "2026-11-18T12:00:00+02:00")

    @pytest.mark.parametrize(
        "now",
        [kyiv(18, 15), kyiv(18, 17), kyiv(19, 9)],
        ids=["at-the-resume", "later-that-day", "next-morning"],
    )
    def test_after_the_pause_it_is_due_thu_16_00(self, now: datetime) -> None:
        resolve = PSM.status(self.TICKET, self.EVENTS, now).resolve
        assert resolve.state is MetricState.RUNNING
        assert_reads(resolve.due_at, "2026-11-19T16:00:00+02:00")
        assert_reads(resolve.original_due_at, "2026-11-18T12:00:00+02:00")

    def test_thirteen_hours_were_paused(self) -> None:
        resolve = PSM.status(self.TICKET, self.EVENTS, kyiv(18, 15)).resolve
        assert resolve.paused_for == timedelta(hours=13)
        assert resolve.due_at is not None
        assert resolve.original_due_at is not None
        assert K.between(resolve.original_due_at, resolve.due_at) == timedelta(hours=13)

    def test_the_reason_names_the_paused_hours_and_both_due_times(self) -> None:
        moved = PSM.status(self.TICKET, self.EVENTS, kyiv(18, 15)).reason("sla.pause_moved_due")
        assert moved is not None
        assert moved.message == (
            "resolve: 13 h of business time paused moves the due from "
            "Wed 2026-11-18 12:00+02:00 to Thu 2026-11-19 16:00+02:00"
        )


class TestIntake:
    def test_consultation_by_phone_is_rejected_at_intake(self) -> None:
        result = PSM.deadlines(ticket("consultation", kyiv(18, 10), channel="phone"))
        assert result.outcome == "rejected"
        assert not result.accepted
        assert result.codes == ("intake.channel_not_allowed",)
        assert result.acknowledge_by is None
        assert result.resolve_by is None
        assert "may not arrive by phone" in result.explain()

    def test_a_critical_error_by_phone_is_accepted(self) -> None:
        result = PSM.deadlines(ticket("critical_bug", kyiv(18, 10), channel="phone"))
        assert result.accepted
        assert_reads(result.resolve_by, "2026-11-18T13:00:00+02:00")
