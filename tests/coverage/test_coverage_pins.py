"""Coverage wording and boundaries that a mutation-testing sample found unpinned: which
period an inactive contract names, the ``coverage.without_contract`` sentence, and when
the budget guard says the budget was already used up.

Requests come from ``conftest.py``: complete, sent Wed 2026-11-18 10:00 Amsterdam.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from supportrules.coverage import (
    BudgetGuard,
    BudgetOutcome,
    SupportContract,
    SupportRequest,
    classify,
)
from supportrules.explain import Reason
from supportrules.money import Money
from supportrules.presets.onebox_support import onebox_free_plan, onebox_paid_plan

MakeRequest = Callable[..., SupportRequest]
MakeContract = Callable[..., SupportContract]


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def inactive_reason(make_request: MakeRequest, contract: SupportContract) -> Reason:
    decision = classify(make_request("bug"), contract, onebox_paid_plan())
    assert decision.advisory
    reason = decision.reason("coverage.contract_inactive")
    assert reason is not None
    return reason


class TestAnInactiveContractNamesTheNearestPeriods:
    """Of several expired periods the reason names the latest end; of several future
    ones, the earliest start (listed in any order)."""

    EXPIRED = (
        ("2025-01-01", "2025-03-31"),
        ("2023-01-01", "2023-12-31"),
        ("2024-02-01", "2024-06-30"),
    )
    FUTURE = (("2028-01-01", "2028-12-31"), ("2027-03-01", None), ("2029-01-01", "2029-03-31"))

    def test_several_expired_periods_name_the_latest_end(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        reason = inactive_reason(make_request, make_contract("paid", periods=self.EXPIRED))
        assert reason.message == (
            "contract C-17 is not active on 2026-11-18: it expired after 2025-03-31"
        )
        assert reason.fact("last_end") == date(2025, 3, 31)
        assert reason.fact("next_start") is None

    def test_of_overlapping_expired_periods_the_latest_end_is_not_the_latest_start(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        # Overlapping periods are allowed (docs/guide/coverage.md); the period that starts
        # last ends first here.
        periods = (("2022-01-01", "2025-06-30"), ("2024-01-01", "2024-12-31"))
        reason = inactive_reason(make_request, make_contract("paid", periods=periods))
        assert reason.message == (
            "contract C-17 is not active on 2026-11-18: it expired after 2025-06-30"
        )
        assert reason.fact("last_end") == date(2025, 6, 30)

    def test_several_future_periods_name_the_earliest_start(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        reason = inactive_reason(make_request, make_contract("paid", periods=self.FUTURE))
        assert (
            reason.message == "contract C-17 is not active on 2026-11-18: it starts on 2027-03-01"
        )
        assert reason.fact("last_end") is None
        assert reason.fact("next_start") == date(2027, 3, 1)

    def test_a_gap_between_several_periods_names_the_nearest_on_each_side(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        periods = (*self.FUTURE, *self.EXPIRED)
        reason = inactive_reason(make_request, make_contract("paid", periods=periods))
        assert reason.message == (
            "contract C-17 is not active on 2026-11-18: it lapsed after 2025-03-31 and is "
            "renewed from 2027-03-01"
        )
        assert reason.fact("last_end") == date(2025, 3, 31)
        assert reason.fact("next_start") == date(2027, 3, 1)


class TestTheWithoutContractSentence:
    """``coverage.without_contract`` says what the policy's ``without_contract`` does,
    naming the request kind (and the plan, when a paid plan is needed)."""

    @pytest.mark.parametrize(
        ("kind", "message"),
        [
            ("bug", "without an active contract covering it, the bug request is not covered"),
            (
                "configuration_howto",
                "without an active contract covering it, the configuration how-to request "
                "is not covered",
            ),
        ],
        ids=["bug", "configuration-howto"],
    )
    def test_advisory_says_the_request_is_not_covered(
        self, kind: str, message: str, make_request: MakeRequest
    ) -> None:
        decision = classify(make_request(kind), None, onebox_paid_plan())
        assert decision.advisory
        reason = decision.reason("coverage.without_contract")
        assert reason is not None
        assert reason.message == message
        assert reason.fact("treatment") == "advisory"

    @pytest.mark.parametrize(
        ("policy_plan", "kind", "message"),
        [
            (
                "paid",
                "bug",
                "without an active contract covering it, the bug request is not handled "
                "on the paid plan; it needs a paid plan",
            ),
            (
                "free",
                "configuration_howto",
                "without an active contract covering it, the configuration how-to request "
                "is not handled on the free plan; it needs a paid plan",
            ),
        ],
        ids=["paid-plan-bug", "free-plan-configuration-howto"],
    )
    def test_requires_paid_plan_names_the_plan(
        self,
        policy_plan: str,
        kind: str,
        message: str,
        make_request: MakeRequest,
        make_contract: MakeContract,
    ) -> None:
        base = onebox_paid_plan() if policy_plan == "paid" else onebox_free_plan()
        policy = base.replace(without_contract="requires_paid_plan")
        expired = make_contract(policy_plan, periods=[("2020-01-01", "2020-12-31")])
        decision = classify(make_request(kind), expired, policy)
        assert decision.requires_paid_plan
        reason = decision.reason("coverage.without_contract")
        assert reason is not None
        assert reason.message == message
        assert reason.fact("treatment") == "requires_paid_plan"


GUARD = BudgetGuard(monthly_budget=eur("1000.00"), hourly_rate=eur("125.00"))


class TestTheBudgetWasAlreadyUsedUp:
    """The remark appears exactly when the month had spent more than the budget before
    the new request; spending exactly the budget, or less, is not "already used up"."""

    @pytest.mark.parametrize(
        ("spent", "estimate", "message"),
        [
            (
                "999.99",
                timedelta(hours=1),
                "999.99 EUR spent this month + 1 h at 125.00 EUR/h (125.00 EUR) = 1,124.99 "
                "EUR, 124.99 EUR over the monthly budget of 1,000.00 EUR; the customer "
                "approves before the work starts",
            ),
            (
                "1000.00",
                timedelta(hours=1),
                "1,000.00 EUR spent this month + 1 h at 125.00 EUR/h (125.00 EUR) = "
                "1,125.00 EUR, 125.00 EUR over the monthly budget of 1,000.00 EUR; the "
                "customer approves before the work starts",
            ),
            (
                "1000.01",
                timedelta(hours=1),
                "1,000.01 EUR spent this month + 1 h at 125.00 EUR/h (125.00 EUR) = "
                "1,125.01 EUR, 125.01 EUR over the monthly budget of 1,000.00 EUR (the "
                "budget was already used up); the customer approves before the work starts",
            ),
            (
                "1200.00",
                timedelta(0),
                "1,200.00 EUR spent this month + 0 min at 125.00 EUR/h (0.00 EUR) = "
                "1,200.00 EUR, 200.00 EUR over the monthly budget of 1,000.00 EUR (the "
                "budget was already used up); the customer approves before the work starts",
            ),
        ],
        ids=[
            "spent-under-the-budget",
            "spent-exactly-the-budget",
            "spent-a-cent-over",
            "spent-over-nothing-new",
        ],
    )
    def test_the_remark_appears_only_when_spent_exceeds_the_budget(
        self, spent: str, estimate: timedelta, message: str
    ) -> None:
        decision = GUARD.check(eur(spent), estimate)
        assert decision.outcome is BudgetOutcome.APPROVAL_REQUIRED
        assert decision.reasons[0].message == message

    @pytest.mark.parametrize(
        "spent",
        [eur("875.00"), timedelta(hours=7)],
        ids=["spent-as-money", "spent-as-hours"],
    )
    def test_spending_exactly_the_remaining_budget_is_within_it(
        self, spent: Money | timedelta
    ) -> None:
        decision = GUARD.check(spent, timedelta(hours=1))
        assert decision.outcome is BudgetOutcome.WITHIN_BUDGET
        assert decision.projected_total == eur("1000.00")
        assert decision.remaining_after == eur("0.00")
        assert decision.remaining_after.is_zero()
        assert decision.over_budget == eur("0.00")
        assert decision.reasons[0].message == (
            "875.00 EUR spent this month + 1 h at 125.00 EUR/h (125.00 EUR) = 1,000.00 EUR, "
            "within the monthly budget of 1,000.00 EUR (0.00 EUR left)"
        )
