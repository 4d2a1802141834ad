"""The SLA rules of SPEC §3 beyond the worked examples: the cutoff and the same-day cap
at their edges, closed days, pauses, reopening, compound tickets, relative targets,
calendars, intake and coverage, live status, queue helpers, and bad input.

Calendar K is SPEC §2.4's: Europe/Kyiv, Monday–Friday 09:00–18:00. 2026-11-16 is a
Monday, 2026-11-18 a Wednesday, 2026-11-20 a Friday.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from supportrules import BusinessCalendar
from supportrules.errors import (
    InvalidDurationError,
    InvalidEventSequenceError,
    InvalidScheduleError,
    NaiveDatetimeError,
    SupportRulesError,
    UnknownValueError,
)
from supportrules.presets import (
    onebox_free_support,
    onebox_paid_support,
    onebox_partner_support_manager,
)
from supportrules.sla import (
    Acknowledged,
    Metric,
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
    at_risk,
    compliance,
)

KYIV = ZoneInfo("Europe/Kyiv")
ISTANBUL = ZoneInfo("Europe/Istanbul")
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NEW_YORK = ZoneInfo("America/New_York")

K = BusinessCalendar(timezone="Europe/Kyiv", weekly={d: ["09:00-18:00"] for d in range(5)})
PAID = onebox_paid_support(K)
PSM = onebox_partner_support_manager(K)
FREE = onebox_free_support(K)
A24 = BusinessCalendar.always_open("Europe/Amsterdam")


def kyiv(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    """An instant in 2026, Kyiv time (November by default; 2026-11-16 is a Monday)."""
    return datetime(2026, month, day, hour, minute, tzinfo=KYIV)


def ticket(kind: str, opened_at: datetime, **fields: Any) -> Ticket:
    fields.setdefault("id", "T-1")
    return Ticket(kind=kind, opened_at=opened_at, **fields)


def policy(*targets: SlaTarget, **fields: Any) -> SlaPolicy:
    """A policy on K with ``targets``."""
    fields.setdefault("calendar", K)
    return SlaPolicy(name="custom", targets=targets, **fields)


def reads(result: datetime | None) -> str:
    """An instant as it reads in its own zone, for compact tables."""
    assert result is not None
    return result.isoformat()


# -- deadlines -----------------------------------------------------------------------------


class TestCutoffAndSameDayCap:
    """SPEC §3.2 "Precisely": s = next_open(opened_at); if s is on opened_at's local date
    and before the cutoff, due = min(add(s, d), close_of_day(s)); otherwise s becomes the
    first opening of the next business day after opened_at's date."""

    @pytest.mark.parametrize(
        ("opened_at", "resolve_by", "codes"),
        [
            (kyiv(18, 16), "2026-11-19T17:00:00+02:00", ("sla.after_cutoff", "sla.business_time")),
            (
                kyiv(18, 15, 59),
                "2026-11-18T18:00:00+02:00",
                ("sla.same_day_cap", "sla.business_time"),
            ),
            (kyiv(18, 8), "2026-11-18T17:00:00+02:00", ("sla.business_time",)),
            (kyiv(18, 9), "2026-11-18T17:00:00+02:00", ("sla.business_time",)),
            (kyiv(18, 10), "2026-11-18T18:00:00+02:00", ("sla.business_time",)),
            (
                kyiv(18, 17, 59),
                "2026-11-19T17:00:00+02:00",
                ("sla.after_cutoff", "sla.business_time"),
            ),
            (kyiv(18, 18), "2026-11-19T17:00:00+02:00", ("sla.after_cutoff", "sla.business_time")),
            (kyiv(19, 0, 30), "2026-11-19T17:00:00+02:00", ("sla.business_time",)),
            (kyiv(20, 15), "2026-11-20T18:00:00+02:00", ("sla.same_day_cap", "sla.business_time")),
            (kyiv(20, 16), "2026-11-23T17:00:00+02:00", ("sla.after_cutoff", "sla.business_time")),
            (
                kyiv(20, 16, 30),
                "2026-11-23T17:00:00+02:00",
                ("sla.after_cutoff", "sla.business_time"),
            ),
            (
                kyiv(22, 23, 59),
                "2026-11-23T17:00:00+02:00",
                ("sla.after_cutoff", "sla.business_time"),
            ),
        ],
        ids=[
            "exactly-at-the-cutoff-starts-next-morning",
            "one-minute-before-the-cutoff-is-capped-at-the-close",
            "before-opening-starts-at-09:00-the-same-day",
            "at-the-opening",
            "at-10:00-8-wh-end-exactly-at-the-close",
            "a-minute-before-the-close",
            "at-the-close",
            "after-midnight-counts-for-that-morning",
            "friday-before-the-cutoff-is-capped-friday",
            "friday-at-the-cutoff-is-monday",
            "friday-after-the-cutoff-is-monday",
            "sunday-night-is-monday",
        ],
    )
    def test_paid_bug(self, opened_at: datetime, resolve_by: str, codes: tuple[str, ...]) -> None:
        result = PAID.deadlines(ticket("bug", opened_at))
        assert reads(result.resolve_by) == resolve_by
        assert result.codes == ("sla.no_target", *codes)

    def test_a_critical_bug_follows_the_bug_rule_on_the_paid_plan(self) -> None:
        result = PAID.deadlines(ticket("critical_bug", kyiv(18, 16)))
        assert reads(result.resolve_by) == "2026-11-19T17:00:00+02:00"

    def test_the_cutoff_is_read_on_the_calendars_clock_not_the_tickets(self) -> None:
        # 14:30 UTC is 16:30 in Kyiv: after the cutoff.
        opened = kyiv(18, 16, 30).astimezone(ZoneInfo("UTC"))
        assert reads(PAID.deadlines(ticket("bug", opened)).resolve_by) == (
            "2026-11-19T17:00:00+02:00"
        )

    def test_without_a_cap_8_wh_run_into_the_next_day(self) -> None:
        uncapped = policy(
            SlaTarget.business_time("resolve", ["bug"], timedelta(hours=8), cutoff="16:00")
        )
        result = uncapped.deadlines(ticket("bug", kyiv(18, 15, 30)))
        assert reads(result.resolve_by) == "2026-11-19T14:30:00+02:00"


class TestClosedDays:
    def test_bug_on_a_holiday_starts_the_next_business_morning(self) -> None:
        holiday = K.replace(holidays={date(2026, 11, 18): "Company day"})
        result = onebox_paid_support(holiday).deadlines(ticket("bug", kyiv(18, 10)))
        assert reads(result.resolve_by) == "2026-11-19T17:00:00+02:00"
        after = result.reason("sla.after_cutoff")
        assert after is not None
        assert "outside business hours" in after.message

    def test_bug_on_a_country_holiday_from_the_holidays_package(self) -> None:
        # Türkiye, Thu 2026-10-29 is Republic Day: the clock starts Friday.
        turkey = BusinessCalendar.for_country("TR", timezone="Europe/Istanbul")
        opened = datetime(2026, 10, 29, 10, tzinfo=ISTANBUL)
        result = onebox_paid_support(turkey).deadlines(ticket("bug", opened))
        assert reads(result.resolve_by) == "2026-10-30T17:00:00+03:00"

    def test_a_half_day_that_closed_at_13_00_sends_a_14_00_ticket_to_the_next_morning(
        self,
    ) -> None:
        # Wed 2026-10-28 is a half day in Türkiye (closes 13:00), Thursday a holiday.
        turkey = BusinessCalendar.for_country("TR", timezone="Europe/Istanbul")
        opened = datetime(2026, 10, 28, 14, tzinfo=ISTANBUL)
        result = onebox_paid_support(turkey).deadlines(ticket("bug", opened))
        assert reads(result.clock_start) == "2026-10-30T09:00:00+03:00"
        assert reads(result.resolve_by) == "2026-10-30T17:00:00+03:00"

    def test_a_half_day_before_its_close_caps_at_13_00(self) -> None:
        half = K.replace(special_days={date(2026, 11, 18): ["09:00-13:00"]})
        paid = onebox_paid_support(half)
        assert reads(paid.deadlines(ticket("bug", kyiv(18, 11))).resolve_by) == (
            "2026-11-18T13:00:00+02:00"
        )
        assert reads(paid.deadlines(ticket("bug", kyiv(18, 14))).resolve_by) == (
            "2026-11-19T17:00:00+02:00"
        )

    def test_a_lunch_break_that_reopens_before_the_cutoff_keeps_the_day(self) -> None:
        lunch = BusinessCalendar.standard("Europe/Kyiv", ["09:00-13:00", "14:00-18:00"])
        result = onebox_paid_support(lunch).deadlines(ticket("bug", kyiv(18, 13, 30)))
        assert reads(result.clock_start) == "2026-11-18T14:00:00+02:00"
        assert reads(result.resolve_by) == "2026-11-18T18:00:00+02:00"


