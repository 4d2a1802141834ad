"""Money refuses amounts no arithmetic can finish, and says exactly what a budget decided.

Exact decimal arithmetic on ``1E+999999999999999999`` needs a billion digits; such an
amount used to raise ``MemoryError`` or a ``decimal`` error from inside.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from supportrules import Money
from supportrules.coverage import BudgetGuard
from supportrules.errors import InvalidAmountError, InvalidInputError
from supportrules.money import RoundingPolicy


class TestAmountsAreBounded:
    @pytest.mark.parametrize(
        "amount",
        ["1e999999999999999999", "1e-999999999999999999", "1e31", "-1e31", 10**31, "1e-101"],
        ids=str,
    )
    def test_out_of_range_is_refused(self, amount: Any) -> None:
        with pytest.raises(InvalidAmountError, match="out of range"):
            Money.of(amount, "EUR")

    @pytest.mark.parametrize("amount", ["9999999999999999999999999999999", "1e-100", "0e-999"])
    def test_the_edges_are_fine(self, amount: str) -> None:
        assert Money.of(amount, "EUR").amount == Decimal(amount)

    def test_a_quotient_out_of_range_is_our_error(self) -> None:
        with pytest.raises(InvalidAmountError, match="out of range"):
            Money.of("1e30", "EUR") / Decimal("1e-30")

    def test_a_product_out_of_range_is_our_error(self) -> None:
        with pytest.raises(InvalidAmountError, match="out of range"):
            Money.of("1e-99", "EUR") * Decimal("1e-50")

    @pytest.mark.parametrize("places", [10**18, -(10**18), 101, -31])
    def test_rounding_places_are_bounded(self, places: int) -> None:
        with pytest.raises(InvalidInputError, match="places"):
            RoundingPolicy(places=places)

    def test_rounding_to_hundreds_still_works(self) -> None:
        assert Money.of("1234.5", "EUR").rounded(RoundingPolicy(places=-2)).amount == Decimal(
            "1.2E+3"
        )


class TestBudgetMessagesAgreeWithTheOutcome:
    GUARD = BudgetGuard(
        monthly_budget=Money.of("1000.00", "EUR"), hourly_rate=Money.of("125.00", "EUR")
    )

    def test_a_thousandth_over_is_shown_as_a_thousandth(self) -> None:
        decision = self.GUARD.check(Money.of("875.001", "EUR"), timedelta(hours=1))
        assert decision.approval_required
        message = decision.reasons[0].message
        assert "0.001 EUR over the monthly budget" in message
        assert "= 1,000.001 EUR" in message
        assert "0.00 EUR over" not in message

    def test_whole_cents_are_shown_to_the_cent(self) -> None:
        decision = self.GUARD.check(Money.of("900", "EUR"), timedelta(hours=1))
        assert "900.00 EUR spent this month" in decision.reasons[0].message
        assert "25.00 EUR over" in decision.reasons[0].message
