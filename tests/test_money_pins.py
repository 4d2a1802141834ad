"""Money operators that a mutation-testing sample found unpinned: the precision of a
quotient, dividing money by money, and comparing money with a bare number."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Any

import pytest

from supportrules import InvalidAmountError, Money


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


class TestDivisionKeeps34SignificantDigits:
    @pytest.mark.parametrize(
        ("dividend", "divisor", "quotient"),
        [
            ("1", 3, "0." + "3" * 34),
            ("2", 3, "0." + "6" * 33 + "7"),  # the 34th digit rounds half-even
            ("10.00", 3, "3." + "3" * 33),
            ("1", 7, "0.1428571428571428571428571428571429"),
        ],
        ids=["one-third", "two-thirds", "ten-thirds", "one-seventh"],
    )
    def test_the_quotient_has_34_significant_digits(
        self, dividend: str, divisor: int, quotient: str
    ) -> None:
        result = eur(dividend) / divisor
        assert result == eur(quotient)
        assert str(result.amount) == quotient
        assert len(result.amount.as_tuple().digits) == 34
        assert result.currency == "EUR"

    def test_the_callers_decimal_context_changes_nothing(self) -> None:
        with decimal.localcontext() as context:
            context.prec = 5
            context.rounding = decimal.ROUND_DOWN
            result = eur("2") / 3
        assert str(result.amount) == "0." + "6" * 33 + "7"

    def test_an_exact_quotient_is_not_padded(self) -> None:
        assert str((eur("10.00") / 4).amount) == "2.50"


class TestMoneyDividedByMoney:
    def test_is_a_type_error_from_python(self) -> None:
        # __truediv__ returns NotImplemented, so Python raises its own TypeError rather
        # than the library reading the divisor as an amount.
        with pytest.raises(TypeError, match=r"unsupported operand type\(s\) for /: 'Money'"):
            eur("10.00") / eur("2.00")

    def test_is_not_reported_as_a_bad_amount(self) -> None:
        with pytest.raises(TypeError) as raised:
            eur("10.00") / eur("2.00")
        assert not isinstance(raised.value, InvalidAmountError)


class _EqualsEverything:
    """An operand that answers ``==`` itself when asked."""

    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return 0


class TestMoneyComparedWithANumber:
    @pytest.mark.parametrize(
        "number", [10, Decimal("10"), Decimal("10.00")], ids=["int", "decimal", "decimal-cents"]
    )
    def test_money_is_never_equal_to_a_bare_number(self, number: Any) -> None:
        ten = eur("10")
        assert (ten == number) is False
        assert (ten != number) is True
        assert (number == ten) is False
        assert (number != ten) is True

    def test_equality_with_a_foreign_type_is_left_to_the_other_operand(self) -> None:
        # __eq__ returns NotImplemented (not False) for a non-Money operand, so Python
        # asks the other operand, which here says equal.
        ten = eur("10")
        assert (ten == _EqualsEverything()) is True
        assert (ten != _EqualsEverything()) is False