class TestFirstMatchingTargetWins:
    def test_the_first_target_that_matches_sets_the_due_time(self) -> None:
        rules = policy(
            SlaTarget.business_time("resolve", ["bug"], timedelta(hours=2), name="urgent"),
            SlaTarget.business_time("resolve", [], timedelta(hours=8), name="any"),
        )
        result = rules.deadlines(ticket("bug", kyiv(18, 10)))
        assert reads(result.resolve_by) == "2026-11-18T12:00:00+02:00"
        reason = result.reason("sla.business_time")
        assert reason is not None
        assert reason.source == "SlaTarget(urgent).duration"
        assert reads(rules.deadlines(ticket("consultation", kyiv(18, 10))).resolve_by) == (
            "2026-11-18T18:00:00+02:00"
        )

    def test_targets_match_on_channel_and_priority(self) -> None:
        rules = policy(
            SlaTarget.business_time(
                "resolve", [], timedelta(hours=1), channels=["email"], priorities=["P1"]
            ),
            SlaTarget.business_time("resolve", [], timedelta(hours=4)),
        )
        p1_email = ticket("bug", kyiv(18, 10), channel="email", priority="P1")
        p1_portal = ticket("bug", kyiv(18, 10), priority="P1")
        assert reads(rules.deadlines(p1_email).resolve_by) == "2026-11-18T11:00:00+02:00"
        assert reads(rules.deadlines(p1_portal).resolve_by) == "2026-11-18T14:00:00+02:00"

    def test_a_metric_without_a_target_has_no_deadline_and_says_so(self) -> None:
        result = PAID.deadlines(ticket("consultation", kyiv(18, 10)))
        assert result.acknowledge_by is None
        reason = result.reason("sla.no_target")
        assert reason is not None
        assert reason.message == "no acknowledge target for consultation tickets"


class TestCompoundTickets:
    @pytest.mark.parametrize(
        ("mode", "parts", "resolve_by", "code"),
        [
            (
                "parallel",
                (
                    "2026-11-19T13:00:00+02:00",
                    "2026-11-19T13:00:00+02:00",
                    "2026-11-19T13:00:00+02:00",
                ),
                "2026-11-19T13:00:00+02:00",
                "sla.compound_parallel",
            ),
            (
                "sequential",
                (
                    "2026-11-19T13:00:00+02:00",
                    "2026-11-20T16:00:00+02:00",
                    "2026-11-24T10:00:00+02:00",
                ),
                "2026-11-24T10:00:00+02:00",
                "sla.compound_sequential",
            ),
        ],
        ids=["parallel-every-part-12-wh", "sequential-part-i-due-i-times-12-wh"],
    )
    def test_paid_compound_of_three_parts(
        self, mode: str, parts: tuple[str, ...], resolve_by: str, code: str
    ) -> None:
        targets = tuple(
            t.replace(compound_mode=mode) if t.name == "compound" else t for t in PAID.targets
        )
        rules = PAID.replace(targets=targets)
        result = rules.deadlines(ticket("compound", kyiv(18, 10), parts=3))
        assert tuple(reads(part) for part in result.parts) == parts
        assert reads(result.resolve_by) == resolve_by
        assert result.has(code)
        assert f"12 h of business time per part, 3 part(s) {mode}" in result.explain()

    def test_parts_run_in_parallel_by_default(self) -> None:
        result = PSM.deadlines(ticket("compound", kyiv(18, 10), parts=4))
        assert {reads(part) for part in result.parts} == {"2026-11-18T18:00:00+02:00"}
        assert len(result.parts) == 4

    def test_the_acknowledge_target_is_one_for_the_whole_ticket(self) -> None:
        result = PSM.deadlines(ticket("compound", kyiv(18, 10), parts=4))
        assert reads(result.acknowledge_by) == "2026-11-18T11:00:00+02:00"

    def test_other_kinds_have_no_parts(self) -> None:
        assert PSM.deadlines(ticket("consultation", kyiv(18, 10))).parts == ()


class TestTargetOnItsOwnCalendar:
    RULES = policy(
        SlaTarget.business_time("acknowledge", ["critical_bug"], timedelta(hours=24), calendar=A24),
        SlaTarget.business_time("resolve", ["critical_bug"], timedelta(hours=8)),
    )

    def test_24x7_across_the_fall_back_night_runs_real_hours(self) -> None:
        opened = datetime.fromisoformat("2026-10-24T12:00+02:00")
        result = self.RULES.deadlines(ticket("critical_bug", opened))
        # The night of 2026-10-25 has 25 hours in Amsterdam.
        assert reads(result.acknowledge_by) == "2026-10-25T11:00:00+01:00"
        assert result.acknowledge_by is not None
        assert result.acknowledge_by.tzinfo == AMSTERDAM
        # The resolve target stays on the policy's office hours: Monday in Kyiv.
        assert reads(result.resolve_by) == "2026-10-26T17:00:00+02:00"
        assert result.has("sla.target_calendar")

    def test_status_on_the_24x7_target_counts_every_hour_of_the_long_night(self) -> None:
        opened = datetime.fromisoformat("2026-10-24T12:00+02:00")
        now = datetime.fromisoformat("2026-10-25T10:00+01:00")
        acknowledge = self.RULES.status(ticket("critical_bug", opened), [], now).acknowledge
        assert acknowledge.elapsed == timedelta(hours=23)
        assert acknowledge.elapsed_wall == timedelta(hours=23)
        assert acknowledge.remaining == timedelta(hours=1)


