"""The SLA engine, whatever it is given, answers or raises a ``SupportRulesError``
(SPEC §1, §3): tickets, targets, policies and the five events on every path in, and
``deadlines``, ``status``, ``at_risk`` and ``compliance`` with junk in any place.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supportrules import BusinessCalendar, presets
from supportrules.sla import (
    Acknowledged,
    ByTime,
    Paused,
    Reopened,
    Resolved,
    Resumed,
    SlaPolicy,
    SlaStatus,
    SlaTarget,
    Ticket,
    at_risk,
    compliance,
    deadlines,
    status,
)

from .strategies import (
    aware_datetimes,
    durations,
    fuzz_settings,
    model_suite,
    only_our_errors,
    python_values,
    warm_up,
)

KYIV = ZoneInfo("Europe/Kyiv")
WEDNESDAY = datetime(2026, 11, 18, 15, 30, tzinfo=KYIV)  # SPEC §3.5
# Warmed up: each year of a calendar is computed on first use (see warm_up).
K = warm_up(BusinessCalendar.standard("Europe/Kyiv", "09:00-18:00"))
ALWAYS = warm_up(BusinessCalendar.always_open("UTC"))

WORDS = (
    "bug",
    "Bug",
    "critical_bug",
    "consultation",
    "compound",
    "modification",
    "bgu",
    "portal",
    "phone",
    "email",
    "client_area",
    "acknowledge",
    "resolve",
    "parallel",
    "sequential",
    "policy",
    "ticket",
    "customer",
    "production",
    "acknowledged",
    "paused",
    "resumed",
    "resolved",
    "reopened",
    "type",
    "at",
    "0.5",
    "1.5",
)

POLICIES: list[SlaPolicy] = [
    presets.onebox_free_support(K),
    presets.onebox_paid_support(K),
    presets.onebox_partner_support_manager(K),
    SlaPolicy(
        name="relative targets",
        calendar=K,
        calendar_source="ticket",
        targets=[
            SlaTarget.end_of_business_day("acknowledge", [], days=1),
            SlaTarget.by_time_of_day("resolve", ["bug"], "16:00", cutoff="10:00", days=1),
            SlaTarget.business_time(
                "resolve", [], timedelta(hours=4), calendar=ALWAYS, pause_on=["customer"]
            ),
        ],
        warnings=["0.25", "1"],
    ),
]
TARGETS: list[SlaTarget] = [target for policy in POLICIES for target in policy.targets]
TICKETS: list[Ticket] = [
    Ticket(id="T-1", kind="bug", opened_at=WEDNESDAY),
    Ticket(id="T-2", kind="consultation", opened_at=WEDNESDAY, channel="phone"),
    Ticket(id="T-3", kind="compound", opened_at=WEDNESDAY, parts=3),
    Ticket(
        id="T-4",
        kind="modification",
        opened_at=datetime(2026, 11, 16, 10, tzinfo=KYIV),
        estimate=timedelta(hours=20),
        priority="high",
        calendar=ALWAYS,
    ),
    Ticket(id="T-5", kind="critical_bug", opened_at=datetime(2026, 11, 20, 16, tzinfo=KYIV)),
]
EVENT_TYPES = (Acknowledged, Paused, Resumed, Resolved, Reopened)
EVENTS = [
    Acknowledged(at=WEDNESDAY + timedelta(minutes=10)),
    Paused(at=WEDNESDAY + timedelta(hours=1), reason="production"),
    Resumed(at=WEDNESDAY + timedelta(days=1)),
    Resolved(at=WEDNESDAY + timedelta(days=2)),
    Reopened(at=WEDNESDAY + timedelta(days=3)),
]
# Statuses to feed compliance; computing them here also builds the calendar's years.
STATUSES: list[SlaStatus] = [
    policy.status(ticket, EVENTS[:n], WEDNESDAY + timedelta(days=n))
    for policy in POLICIES
    for ticket in TICKETS
    for n in (0, 2, 4)
    if ticket.opened_at <= WEDNESDAY
]

VALUES: dict[type[Any], list[Any]] = {
    Ticket: TICKETS,
    SlaTarget: TARGETS,
    ByTime: [ByTime(), ByTime(at="09:30", days=2)],
    SlaPolicy: POLICIES,
    **{kind: [event for event in EVENTS if isinstance(event, kind)] for kind in EVENT_TYPES},
}

OURS = st.sampled_from([*TICKETS, *EVENTS, *TARGETS, POLICIES[0], STATUSES[0], K])
JUNK = python_values(WORDS, extra=OURS)

NEAR_WEDNESDAY = st.datetimes(
    datetime(2026, 11, 15), datetime(2026, 11, 30), timezones=st.just(KYIV)
)
INSTANTS = st.one_of(NEAR_WEDNESDAY, aware_datetimes(), JUNK)
AN_EVENT = st.one_of(
    st.builds(
        lambda kind, at: kind(at=at), st.sampled_from(EVENT_TYPES), st.one_of(NEAR_WEDNESDAY)
    ),
    st.builds(Paused, at=NEAR_WEDNESDAY, reason=st.text(max_size=8)),
    st.sampled_from(EVENTS),
)
EVENT_LISTS = st.one_of(
    st.lists(AN_EVENT, max_size=5).map(lambda events: sorted(events, key=lambda e: e.at)),
    st.lists(st.one_of(AN_EVENT, JUNK), max_size=4),
    JUNK,
)
A_POLICY = st.one_of(st.sampled_from(POLICIES), JUNK)
A_TICKET = st.one_of(st.sampled_from(TICKETS), JUNK)

FUZZ = fuzz_settings(max_examples=60)
PER_MODEL = fuzz_settings(max_examples=30)  # three tests for each model


TestModels = model_suite(VALUES, JUNK, WORDS, PER_MODEL)


class TestConstruction:
    @FUZZ
    @given(
        metric=st.one_of(st.sampled_from(["resolve", "acknowledge"]), JUNK),
        kinds=st.one_of(st.sampled_from([["bug"], []]), JUNK),
        duration=st.one_of(durations(), JUNK),
        days=st.one_of(st.integers(-3, 3), JUNK),
        at=st.one_of(st.just("16:00"), JUNK),
        options=st.dictionaries(
            st.sampled_from(["cutoff", "same_day_cap", "calendar", "warnings", "pause_on"]),
            JUNK,
            max_size=2,
        ),
    )
    def test_named_targets_raise_only_our_errors(
        self,
        metric: Any,
        kinds: Any,
        duration: Any,
        days: Any,
        at: Any,
        options: dict[str, Any],
    ) -> None:
        only_our_errors(SlaTarget.business_time, metric, kinds, duration, **options)
        only_our_errors(SlaTarget.estimate, kinds, **options)
        only_our_errors(SlaTarget.end_of_business_day, metric, kinds, days, **options)
        only_our_errors(SlaTarget.by_time_of_day, metric, kinds, at, days=days, **options)

    @pytest.mark.parametrize(
        "preset",
        [
            presets.onebox_free_support,
            presets.onebox_paid_support,
            presets.onebox_partner_support_manager,
        ],
        ids=lambda preset: preset.__name__,
    )
    @FUZZ
    @given(calendar=JUNK)
    def test_presets_raise_only_our_errors(
        self, preset: Callable[[Any], SlaPolicy], calendar: Any
    ) -> None:
        only_our_errors(preset, calendar)


class TestRules:
    @FUZZ
    @given(policy=st.sampled_from(POLICIES), ticket=JUNK)
    def test_deadlines_raise_only_our_errors(self, policy: SlaPolicy, ticket: Any) -> None:
        only_our_errors(policy.deadlines, ticket)

    @FUZZ
    @given(policy=A_POLICY, ticket=A_TICKET)
    def test_deadlines_function_raises_only_our_errors(self, policy: Any, ticket: Any) -> None:
        only_our_errors(deadlines, policy, ticket)

    @FUZZ
    @given(policy=st.sampled_from(POLICIES), ticket=A_TICKET, events=EVENT_LISTS, now=INSTANTS)
    def test_status_raises_only_our_errors(
        self, policy: SlaPolicy, ticket: Any, events: Any, now: Any
    ) -> None:
        only_our_errors(policy.status, ticket, events, now)

    @FUZZ
    @given(policy=A_POLICY, ticket=A_TICKET, events=EVENT_LISTS, now=INSTANTS)
    def test_status_function_raises_only_our_errors(
        self, policy: Any, ticket: Any, events: Any, now: Any
    ) -> None:
        only_our_errors(status, policy, ticket, events, now)

    @FUZZ
    @given(
        policy=st.sampled_from(POLICIES),
        items=st.one_of(
            st.lists(st.tuples(A_TICKET, EVENT_LISTS), max_size=3),
            st.lists(JUNK, max_size=3),
            JUNK,
        ),
        now=INSTANTS,
        within=st.one_of(durations(), JUNK),
    )
    def test_at_risk_raises_only_our_errors(
        self, policy: SlaPolicy, items: Any, now: Any, within: Any
    ) -> None:
        only_our_errors(policy.at_risk, items, now, within)

    @FUZZ
    @given(
        items=st.one_of(
            st.lists(st.tuples(A_POLICY, A_TICKET, EVENT_LISTS), max_size=3),
            st.lists(JUNK, max_size=3),
            JUNK,
        ),
        now=INSTANTS,
        within=st.one_of(durations(), JUNK),
    )
    def test_at_risk_function_raises_only_our_errors(
        self, items: Any, now: Any, within: Any
    ) -> None:
        only_our_errors(at_risk, items, now, within)

    @FUZZ
    @given(
        statuses=st.one_of(
            st.lists(st.one_of(st.sampled_from(STATUSES), JUNK), max_size=4),
            JUNK,
        )
    )
    def test_compliance_raises_only_our_errors(self, statuses: Any) -> None:
        only_our_errors(compliance, statuses)

    @FUZZ
    @given(
        policy=st.sampled_from(POLICIES),
        ticket=A_TICKET,
        metric=st.one_of(st.sampled_from(["resolve", "acknowledge"]), JUNK),
        target=st.one_of(st.none(), st.sampled_from(TARGETS), JUNK),
    )
    def test_policy_lookups_raise_only_our_errors(
        self, policy: SlaPolicy, ticket: Any, metric: Any, target: Any
    ) -> None:
        only_our_errors(policy.target_for, ticket, metric)
        only_our_errors(policy.calendar_for, ticket, target)

    @FUZZ
    @given(
        current=st.sampled_from(STATUSES),
        kind=st.one_of(st.none(), st.sampled_from(WORDS), JUNK),
        metric=st.one_of(st.sampled_from(["resolve", "acknowledge"]), JUNK),
    )
    def test_result_lookups_raise_only_our_errors(
        self, current: SlaStatus, kind: Any, metric: Any
    ) -> None:
        only_our_errors(current.metric, metric)
        only_our_errors(compliance(STATUSES).row, kind, metric)
