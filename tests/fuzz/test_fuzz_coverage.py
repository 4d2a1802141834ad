"""Coverage classification, whatever it is given, answers or raises a
``SupportRulesError`` (SPEC §1, §4): requests, contracts, policies, the tracker and the
budget guard on every path in, and ``classify``, ``meaning_of``, ``policy_for_plan``,
``check_budget`` and the models' own methods with junk in any place.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from supportrules import Money, presets
from supportrules.coverage import (
    BudgetGuard,
    ContractPeriod,
    CoveragePolicy,
    SupportContract,
    SupportRequest,
    TrackerConvention,
    TrackerState,
    check_budget,
    classify,
    meaning_of,
    policy_for_plan,
)

from .strategies import (
    aware_datetimes,
    durations,
    fuzz_settings,
    model_suite,
    moneys,
    only_our_errors,
    python_values,
)

WEDNESDAY = datetime(2026, 11, 18, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))

WORDS = (
    "bug",
    "consultation",
    "upgrade",
    "configuration_howto",
    "Configuration HowTo",
    "implementation_question",
    "modification",
    "bgu",
    "covered",
    "billable",
    "advisory",
    "requires_paid_plan",
    "incomplete",
    "channel_not_allowed",
    "email",
    "phone",
    "portal",
    "customer",
    "product",
    "version",
    "description",
    "steps to reproduce",
    "estimate",
    "free",
    "paid",
    "standard",
    "Call",
    "New",
    "Approved",
    "Advisory",
    "ACME",
    "Invantive Cloud",
    "Europe/Amsterdam",
)

POLICIES: list[CoveragePolicy] = [
    presets.invantive_standard_contract(),
    presets.onebox_free_plan(),
    presets.onebox_paid_plan(),
]
PERIODS: list[ContractPeriod] = [
    ContractPeriod(start="2026-01-01", end="2026-12-31"),
    ContractPeriod(start="2025-03-01"),
]
CONTRACTS: list[SupportContract] = [
    SupportContract(
        id="C-17",
        customer="ACME",
        plan=policy.plan,
        products=["Invantive Cloud", "OneBox"],
        periods=[("2025-01-01", "2025-12-31"), ("2026-03-01", None)],
        timezone="Europe/Amsterdam" if policy.plan == "standard" else None,
    )
    for policy in POLICIES
]
REQUESTS: list[SupportRequest] = [
    SupportRequest(
        id="R-1",
        customer="ACME",
        product="Invantive Cloud",
        version="24.0.512",
        kind=kind,
        channel=channel,
        description="The export stops halfway",
        steps_to_reproduce="Run the nightly export",
        submitted_at=WEDNESDAY,
        estimate=estimate,
    )
    for kind, channel, estimate in [
        ("bug", "email", None),
        ("consultation", "phone", None),
        ("modification", "client_area", timedelta(hours=6)),
    ]
]
TRACKERS: list[TrackerConvention] = [
    TrackerConvention(),
    TrackerConvention(call_category="Ticket", advisory_category="Offer", new_status="Open"),
]
STATES: list[TrackerState] = [
    TrackerState(category="Call", status="New"),
    TrackerState(category="Advisory", status="In progress"),
]
GUARDS: list[BudgetGuard] = [
    BudgetGuard(monthly_budget=Money.of("1000.00", "EUR"), hourly_rate=Money.of("125.00", "EUR")),
    BudgetGuard(
        monthly_budget=Money.of("0", "JPY"),
        hourly_rate=Money.of("9999", "JPY"),
        rounding={"mode": "down", "places": 0},
    ),
]

VALUES: dict[type[Any], list[Any]] = {
    SupportRequest: REQUESTS,
    SupportContract: CONTRACTS,
    ContractPeriod: PERIODS,
    CoveragePolicy: POLICIES,
    TrackerConvention: TRACKERS,
    TrackerState: STATES,
    BudgetGuard: GUARDS,
}

MONEYS = moneys()
OURS = st.sampled_from([*REQUESTS, *CONTRACTS, *PERIODS, POLICIES[0], *STATES, GUARDS[0]])
JUNK = python_values(WORDS, extra=st.one_of(OURS, MONEYS))

A_REQUEST = st.one_of(st.sampled_from(REQUESTS), JUNK)
A_CONTRACT = st.one_of(st.none(), st.sampled_from(CONTRACTS), JUNK)
A_POLICY = st.one_of(st.sampled_from(POLICIES), JUNK)
A_TRACKER = st.one_of(st.none(), st.sampled_from(TRACKERS), JUNK)
A_WORD = st.one_of(st.sampled_from(WORDS), JUNK)
A_DATE = st.one_of(st.dates(), st.dates(date(2025, 1, 1), date(2027, 12, 31)), JUNK)
A_DURATION = st.one_of(durations(), JUNK)
SPENT = st.one_of(MONEYS, durations(), JUNK)

FUZZ = fuzz_settings(max_examples=60)
PER_MODEL = fuzz_settings(max_examples=30)  # three tests for each model


TestModels = model_suite(VALUES, JUNK, WORDS, PER_MODEL)


class TestRules:
    @FUZZ
    @given(request=A_REQUEST, contract=A_CONTRACT, policy=A_POLICY)
    def test_classify_raises_only_our_errors(
        self, request: Any, contract: Any, policy: Any
    ) -> None:
        only_our_errors(classify, request, contract, policy)

    @FUZZ
    @given(category=A_WORD, status=A_WORD, tracker=A_TRACKER)
    def test_meaning_of_raises_only_our_errors(
        self, category: Any, status: Any, tracker: Any
    ) -> None:
        only_our_errors(meaning_of, category, status, tracker=tracker)

    @FUZZ
    @given(
        plan=A_WORD,
        policies=st.one_of(st.lists(A_POLICY, max_size=3), JUNK),
    )
    def test_policy_for_plan_raises_only_our_errors(self, plan: Any, policies: Any) -> None:
        only_our_errors(policy_for_plan, plan, policies)

    @FUZZ
    @given(guard=st.one_of(st.sampled_from(GUARDS), JUNK), spent=SPENT, estimate=A_DURATION)
    def test_check_budget_raises_only_our_errors(
        self, guard: Any, spent: Any, estimate: Any
    ) -> None:
        only_our_errors(check_budget, guard, spent, estimate)

    @FUZZ
    @given(guard=st.sampled_from(GUARDS), spent=SPENT, estimate=A_DURATION)
    def test_budget_guard_raises_only_our_errors(
        self, guard: BudgetGuard, spent: Any, estimate: Any
    ) -> None:
        only_our_errors(guard.check, spent, estimate)
        only_our_errors(guard.cost_of, estimate)


class TestMethods:
    """The models' own public methods, with junk for their arguments."""

    @FUZZ
    @given(
        contract=st.sampled_from(CONTRACTS),
        moment=st.one_of(aware_datetimes(), JUNK),
        on=A_DATE,
        word=A_WORD,
    )
    def test_contract_methods_raise_only_our_errors(
        self, contract: SupportContract, moment: Any, on: Any, word: Any
    ) -> None:
        only_our_errors(contract.local_date, moment)
        only_our_errors(contract.period_on, on)
        only_our_errors(contract.active_on, on)
        only_our_errors(contract.covers_product, word)
        only_our_errors(contract.is_for, word)
        only_our_errors(PERIODS[0].contains, on)

    @FUZZ
    @given(
        request=st.sampled_from(REQUESTS),
        fields=st.one_of(st.lists(A_WORD, max_size=3), JUNK),
    )
    def test_request_missing_raises_only_our_errors(
        self, request: SupportRequest, fields: Any
    ) -> None:
        only_our_errors(request.missing, fields)

    @FUZZ
    @given(
        tracker=st.sampled_from(TRACKERS),
        state=st.sampled_from(STATES),
        word=A_WORD,
        other=A_TRACKER,
    )
    def test_tracker_methods_raise_only_our_errors(
        self, tracker: TrackerConvention, state: TrackerState, word: Any, other: Any
    ) -> None:
        only_our_errors(tracker.state_for, word)
        only_our_errors(tracker.is_call, word)
        only_our_errors(tracker.is_new, word)
        only_our_errors(state.meaning, other)

    @FUZZ
    @given(policy=st.sampled_from(POLICIES), word=A_WORD)
    def test_policy_methods_raise_only_our_errors(self, policy: CoveragePolicy, word: Any) -> None:
        only_our_errors(policy.treatment_for, word)
        only_our_errors(policy.required_for, word)
        only_our_errors(policy.kinds_with, word)