class TestRelativeTargets:
    @pytest.mark.parametrize(
        ("days", "opened_at", "resolve_by"),
        [
            (0, kyiv(18, 10), "2026-11-18T18:00:00+02:00"),
            (0, kyiv(18, 8), "2026-11-18T18:00:00+02:00"),
            (0, kyiv(18, 19), "2026-11-19T18:00:00+02:00"),
            (0, kyiv(21, 11), "2026-11-23T18:00:00+02:00"),
            (1, kyiv(18, 10), "2026-11-19T18:00:00+02:00"),
            (1, kyiv(20, 10), "2026-11-23T18:00:00+02:00"),
            (1, kyiv(20, 19), "2026-11-24T18:00:00+02:00"),
        ],
        ids=[
            "n0-wed-10:00-is-wed-close",
            "n0-before-opening-is-that-days-close",
            "n0-after-the-close-is-the-next-days-close",
            "n0-saturday-is-monday",
            "n1-wed-is-thu-close",
            "n1-friday-is-monday",
            "n1-friday-evening-is-tuesday",
        ],
    )
    def test_end_of_business_day(self, days: int, opened_at: datetime, resolve_by: str) -> None:
        rules = policy(SlaTarget.end_of_business_day("resolve", ["bug"], days=days))
        result = rules.deadlines(ticket("bug", opened_at))
        assert reads(result.resolve_by) == resolve_by
        assert result.has("sla.end_of_day")

    @pytest.mark.parametrize(
        ("days", "opened_at", "resolve_by"),
        [
            (0, kyiv(18, 9, 59), "2026-11-18T16:00:00+02:00"),
            (0, kyiv(18, 10), "2026-11-19T16:00:00+02:00"),
            (0, kyiv(18, 8), "2026-11-18T16:00:00+02:00"),
            (0, kyiv(18, 17), "2026-11-19T16:00:00+02:00"),
            (0, kyiv(20, 10, 30), "2026-11-23T16:00:00+02:00"),
            (0, kyiv(21, 9), "2026-11-23T16:00:00+02:00"),
            (0, kyiv(22, 20), "2026-11-23T16:00:00+02:00"),
            (1, kyiv(18, 9), "2026-11-19T16:00:00+02:00"),
            (1, kyiv(18, 11), "2026-11-20T16:00:00+02:00"),
        ],
        ids=[
            "before-the-10:00-cutoff-same-day",
            "at-the-cutoff-next-day",
            "before-opening-same-day",
            "after-the-close-next-day",
            "friday-after-the-cutoff-monday",
            "saturday-before-10:00-is-still-monday",
            "sunday-evening-monday",
            "one-day-on-before-the-cutoff",
            "one-day-on-after-the-cutoff",
        ],
    )
    def test_by_16_00_with_a_10_00_cutoff(
        self, days: int, opened_at: datetime, resolve_by: str
    ) -> None:
        rules = policy(
            SlaTarget.by_time_of_day("resolve", ["bug"], at="16:00", cutoff="10:00", days=days)
        )
        result = rules.deadlines(ticket("bug", opened_at))
        assert reads(result.resolve_by) == resolve_by
        assert result.has("sla.by_time")

    def test_the_by_time_reason_names_the_cutoff_and_the_day(self) -> None:
        rules = policy(SlaTarget.by_time_of_day("resolve", ["bug"], at="16:00", cutoff="10:00"))
        reason = rules.deadlines(ticket("bug", kyiv(18, 10))).reason("sla.by_time")
        assert reason is not None
        assert reason.message == (
            "resolve: registered Wed 2026-11-18 10:00+02:00, at or after the 10:00 cutoff or "
            "outside business hours: due by 16:00 on Thu 2026-11-19, Thu 2026-11-19 16:00+02:00"
        )

    @pytest.mark.parametrize(
        ("target", "opened_at", "resolve_by"),
        [
            (
                SlaTarget.by_time_of_day("resolve", ["bug"], at="09:30", cutoff="10:00"),
                kyiv(18, 9, 29),
                "2026-11-18T09:30:00+02:00",
            ),
            (
                SlaTarget.by_time_of_day("resolve", ["bug"], at="09:30", cutoff="10:00"),
                kyiv(18, 9, 45),
                "2026-11-19T09:30:00+02:00",
            ),
            (
                SlaTarget(metric="resolve", by={"at": "16:00"}),
                kyiv(18, 15),
                "2026-11-18T16:00:00+02:00",
            ),
            (
                SlaTarget(metric="resolve", by={"at": "16:00"}),
                kyiv(18, 16),
                "2026-11-19T16:00:00+02:00",
            ),
            (
                SlaTarget(metric="resolve", by={"at": "16:00"}),
                kyiv(18, 17),
                "2026-11-19T16:00:00+02:00",
            ),
        ],
        ids=[
            "by-09:30-cutoff-10:00-at-09:29-same-day",
            "by-09:30-cutoff-10:00-at-09:45-next-day",
            "by-16:00-without-cutoff-at-15:00-same-day",
            "by-16:00-without-cutoff-at-16:00-next-day",
            "by-16:00-without-cutoff-at-17:00-next-day",
        ],
    )
    def test_a_by_time_already_passed_at_registration_is_the_next_business_days(
        self, target: SlaTarget, opened_at: datetime, resolve_by: str
    ) -> None:
        # Never due before (or at) the registration, whatever the cutoff says.
        result = policy(target).deadlines(ticket("bug", opened_at))
        assert reads(result.resolve_by) == resolve_by


class TestCalendarSource:
    NEW_YORK_OFFICE = BusinessCalendar.standard("America/New_York")

    def test_the_policy_calendar_by_default_even_if_the_ticket_has_one(self) -> None:
        customer = ticket("consultation", kyiv(18, 15, 30), calendar=self.NEW_YORK_OFFICE)
        result = PAID.deadlines(customer)
        assert reads(result.resolve_by) == "2026-11-20T09:30:00+02:00"
        assert not result.has("sla.ticket_calendar")

    def test_calendar_source_ticket_runs_on_the_customers_hours(self) -> None:
        customer = ticket("consultation", kyiv(18, 15, 30), calendar=self.NEW_YORK_OFFICE)
        result = PAID.replace(calendar_source="ticket").deadlines(customer)
        # 15:30 in Kyiv is 08:30 in New York: the clock starts at 09:00 there.
        assert reads(result.clock_start) == "2026-11-18T09:00:00-05:00"
        assert reads(result.resolve_by) == "2026-11-19T12:00:00-05:00"
        assert result.resolve_by is not None
        assert result.resolve_by.tzinfo == NEW_YORK
        assert result.has("sla.ticket_calendar")

    def test_calendar_source_ticket_falls_back_to_the_policys_calendar(self) -> None:
        result = PAID.replace(calendar_source="ticket").deadlines(
            ticket("consultation", kyiv(18, 15, 30))
        )
        assert reads(result.resolve_by) == "2026-11-20T09:30:00+02:00"

    def test_a_targets_own_calendar_wins_over_the_tickets(self) -> None:
        rules = policy(
            SlaTarget.business_time("resolve", [], timedelta(hours=24), calendar=A24),
            calendar_source="ticket",
        )
        customer = ticket("bug", kyiv(18, 10), calendar=self.NEW_YORK_OFFICE)
        assert reads(rules.deadlines(customer).resolve_by) == "2026-11-19T09:00:00+01:00"


