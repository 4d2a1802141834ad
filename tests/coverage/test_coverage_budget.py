"""Seed 002 "grip op je budget": the monthly budget guard for time outside the contract."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from supportrules.coverage import BudgetGuard, BudgetOutcome, check_budget
from supportrules.errors import CurrencyMismatchError, InvalidAmountError, InvalidDurationError
from supportrules.money import Money


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


GUARD = BudgetGuard(monthly_budget=eur("1000.00"), hourly_rate=eur("125.00"))


class TestWithinOrOver:
    @pytest.mark.parametrize(
        ("spent", "estimate", "outcome", "projected", "over"),
        [
            pytest.param(
                "0.00", timedelta(hours=4), "within_budget", "500.00", "0.00", id="well-within"
            ),
            pytest.param(
                "750.00",
                timedelta(hours=2),
                "within_budget",
                "1000.00",
                "0.00",
                id="exactly-at-the-limit",
            ),
            pytest.param(
                "750.00",
                timedelta(hours=2, minutes=1),
                "approval_required",
                "1002.08",
                "2.08",
                id="one-minute-over",
            ),
            pytest.param(
                "999.99", timedelta(0), "within_budget", "999.99", "0.00", id="zero-estimate"
            ),
            pytest.param(
                "1000.01", timedelta(0), "approval_required", "1000.01", "0.01", id="already-over"
            ),
        ],
    )
    def test_the_projected_month_total_decides(
        self, spent: str, estimate: timedelta, outcome: str, projected: str, over: str
    ) -> None:
        decision = GUARD.check(eur(spent), estimate)
        assert decision.outcome is BudgetOutcome(outcome)
        assert decision.projected_total == eur(projected)
        assert decision.over_budget == eur(over)

    def test_exactly_at_the_limit_is_within_budget_with_nothing_left(self) -> None:
        decision = GUARD.check(eur("750.00"), timedelta(hours=2))
        assert decision.within_budget
        assert decision.remaining_after == eur("0.00")
        assert decision.explain() == (
            "within_budget: 750.00 EUR spent this month + 2 h at 125.00 EUR/h (250.00 EUR) "
            "= 1,000.00 EUR, within the monthly budget of 1,000.00 EUR (0.00 EUR left)."
        )

    def test_just_over_the_limit_needs_approval_and_says_by_how_much(self) -> None:
        decision = GUARD.check(eur("750.00"), timedelta(hours=2, minutes=1))
        assert decision.approval_required
        assert decision.estimate_cost == eur("252.08")
        assert decision.codes == ("coverage.budget_approval_required",)
        assert "2.08 EUR over the monthly budget of 1,000.00 EUR" in decision.explain()

    def test_a_zero_budget_needs_approval_for_any_work(self) -> None:
        guard = GUARD.replace(monthly_budget=eur("0.00"))
        assert guard.check(eur("0.00"), timedelta(minutes=6)).approval_required
        assert guard.check(eur("0.00"), timedelta(minutes=6)).over_budget == eur("12.50")
        assert guard.check(eur("0.00"), timedelta(0)).within_budget

    def test_the_hours_already_spent_can_be_given_as_time(self) -> None:
        by_time = GUARD.check(timedelta(hours=6), timedelta(hours=2))
        assert by_time.spent_this_month == eur("750.00")
        assert by_time.within_budget

    def test_the_function_and_the_method_agree(self) -> None:
        assert check_budget(GUARD, eur("10.00"), timedelta(hours=1)) == GUARD.check(
            eur("10.00"), timedelta(hours=1)
        )

    def test_every_figure_is_a_fact_of_the_reason(self) -> None:
        reason = GUARD.check(eur("900.00"), timedelta(hours=1)).reasons[0]
        assert reason.source == "BudgetGuard.monthly_budget"
        assert reason.fact("projected_total") == eur("1025.00")
        assert reason.fact("over_budget") == eur("25.00")
        assert reason.fact("estimate") == timedelta(hours=1)

    def test_the_cost_is_rounded_half_up_to_the_minor_unit(self) -> None:
        # 1 min at 125.00/h = 2.0833...; 3 min = 6.25; 1 min 30 s = 3.125 -> 3.13.
        assert GUARD.cost_of(timedelta(minutes=1, seconds=30)) == eur("3.13")
        yen = BudgetGuard(
            monthly_budget=Money.of("100000", "JPY"), hourly_rate=Money.of("15000", "JPY")
        )
        assert yen.cost_of(timedelta(minutes=1)) == Money.of("250", "JPY")


class TestBudgetInput:
    def test_budget_and_rate_must_share_a_currency(self) -> None:
        with pytest.raises(CurrencyMismatchError, match=r"hourly_rate: 125.00 USD is in USD"):
            BudgetGuard(monthly_budget=eur("1000.00"), hourly_rate=Money.of("125.00", "USD"))

    def test_spent_must_be_in_the_budget_currency(self) -> None:
        with pytest.raises(CurrencyMismatchError, match=r"spent_this_month: 5\.00 UAH"):
            GUARD.check(Money.of("5.00", "UAH"), timedelta(hours=1))

    @pytest.mark.parametrize(
        ("field", "budget", "rate"),
        [
            pytest.param("monthly_budget", "-0.01", "125.00", id="negative-budget"),
            pytest.param("hourly_rate", "1000.00", "0.00", id="zero-rate"),
            pytest.param("hourly_rate", "1000.00", "-125.00", id="negative-rate"),
        ],
    )
    def test_a_negative_budget_or_a_rate_that_is_not_positive_is_refused(
        self, field: str, budget: str, rate: str
    ) -> None:
        with pytest.raises(InvalidAmountError, match=f"^{field}: "):
            BudgetGuard(monthly_budget=eur(budget), hourly_rate=eur(rate))

    def test_negative_spent_is_refused(self) -> None:
        with pytest.raises(InvalidAmountError, match=r"spent_this_month: -1\.00 EUR is negative"):
            GUARD.check(eur("-1.00"), timedelta(hours=1))

    @pytest.mark.parametrize(
        "estimate",
        [
            pytest.param(timedelta(hours=-1), id="negative"),
            pytest.param(None, id="missing"),
            pytest.param(8, id="a-bare-number"),
        ],
    )
    def test_an_estimate_must_be_a_non_negative_timedelta(self, estimate: object) -> None:
        with pytest.raises(InvalidDurationError, match=r"^estimate: "):
            GUARD.check(eur("0.00"), estimate)  # type: ignore[arg-type]

    def test_spent_of_another_type_is_refused(self) -> None:
        with pytest.raises(InvalidAmountError, match=r"spent_this_month: 12\.5"):
            GUARD.check(12.5, timedelta(hours=1))  # type: ignore[arg-type]

    def test_the_guard_round_trips_through_json_and_has_a_schema(self) -> None:
        assert BudgetGuard.model_validate_json(GUARD.model_dump_json()) == GUARD
        json.dumps(BudgetGuard.model_json_schema())