class TestIntakeAndCoverage:
    @pytest.mark.parametrize(
        "kind", ["consultation", "compound", "modification"], ids=lambda kind: kind
    )
    def test_the_free_plan_does_not_cover(self, kind: str) -> None:
        result = FREE.deadlines(ticket(kind, kyiv(18, 10)))
        assert result.outcome == "not_covered"
        assert not result.accepted
        assert result.codes == ("sla.not_covered",)
        assert (result.acknowledge_by, result.resolve_by) == (None, None)
        assert f"does not cover {kind} tickets" in result.explain()

    @pytest.mark.parametrize("kind", ["bug", "critical_bug"], ids=lambda kind: kind)
    def test_the_free_plan_covers_bugs_on_the_paid_terms(self, kind: str) -> None:
        opened = kyiv(18, 15, 30)
        free = FREE.deadlines(ticket(kind, opened))
        assert free.accepted
        assert free.resolve_by == PAID.deadlines(ticket(kind, opened)).resolve_by

    @pytest.mark.parametrize(
        ("kind", "outcome"),
        [
            ("critical_bug", "scheduled"),
            ("bug", "rejected"),
            ("consultation", "rejected"),
            ("compound", "rejected"),
            ("modification", "rejected"),
        ],
        ids=lambda value: str(value),
    )
    def test_psm_takes_the_phone_only_for_critical_errors(self, kind: str, outcome: str) -> None:
        fields: dict[str, Any] = {"parts": 2} if kind == "compound" else {}
        result = PSM.deadlines(ticket(kind, kyiv(18, 10), channel="phone", **fields))
        assert result.outcome == outcome
        if outcome == "rejected":
            reason = result.reason("intake.channel_not_allowed")
            assert reason is not None
            assert reason.message == (
                f"{kind} requests may not arrive by phone (allowed: portal, client_area, email)"
            )
            assert reason.source == "SlaPolicy.channels"

    @pytest.mark.parametrize("channel", ["portal", "client_area", "email"], ids=str)
    def test_psm_takes_every_written_channel(self, channel: str) -> None:
        assert PSM.deadlines(ticket("consultation", kyiv(18, 10), channel=channel)).accepted

    def test_status_of_a_refused_ticket_says_rejected_like_its_deadlines(self) -> None:
        refused = ticket("consultation", kyiv(18, 10), channel="phone")
        result = PSM.status(refused, [], kyiv(18, 12))
        assert result.outcome == PSM.deadlines(refused).outcome == "rejected"
        assert result.acknowledge.state is MetricState.NOT_APPLICABLE
        assert result.resolve.state is MetricState.NOT_APPLICABLE
        assert result.codes == ("intake.channel_not_allowed",)


class TestModification:
    def test_without_an_estimate_there_is_no_resolve_deadline_yet(self) -> None:
        result = PAID.deadlines(ticket("modification", kyiv(18, 10)))
        assert result.outcome == "scheduled"
        assert result.resolve_by is None
        reason = result.reason("sla.awaiting_estimate")
        assert reason is not None
        assert reason.source == "SlaTarget(modification).use_estimate"

    def test_status_while_awaiting_the_estimate_is_not_applicable(self) -> None:
        result = PAID.status(ticket("modification", kyiv(18, 10)), [], kyiv(19, 10))
        assert result.resolve.state is MetricState.NOT_APPLICABLE
        assert result.resolve.due_at is None

    def test_the_estimate_is_business_time_from_acceptance(self) -> None:
        accepted = ticket("modification", kyiv(18, 15, 30), estimate=timedelta(hours=12))
        assert reads(PAID.deadlines(accepted).resolve_by) == "2026-11-20T09:30:00+02:00"

    def test_a_zero_estimate_is_due_at_acceptance(self) -> None:
        accepted = ticket("modification", kyiv(18, 10), estimate=timedelta(0))
        assert reads(PAID.deadlines(accepted).resolve_by) == "2026-11-18T10:00:00+02:00"


# -- pauses and reopening --------------------------------------------------------------------


class TestPauses:
    CONSULTATION = ticket("consultation", kyiv(18, 10))  # PSM: resolve due Wed 18:00

    def resolve(self, events: Sequence[SlaEvent], now: datetime, rules: SlaPolicy = PSM) -> Any:
        return rules.status(self.CONSULTATION, events, now).resolve

    def test_a_pause_outside_business_hours_moves_nothing(self) -> None:
        events: list[SlaEvent] = [Paused(at=kyiv(18, 19)), Resumed(at=kyiv(19, 8))]
        result = PSM.status(ticket("consultation", kyiv(18, 15)), events, kyiv(19, 10))
        assert reads(result.resolve.due_at) == "2026-11-19T14:00:00+02:00"
        assert result.resolve.due_at == result.resolve.original_due_at
        assert result.resolve.paused_for == timedelta(0)
        assert not result.has("sla.pause_moved_due")

    def test_a_pause_moves_the_due_by_the_business_time_paused(self) -> None:
        result = self.resolve([Paused(at=kyiv(18, 11)), Resumed(at=kyiv(18, 12))], kyiv(18, 13))
        assert reads(result.due_at) == "2026-11-19T10:00:00+02:00"
        assert result.paused_for == timedelta(hours=1)

    def test_two_pauses_add_up(self) -> None:
        events: list[SlaEvent] = [
            Paused(at=kyiv(18, 11)),
            Resumed(at=kyiv(18, 12)),
            Paused(at=kyiv(18, 14), reason="production"),
            Resumed(at=kyiv(18, 15, 30)),
        ]
        result = self.resolve(events, kyiv(18, 16))
        assert result.paused_for == timedelta(hours=2, minutes=30)
        assert reads(result.due_at) == "2026-11-19T11:30:00+02:00"
        assert reads(result.original_due_at) == "2026-11-18T18:00:00+02:00"
        assert result.elapsed == timedelta(hours=3, minutes=30)

    def test_a_pause_over_a_night_counts_only_its_business_time(self) -> None:
        events: list[SlaEvent] = [Paused(at=kyiv(18, 17)), Resumed(at=kyiv(19, 10))]
        result = self.resolve(events, kyiv(19, 11))
        assert result.paused_for == timedelta(hours=2)
        assert reads(result.due_at) == "2026-11-19T11:00:00+02:00"

    def test_a_pause_after_the_due_does_not_move_it(self) -> None:
        events: list[SlaEvent] = [Paused(at=kyiv(19, 10)), Resumed(at=kyiv(19, 11))]
        result = self.resolve(events, kyiv(19, 12))
        assert reads(result.due_at) == "2026-11-18T18:00:00+02:00"
        assert result.state is MetricState.BREACHED

    def test_a_pause_with_a_reason_the_target_does_not_pause_on_is_not_counted(self) -> None:
        rules = policy(
            SlaTarget.business_time(
                "resolve", [], timedelta(hours=8), pause_on=["production"], name="fix"
            )
        )
        events: list[SlaEvent] = [
            Paused(at=kyiv(18, 11), reason="customer"),
            Resumed(at=kyiv(18, 12)),
        ]
        result = rules.status(self.CONSULTATION, events, kyiv(18, 13))
        assert reads(result.resolve.due_at) == "2026-11-18T18:00:00+02:00"
        assert result.resolve.paused_for == timedelta(0)
        reason = result.reason("sla.pause_not_counted")
        assert reason is not None
        assert reason.message == (
            "the pause from Wed 2026-11-18 11:00+02:00 (waiting on customer) does not stop "
            "the resolve clock (it pauses only on production)"
        )
        assert reason.source == "SlaTarget(fix).pause_on"

    def test_a_pause_with_a_listed_reason_is_counted(self) -> None:
        rules = policy(
            SlaTarget.business_time("resolve", [], timedelta(hours=8), pause_on=["production"])
        )
        events: list[SlaEvent] = [
            Paused(at=kyiv(18, 11), reason="production"),
            Resumed(at=kyiv(18, 12)),
        ]
        result = rules.status(self.CONSULTATION, events, kyiv(18, 13))
        assert reads(result.resolve.due_at) == "2026-11-19T10:00:00+02:00"

    def test_a_paused_ticket_shows_the_due_if_resumed_now(self) -> None:
        events: list[SlaEvent] = [Paused(at=kyiv(18, 11))]
        result = self.resolve(events, kyiv(18, 14))
        assert result.state is MetricState.PAUSED
        # 1 h ran, 7 h remain from 14:00: 4 h on Wednesday, 3 h on Thursday.
        assert reads(result.due_at) == "2026-11-19T12:00:00+02:00"
        assert result.remaining == timedelta(hours=7)

    def test_a_paused_ticket_does_not_breach_while_paused_past_its_original_due(self) -> None:
        result = self.resolve([Paused(at=kyiv(18, 11))], kyiv(19, 9, 30))
        assert result.state is MetricState.PAUSED
        # 1 h ran before the pause; 7 h remain from Thu 09:30.
        assert reads(result.due_at) == "2026-11-19T16:30:00+02:00"

    def test_resolving_ends_the_pause(self) -> None:
        events: list[SlaEvent] = [Paused(at=kyiv(18, 11)), Resolved(at=kyiv(18, 12))]
        result = self.resolve(events, kyiv(18, 13))
        assert result.state is MetricState.MET
        assert result.paused_for == timedelta(hours=1)

    @pytest.mark.parametrize(
        "closing",
        [Resumed(at=kyiv(18, 14)), Resolved(at=kyiv(18, 14))],
        ids=["resumed-later", "resolved-later"],
    )
    def test_a_pause_open_at_now_counts_whatever_closes_it_later(self, closing: SlaEvent) -> None:
        result = self.resolve([Paused(at=kyiv(18, 11)), closing], kyiv(18, 12))
        assert result.state is MetricState.PAUSED
        assert reads(result.due_at) == "2026-11-19T10:00:00+02:00"
        assert result.elapsed == timedelta(hours=1)

    def test_pauses_stop_the_acknowledge_clock_too(self) -> None:
        events: list[SlaEvent] = [Paused(at=kyiv(18, 10, 30)), Resumed(at=kyiv(18, 11, 30))]
        acknowledge = PSM.status(self.CONSULTATION, events, kyiv(18, 11, 45)).acknowledge
        assert reads(acknowledge.due_at) == "2026-11-18T12:00:00+02:00"
        assert acknowledge.state is MetricState.RUNNING


class TestReopening:
    CONSULTATION = ticket("consultation", kyiv(18, 10))  # PSM: resolve due Wed 18:00
    EVENTS = (Resolved(at=kyiv(18, 12)), Reopened(at=kyiv(18, 14)))

    def test_while_resolved_the_resolve_metric_is_met(self) -> None:
        result = PSM.status(self.CONSULTATION, self.EVENTS, kyiv(18, 13))
        assert result.resolve.state is MetricState.MET
        assert result.resolve.met_at == kyiv(18, 12)

    def test_after_a_reopen_the_clock_runs_again_without_the_resolved_time(self) -> None:
        result = PSM.status(self.CONSULTATION, self.EVENTS, kyiv(18, 15))
        assert result.resolve.state is MetricState.RUNNING
        assert reads(result.resolve.due_at) == "2026-11-19T11:00:00+02:00"
        assert result.resolve.elapsed == timedelta(hours=3)
        reason = result.reason("sla.reopened")
        assert reason is not None
        assert reason.message == (
            "resolved Wed 2026-11-18 12:00+02:00 and reopened Wed 2026-11-18 14:00+02:00: the "
            "time in between does not count"
        )

    def test_resolving_again_before_the_moved_due_is_met(self) -> None:
        events: list[SlaEvent] = [*self.EVENTS, Resolved(at=kyiv(19, 11))]
        result = PSM.status(self.CONSULTATION, events, kyiv(19, 12))
        assert result.resolve.state is MetricState.MET
        assert result.resolve.met_at == kyiv(19, 11)

    def test_a_late_first_resolution_stays_breached_after_a_reopen(self) -> None:
        events: list[SlaEvent] = [
            Resolved(at=kyiv(19, 10)),
            Reopened(at=kyiv(19, 11)),
            Resolved(at=kyiv(19, 12)),
        ]
        result = PSM.status(self.CONSULTATION, events, kyiv(19, 13))
        assert result.resolve.state is MetricState.BREACHED

    def test_the_acknowledge_metric_keeps_its_first_answer(self) -> None:
        events: list[SlaEvent] = [Acknowledged(at=kyiv(18, 10, 30)), *self.EVENTS]
        acknowledge = PSM.status(self.CONSULTATION, events, kyiv(18, 15)).acknowledge
        assert acknowledge.state is MetricState.MET
        assert acknowledge.met_at == kyiv(18, 10, 30)


# -- live status -----------------------------------------------------------------------------


class TestStatusOverATicketsLife:
    """A PSM consultation opened Wed 10:00: acknowledge by 11:00, resolve by 18:00;
    waiting on the customer 11:00-13:00 (the resolve due moves to Thu 11:00)."""

    TICKET = ticket("consultation", kyiv(18, 10))
    EVENTS = (
        Acknowledged(at=kyiv(18, 10, 30)),
        Paused(at=kyiv(18, 11)),
        Resumed(at=kyiv(18, 13)),
        Resolved(at=kyiv(19, 10)),
    )

    @pytest.mark.parametrize(
        ("now", "outcome", "state", "due_at"),
        [
            (kyiv(18, 10, 15), "running", MetricState.RUNNING, "2026-11-18T18:00:00+02:00"),
            (kyiv(18, 12), "paused", MetricState.PAUSED, "2026-11-19T10:00:00+02:00"),
            (kyiv(18, 13), "running", MetricState.RUNNING, "2026-11-19T11:00:00+02:00"),
            (kyiv(18, 17), "running", MetricState.RUNNING, "2026-11-19T11:00:00+02:00"),
            (kyiv(19, 10), "met", MetricState.MET, "2026-11-19T11:00:00+02:00"),
            (kyiv(25, 10), "met", MetricState.MET, "2026-11-19T11:00:00+02:00"),
        ],
        ids=["running", "paused", "resumed", "running-late", "met", "still-met-a-week-on"],
    )
    def test_resolve(self, now: datetime, outcome: str, state: MetricState, due_at: str) -> None:
        result = PSM.status(self.TICKET, self.EVENTS, now)
        assert result.outcome == outcome
        assert result.resolve.state is state
        assert reads(result.resolve.due_at) == due_at
        assert result.at == now

    def test_the_acknowledge_metric_is_met_at_the_first_acknowledgement(self) -> None:
        acknowledge = PSM.status(self.TICKET, self.EVENTS, kyiv(18, 10, 45)).acknowledge
        assert acknowledge.state is MetricState.MET
        assert acknowledge.met_at == kyiv(18, 10, 30)
        assert acknowledge.elapsed == timedelta(minutes=30)

    def test_met_figures(self) -> None:
        resolve = PSM.status(self.TICKET, self.EVENTS, kyiv(20, 10)).resolve
        assert resolve.met_at == kyiv(19, 10)
        assert resolve.elapsed == timedelta(hours=7)
        assert resolve.remaining == timedelta(hours=1)
        assert resolve.paused_for == timedelta(hours=2)
        assert resolve.elapsed_wall == timedelta(hours=24)
        assert resolve.target == timedelta(hours=8)
        assert resolve.breached_at is None

    def test_running_figures(self) -> None:
        resolve = PSM.status(self.TICKET, self.EVENTS, kyiv(18, 15)).resolve
        assert resolve.elapsed == timedelta(hours=3)
        assert resolve.remaining == timedelta(hours=5)
        assert resolve.elapsed_wall == timedelta(hours=5)
        assert resolve.fraction_used == Decimal("0.375")


class TestMetAndBreached:
    CONSULTATION = ticket("consultation", kyiv(18, 10))  # PSM: resolve due Wed 18:00

    def test_resolved_exactly_at_the_due_instant_is_met(self) -> None:
        result = PSM.status(self.CONSULTATION, [Resolved(at=kyiv(18, 18))], kyiv(18, 18))
        assert result.resolve.state is MetricState.MET

    def test_resolved_a_microsecond_late_is_breached(self) -> None:
        late = kyiv(18, 18) + timedelta(microseconds=1)
        events: list[SlaEvent] = [Acknowledged(at=kyiv(18, 10, 5)), Resolved(at=late)]
        result = PSM.status(self.CONSULTATION, events, late)
        assert result.resolve.state is MetricState.BREACHED
        assert result.resolve.breached_at == kyiv(18, 18)
        reason = result.reason("sla.breached")
        assert reason is not None
        assert reason.message.startswith("resolve done at Wed 2026-11-18 18:00:00.000001+02:00")

    def test_at_the_due_instant_an_open_ticket_is_still_running(self) -> None:
        resolve = PSM.status(self.CONSULTATION, [], kyiv(18, 18)).resolve
        assert resolve.state is MetricState.RUNNING
        assert resolve.remaining == timedelta(0)

    def test_strictly_after_the_due_an_open_ticket_is_breached(self) -> None:
        now = kyiv(18, 18) + timedelta(microseconds=1)
        result = PSM.status(self.CONSULTATION, [Acknowledged(at=kyiv(18, 10, 5))], now)
        assert result.resolve.state is MetricState.BREACHED
        assert result.outcome == "breached"
        reason = result.reason("sla.breached")
        assert reason is not None
        assert reason.message == "resolve due Wed 2026-11-18 18:00+02:00 has passed"

    def test_acknowledge_is_met_by_a_resolution_when_no_acknowledgement_came(self) -> None:
        result = PSM.status(self.CONSULTATION, [Resolved(at=kyiv(18, 10, 40))], kyiv(18, 12))
        assert result.acknowledge.state is MetricState.MET
        assert result.acknowledge.met_at == kyiv(18, 10, 40)
        assert result.outcome == "met"

    def test_acknowledge_is_met_by_a_resolution_that_came_before_the_acknowledgement(
        self,
    ) -> None:
        events: list[SlaEvent] = [
            Resolved(at=kyiv(18, 10, 30)),
            Reopened(at=kyiv(18, 10, 45)),
            Acknowledged(at=kyiv(18, 12)),
        ]
        acknowledge = PSM.status(self.CONSULTATION, events, kyiv(18, 13)).acknowledge
        assert acknowledge.state is MetricState.MET
        assert acknowledge.met_at == kyiv(18, 10, 30)

    def test_a_breach_stays_a_breach_when_the_ticket_is_resolved_later(self) -> None:
        events: list[SlaEvent] = [Acknowledged(at=kyiv(18, 10, 5)), Resolved(at=kyiv(19, 10))]
        result = PSM.status(self.CONSULTATION, events, kyiv(20, 10))
        assert result.resolve.state is MetricState.BREACHED
        assert result.resolve.breached_at == kyiv(18, 18)
        assert result.acknowledge.state is MetricState.MET

    def test_only_events_at_or_before_now_count(self) -> None:
        events: list[SlaEvent] = [Acknowledged(at=kyiv(18, 10, 30)), Resolved(at=kyiv(18, 15))]
        before = PSM.status(self.CONSULTATION, events, kyiv(18, 14, 59))
        at = PSM.status(self.CONSULTATION, events, kyiv(18, 15))
        assert before.resolve.state is MetricState.RUNNING
        assert at.resolve.state is MetricState.MET
        assert PSM.status(self.CONSULTATION, events, kyiv(18, 10, 29)).acknowledge.state is (
            MetricState.RUNNING
        )


class TestWarnings:
    CONSULTATION = ticket("consultation", kyiv(18, 10))  # PSM: 8 h from Wed 10:00
    ACKNOWLEDGED = (Acknowledged(at=kyiv(18, 10)),)

    @pytest.mark.parametrize(
        ("now", "crossed"),
        [
            (kyiv(18, 13, 59), ()),
            (kyiv(18, 14), ("0.5",)),
            (kyiv(18, 15, 59), ("0.5",)),
            (kyiv(18, 16), ("0.5", "0.75")),
            (kyiv(18, 17, 12), ("0.5", "0.75", "0.9")),
            (kyiv(18, 18), ("0.5", "0.75", "0.9")),
        ],
        ids=["below-50", "at-50", "below-75", "at-75", "at-90", "at-100"],
    )
    def test_default_thresholds(self, now: datetime, crossed: tuple[str, ...]) -> None:
        resolve = PSM.status(self.CONSULTATION, self.ACKNOWLEDGED, now).resolve
        assert resolve.thresholds_crossed == tuple(Decimal(c) for c in crossed)

    def test_the_warning_reason_carries_the_figures(self) -> None:
        result = PSM.status(self.CONSULTATION, self.ACKNOWLEDGED, kyiv(18, 16, 12))
        reason = result.reason("sla.warning")
        assert reason is not None
        assert reason.message == (
            "resolve: 78% of the target used; 1 h 48 min left (thresholds crossed: 50%, 75%)"
        )
        assert reason.source == "SlaPolicy.warnings"
        assert reason.fact("remaining") == timedelta(hours=1, minutes=48)

    def test_thresholds_of_the_policy(self) -> None:
        rules = PSM.replace(warnings=[Decimal("0.25")])
        resolve = rules.status(self.CONSULTATION, self.ACKNOWLEDGED, kyiv(18, 12)).resolve
        assert resolve.thresholds_crossed == (Decimal("0.25"),)

    def test_thresholds_of_the_target_win_over_the_policys(self) -> None:
        rules = policy(
            SlaTarget.business_time(
                "resolve", [], timedelta(hours=8), warnings=[Decimal("0.8")], name="fix"
            )
        )
        result = rules.status(self.CONSULTATION, [], kyiv(18, 16))
        assert result.resolve.thresholds_crossed == ()
        result = rules.status(self.CONSULTATION, [], kyiv(18, 16, 24))
        assert result.resolve.thresholds_crossed == (Decimal("0.8"),)
        reason = result.reason("sla.warning")
        assert reason is not None
        assert reason.source == "SlaTarget(fix).warnings"

    @pytest.mark.parametrize(
        "fraction", [Decimal(0), Decimal("1.5"), Decimal(-1)], ids=["zero", "above-one", "negative"]
    )
    def test_a_threshold_outside_0_1_is_refused(self, fraction: Decimal) -> None:
        with pytest.raises(InvalidScheduleError, match="warnings"):
            PSM.replace(warnings=[fraction])


class TestReasonMessages:
    def test_the_cap_message_names_both_instants(self) -> None:
        reason = PAID.deadlines(ticket("bug", kyiv(18, 15, 30))).reason("sla.same_day_cap")
        assert reason is not None
        assert reason.message == (
            "registered Wed 2026-11-18 15:30+02:00 before the 16:00 cutoff: 8 h of business "
            "time would end Thu 2026-11-19 14:30+02:00; capped at Wed 2026-11-18 18:00+02:00, "
            "the close of that day"
        )
        assert reason.source == "SlaTarget(bug).same_day_cap"

    def test_the_after_cutoff_message_names_the_new_registration(self) -> None:
        reason = PAID.deadlines(ticket("bug", kyiv(18, 16, 30))).reason("sla.after_cutoff")
        assert reason is not None
        assert reason.message == (
            "registered Wed 2026-11-18 16:30+02:00, at or after the 16:00 cutoff: treated as "
            "registered at Thu 2026-11-19 09:00+02:00, the next opening"
        )
        assert reason.fact("clock_start") == kyiv(19, 9)

    def test_the_business_time_message_names_start_and_due(self) -> None:
        reason = PAID.deadlines(ticket("consultation", kyiv(18, 15, 30))).reason(
            "sla.business_time"
        )
        assert reason is not None
        assert reason.message == (
            "resolve: 12 h of business time (target 'simple task'); "
            "from Wed 2026-11-18 15:30+02:00: due Fri 2026-11-20 09:30+02:00"
        )

    def test_an_outside_hours_start_is_mentioned(self) -> None:
        reason = PSM.deadlines(ticket("consultation", kyiv(21, 11))).reason("sla.business_time")
        assert reason is not None
        assert "registered Sat 2026-11-21 11:00+02:00 outside business hours" in reason.message

    def test_the_explanation_reads_as_a_paragraph(self) -> None:
        assert PAID.deadlines(ticket("bug", kyiv(18, 9, 15))).explain() == (
            "scheduled: no acknowledge target for bug tickets; resolve: 8 h of business time "
            "(target 'bug'); from Wed 2026-11-18 09:15+02:00: due Wed 2026-11-18 17:15+02:00."
        )

    def test_met_and_paused_messages(self) -> None:
        consultation = ticket("consultation", kyiv(18, 10))
        paused = PSM.status(
            consultation, [Paused(at=kyiv(18, 11), reason="customer")], kyiv(18, 12)
        )
        # The acknowledge was due at 11:00 exactly: a pause that begins at the due
        # stops that clock too (done at the due is in time, so it had not breached).
        assert [r.message for r in paused.reasons if r.code == "sla.paused"] == [
            "acknowledge paused since Wed 2026-11-18 11:00+02:00 (waiting on customer)",
            "resolve paused since Wed 2026-11-18 11:00+02:00 (waiting on customer)",
        ]
        met = PSM.status(consultation, [Resolved(at=kyiv(18, 10, 40))], kyiv(18, 12))
        reason = met.reason("sla.met")
        assert reason is not None
        assert reason.message == (
            "acknowledge met at Wed 2026-11-18 10:40+02:00, due Wed 2026-11-18 11:00+02:00"
        )


# -- queue helpers ---------------------------------------------------------------------------

NOW = kyiv(18, 16)
QUEUE: list[tuple[SlaPolicy, Ticket, Sequence[SlaEvent]]] = [
    # resolve due Wed 17:30: 1 h 30 min left
    (PSM, ticket("consultation", kyiv(18, 9, 30), id="A"), [Acknowledged(at=kyiv(18, 9, 45))]),
    # resolve due Wed 17:00: 1 h left
    (PSM, ticket("critical_bug", kyiv(18, 14), id="B"), [Acknowledged(at=kyiv(18, 14, 10))]),
    # paused: cannot breach while paused
    (
        PSM,
        ticket("consultation", kyiv(18, 10), id="C"),
        [Acknowledged(at=kyiv(18, 10, 5)), Paused(at=kyiv(18, 15))],
    ),
    # resolve was due Wed 13:00: breached, past risk
    (PSM, ticket("critical_bug", kyiv(18, 10), id="D"), [Acknowledged(at=kyiv(18, 10, 5))]),
    # met
    (
        PSM,
        ticket("critical_bug", kyiv(18, 10), id="E"),
        [Acknowledged(at=kyiv(18, 10, 5)), Resolved(at=kyiv(18, 12))],
    ),
    # acknowledge due Wed 16:30 (30 min left); resolve Thu 14:30 (7 h 30 min left)
    (PSM, ticket("consultation", kyiv(18, 15, 30), id="F"), []),
    # paid bug capped at Wed 18:00: 2 h left
    (PAID, ticket("bug", kyiv(18, 15, 30), id="G"), []),
]


class TestAtRisk:
    def test_soonest_first_without_paused_breached_or_met(self) -> None:
        found = at_risk(QUEUE, NOW, timedelta(hours=2))
        assert [(r.ticket_id, r.metric.value) for r in found] == [
            ("F", "acknowledge"),
            ("B", "resolve"),
            ("A", "resolve"),
            ("G", "resolve"),
        ]
        assert [r.remaining for r in found] == [
            timedelta(minutes=30),
            timedelta(hours=1),
            timedelta(hours=1, minutes=30),
            timedelta(hours=2),
        ]
        assert all(r.status.at == NOW for r in found)

    def test_within_is_business_time_and_inclusive(self) -> None:
        found = at_risk(QUEUE, NOW, timedelta(hours=1))
        assert [r.ticket_id for r in found] == ["F", "B"]

    def test_a_wide_window_still_leaves_out_paused_breached_and_met(self) -> None:
        found = at_risk(QUEUE, NOW, timedelta(days=30))
        assert {r.ticket_id for r in found} == {"A", "B", "F", "G"}

    def test_the_policy_method_is_the_same_for_one_policy(self) -> None:
        psm_items = [(t, e) for p, t, e in QUEUE if p is PSM]
        assert PSM.at_risk(psm_items, NOW, timedelta(hours=2)) == at_risk(
            [(PSM, t, e) for t, e in psm_items], NOW, timedelta(hours=2)
        )

    def test_within_must_be_a_timedelta(self) -> None:
        with pytest.raises(InvalidDurationError, match="within"):
            at_risk(QUEUE, NOW, 2)  # type: ignore[arg-type]


class TestCompliance:
    STATUSES: tuple[SlaStatus, ...] = tuple(p.status(t, e, NOW) for p, t, e in QUEUE)

    @pytest.mark.parametrize(
        ("kind", "metric", "met", "breached", "open_", "rate"),
        [
            ("consultation", "acknowledge", 2, 0, 1, Decimal(1)),
            ("consultation", "resolve", 0, 0, 3, None),
            ("critical_bug", "acknowledge", 3, 0, 0, Decimal(1)),
            ("critical_bug", "resolve", 1, 1, 1, Decimal("0.5")),
            ("bug", "resolve", 0, 0, 1, None),
            (None, "acknowledge", 5, 0, 1, Decimal(1)),
            (None, "resolve", 1, 1, 5, Decimal("0.5")),
        ],
        ids=[
            "consultation-acknowledge",
            "consultation-resolve-nothing-decided",
            "critical-acknowledge",
            "critical-resolve-half",
            "bug-resolve",
            "total-acknowledge",
            "total-resolve",
        ],
    )
    def test_counts_and_rates(
        self,
        kind: str | None,
        metric: str,
        met: int,
        breached: int,
        open_: int,
        rate: Decimal | None,
    ) -> None:
        row = compliance(self.STATUSES).row(kind, metric)
        assert row is not None
        assert (row.met, row.breached, row.open, row.rate) == (met, breached, open_, rate)

    def test_metrics_without_a_target_are_left_out(self) -> None:
        report = compliance(self.STATUSES)
        assert report.row("bug", "acknowledge") is None  # the paid plan sets none
        assert len(report.rows) == 5
        assert len(report.totals) == 2

    def test_refused_tickets_are_left_out(self) -> None:
        refused = PSM.status(ticket("bug", kyiv(18, 10), channel="phone"), [], NOW)
        assert compliance([refused]).rows == ()

    def test_an_empty_queue_gives_an_empty_report(self) -> None:
        report = compliance([])
        assert (report.rows, report.totals) == ((), ())


# -- bad input -------------------------------------------------------------------------------


class TestInvalidEventSequences:
    CONSULTATION = ticket("consultation", kyiv(18, 10))

    @pytest.mark.parametrize(
        ("events", "message"),
        [
            (
                [Paused(at=kyiv(18, 12)), Resumed(at=kyiv(18, 11))],
                r"events\[1\] \(Resumed at 2026-11-18T11:00:00\+02:00\) is out of order",
            ),
            (
                [Resumed(at=kyiv(18, 11))],
                r"events\[0\] \(Resumed at 2026-11-18T11:00:00\+02:00\): Resumed without a "
                r"Paused before it",
            ),
            (
                [Paused(at=kyiv(18, 11)), Paused(at=kyiv(18, 12))],
                r"events\[1\] \(Paused at 2026-11-18T12:00:00\+02:00\): already paused",
            ),
            (
                [Reopened(at=kyiv(18, 11))],
                r"events\[0\] \(Reopened at 2026-11-18T11:00:00\+02:00\): Reopened, but the "
                r"ticket is not resolved",
            ),
            (
                [Resolved(at=kyiv(18, 11)), Resolved(at=kyiv(18, 12))],
                r"events\[1\] \(Resolved at 2026-11-18T12:00:00\+02:00\): the ticket is already "
                r"resolved",
            ),
            (
                [Paused(at=kyiv(18, 9))],
                r"events\[0\] \(Paused at 2026-11-18T09:00:00\+02:00\) is before the ticket "
                r"opened at 2026-11-18T10:00:00\+02:00",
            ),
            (
                [Resolved(at=kyiv(18, 11)), Paused(at=kyiv(18, 12))],
                r"events\[1\] \(Paused at 2026-11-18T12:00:00\+02:00\): a resolved ticket cannot "
                r"be paused",
            ),
            (
                [Acknowledged(at=kyiv(18, 11)), Reopened(at=kyiv(19, 11))],
                r"events\[1\] \(Reopened at 2026-11-19T11:00:00\+02:00\)",
            ),
        ],
        ids=[
            "out-of-order",
            "resumed-without-paused",
            "paused-twice",
            "reopened-when-not-resolved",
            "resolved-twice",
            "before-opened-at",
            "paused-after-resolved",
            "bad-event-after-now-is-still-named",
        ],
    )
    def test_raises_naming_the_event(self, events: list[SlaEvent], message: str) -> None:
        with pytest.raises(InvalidEventSequenceError, match=message):
            PSM.status(self.CONSULTATION, events, kyiv(18, 15))

    def test_a_non_event_is_named(self) -> None:
        with pytest.raises(InvalidEventSequenceError, match=r"events\[0\]: 'paused'"):
            PSM.status(self.CONSULTATION, ["paused"], kyiv(18, 15))  # type: ignore[list-item]

    def test_now_before_opened_at_raises(self) -> None:
        with pytest.raises(
            InvalidEventSequenceError,
            match=r"now: 2026-11-18T09:59:00\+02:00 is before the ticket opened at "
            r"2026-11-18T10:00:00\+02:00",
        ):
            PSM.status(self.CONSULTATION, [], kyiv(18, 9, 59))

    def test_a_naive_now_raises(self) -> None:
        with pytest.raises(NaiveDatetimeError, match="now"):
            PSM.status(self.CONSULTATION, [], datetime(2026, 11, 18, 12))

    def test_every_sequence_error_is_a_value_error(self) -> None:
        assert issubclass(InvalidEventSequenceError, SupportRulesError)
        assert issubclass(InvalidEventSequenceError, ValueError)


class TestBadTicketInput:
    def test_an_unknown_kind_suggests_the_close_one(self) -> None:
        with pytest.raises(
            UnknownValueError, match=r"kind: unknown value 'bgu'; did you mean 'bug'"
        ):
            ticket("bgu", kyiv(18, 10))

    def test_kinds_and_channels_accept_their_strings_in_any_case(self) -> None:
        parsed = ticket("Critical-Bug", kyiv(18, 10), channel="EMAIL")
        assert parsed.kind is TicketKind.CRITICAL_BUG
        assert parsed.channel == "email"

    def test_an_unknown_channel_is_refused(self) -> None:
        with pytest.raises(UnknownValueError, match="channel: unknown value 'fax'"):
            ticket("bug", kyiv(18, 10), channel="fax")

    def test_a_naive_opened_at_is_refused(self) -> None:
        with pytest.raises(NaiveDatetimeError, match="opened_at"):
            ticket("bug", datetime(2026, 11, 18, 10))

    def test_parts_for_a_ticket_that_is_not_compound_are_refused(self) -> None:
        with pytest.raises(InvalidScheduleError, match="parts: 3 parts given for a bug ticket"):
            ticket("bug", kyiv(18, 10), parts=3)

    def test_zero_parts_are_refused(self) -> None:
        with pytest.raises(SupportRulesError, match="parts"):
            ticket("compound", kyiv(18, 10), parts=0)

    def test_a_negative_estimate_is_refused(self) -> None:
        with pytest.raises(InvalidDurationError, match=r"estimate: .* is negative"):
            ticket("modification", kyiv(18, 10), estimate=timedelta(hours=-1))

    def test_an_estimate_that_is_not_a_duration_is_refused(self) -> None:
        with pytest.raises(InvalidDurationError, match=r"estimate: 20 \(int\) is not a duration"):
            ticket("modification", kyiv(18, 10), estimate=20)

    @pytest.mark.parametrize(
        "fields",
        [
            {"duration": timedelta(hours=1), "use_estimate": True},
            {},
            {"end_of_day": 0, "same_day_cap": True},
        ],
        ids=["two-ways", "no-way", "cap-on-a-relative-target"],
    )
    def test_a_target_sets_its_due_exactly_one_way(self, fields: dict[str, Any]) -> None:
        with pytest.raises(InvalidScheduleError):
            SlaTarget(metric="resolve", **fields)

    def test_an_unknown_metric_suggests_the_close_one(self) -> None:
        with pytest.raises(UnknownValueError, match="did you mean 'resolve'"):
            SlaTarget.business_time("resolv", [], timedelta(hours=1))

    def test_the_metric_accessor(self) -> None:
        result = PSM.status(ticket("bug", kyiv(18, 10)), [], kyiv(18, 11))
        assert result.metric("acknowledge") is result.acknowledge
        assert result.metric(Metric.RESOLVE) is result.resolve


class TestReviewFixes:
    """Behaviour settled in review: clear errors for impossible times of day, and the
    outcome of a modification that still waits for its estimate."""

    @pytest.mark.parametrize("cutoff", ["24:00", "25:00", "9", "noon"])
    def test_a_cutoff_must_be_a_time_of_day(self, cutoff: str) -> None:
        with pytest.raises(InvalidScheduleError, match=rf"cutoff: '{cutoff}' is not a time of day"):
            SlaTarget.business_time("resolve", ["bug"], timedelta(hours=8), cutoff=cutoff)

    def test_a_by_time_must_be_a_time_of_day(self) -> None:
        with pytest.raises(InvalidScheduleError, match=r"by\.at: '24:00' is not a time of day"):
            SlaTarget.by_time_of_day("resolve", ["bug"], at="24:00")

    def test_an_acknowledged_modification_without_estimate_awaits_it(self) -> None:
        modification = ticket("modification", kyiv(16, 10))
        result = PSM.status(modification, [Acknowledged(at=kyiv(16, 10, 30))], kyiv(16, 12))
        assert result.acknowledge.state is MetricState.MET
        assert result.resolve.state is MetricState.NOT_APPLICABLE
        assert result.outcome == "awaiting_estimate"

    def test_a_cutoff_on_an_end_of_day_target_is_refused(self) -> None:
        with pytest.raises(InvalidScheduleError, match="cutoff: '16:00' has no effect"):
            SlaTarget.end_of_business_day("resolve", ["bug"], days=1, cutoff="16:00")

    def test_a_mixed_event_list_literal_needs_no_annotation(self) -> None:
        # mypy --strict checks this file: the list infers as list[Event], which status takes.
        consultation = ticket("consultation", kyiv(18, 10))
        events = [Paused(at=kyiv(18, 11)), Resumed(at=kyiv(18, 12))]
        assert PSM.status(consultation, events, kyiv(18, 13)).resolve.paused_for == timedelta(
            hours=1
        )
