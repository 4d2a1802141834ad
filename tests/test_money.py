"""Money: exact Decimal amounts in an ISO 4217 currency (SPEC §1, money.py)."""

from __future__ import annotations

import decimal
import json
from decimal import Decimal
from typing import Any

import iso4217
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from supportrules import (
    CurrencyMismatchError,
    InvalidAmountError,
    Money,
    MoneyError,
    Rounding,
    RoundingPolicy,
    SupportRulesError,
    UnknownCurrencyError,
    minor_unit,
)

# ISO's own data, as the library is required to use it (SPEC §1).
ISO_EXPONENTS: dict[str, int | None] = {c.code: c.exponent for c in iso4217.Currency}
PRICED_CODES: list[str] = sorted(code for code, exp in ISO_EXPONENTS.items() if exp is not None)
UNPRICED_CODES: list[str] = sorted(code for code, exp in ISO_EXPONENTS.items() if exp is None)


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


class TestConstruction:
    @pytest.mark.parametrize(
        ("amount", "expected"),
        [
            (Decimal("12.34"), Decimal("12.34")),
            (12, Decimal(12)),
            (-7, Decimal(-7)),
            ("12.34", Decimal("12.34")),
            (" 12.34 ", Decimal("12.34")),
            ("1_000.50", Decimal("1000.50")),
            ("-0.01", Decimal("-0.01")),
            ("1E+3", Decimal(1000)),
        ],
        ids=[
            "decimal",
            "int",
            "negative-int",
            "str",
            "str-padded",
            "str-underscores",
            "neg-str",
            "exp",
        ],
    )
    def test_exact_inputs_are_accepted_as_decimal(self, amount: Any, expected: Decimal) -> None:
        money = Money(amount=amount, currency="EUR")
        assert isinstance(money.amount, Decimal)
        assert money.amount == expected

    def test_of_is_the_keyword_constructor(self) -> None:
        assert Money.of("10.00", "EUR") == Money(amount=Decimal("10.00"), currency="EUR")

    def test_string_keeps_its_scale(self) -> None:
        assert Money.of("10.50", "EUR").amount.as_tuple().exponent == -2

    @pytest.mark.parametrize(
        "amount",
        [1.5, 0.1, 1.0, float("nan"), float("inf")],
        ids=["1.5", "0.1", "whole-float", "float-nan", "float-inf"],
    )
    def test_floats_are_refused_naming_field_and_value(self, amount: float) -> None:
        with pytest.raises(InvalidAmountError) as caught:
            Money(amount=amount, currency="EUR")
        message = str(caught.value)
        assert message.startswith("amount:")
        assert repr(amount) in message
        assert "float" in message

    @pytest.mark.parametrize("amount", [True, False], ids=["true", "false"])
    def test_bools_are_refused_although_they_are_ints(self, amount: bool) -> None:
        with pytest.raises(InvalidAmountError, match=rf"^amount: {amount!r} is a bool"):
            Money(amount=amount, currency="EUR")

    @pytest.mark.parametrize(
        "amount",
        [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity"), "NaN", "inf"],
        ids=["nan", "snan", "inf", "-inf", "str-nan", "str-inf"],
    )
    def test_non_finite_amounts_are_refused(self, amount: Decimal | str) -> None:
        with pytest.raises(InvalidAmountError, match=r"^amount: .* not a finite amount"):
            Money(amount=amount, currency="EUR")

    @pytest.mark.parametrize(
        "amount",
        ["", "abc", "1,000.00", "12 EUR", None, [1], object()],
        ids=["empty", "word", "thousands-comma", "with-code", "none", "list", "object"],
    )
    def test_non_numbers_are_refused_naming_field_and_value(self, amount: Any) -> None:
        with pytest.raises(InvalidAmountError) as caught:
            Money(amount=amount, currency="EUR")
        assert str(caught.value).startswith(f"amount: {amount!r}")

    def test_money_errors_are_value_errors(self) -> None:
        with pytest.raises(ValueError, match="amount"):
            Money(amount=1.5, currency="EUR")
        assert issubclass(InvalidAmountError, MoneyError)
        assert issubclass(InvalidAmountError, SupportRulesError)


class TestCurrencyCodes:
    @pytest.mark.parametrize(
        ("code", "expected"),
        [("EUR", "EUR"), ("eur", "EUR"), ("Uah", "UAH"), (" try ", "TRY")],
        ids=["upper", "lower", "mixed", "padded"],
    )
    def test_codes_are_normalised_to_upper_case(self, code: str, expected: str) -> None:
        assert Money.of("1", code).currency == expected

    def test_every_iso_code_with_a_minor_unit_is_accepted(self) -> None:
        for code in PRICED_CODES:
            assert Money.of("1", code).currency == code

    @pytest.mark.parametrize(
        ("code", "suggestion"),
        [("EUX", "EUR"), ("UAG", "UAH"), ("EU", "EUR"), ("USDD", "USD")],
        ids=["EUX", "UAG", "too-short", "too-long"],
    )
    def test_unknown_code_suggests_a_close_one(self, code: str, suggestion: str) -> None:
        with pytest.raises(UnknownCurrencyError) as caught:
            Money.of("1", code)
        message = str(caught.value)
        assert message.startswith("currency:")
        assert repr(code) in message
        assert "did you mean" in message
        assert repr(suggestion) in message

    @pytest.mark.parametrize("code", [978, None, b"EUR"], ids=["numeric-code", "none", "bytes"])
    def test_non_string_codes_are_refused(self, code: object) -> None:
        with pytest.raises(UnknownCurrencyError, match=r"^currency: "):
            Money(amount=Decimal(1), currency=code)

    @pytest.mark.parametrize("code", UNPRICED_CODES, ids=UNPRICED_CODES)
    def test_codes_without_a_minor_unit_are_refused(self, code: str) -> None:
        with pytest.raises(UnknownCurrencyError, match=rf"{code}.*no minor unit"):
            Money.of("1", code)

    def test_metals_and_testing_codes_are_among_the_refused(self) -> None:
        assert {"XAU", "XXX", "XTS"} <= set(UNPRICED_CODES)


class TestMinorUnits:
    @pytest.mark.parametrize(
        ("code", "places"),
        [("EUR", 2), ("UAH", 2), ("JPY", 0), ("KWD", 3), ("CLF", 4)],
        ids=["EUR", "UAH", "JPY", "KWD", "CLF"],
    )
    def test_well_known_minor_units(self, code: str, places: int) -> None:
        assert minor_unit(code) == places
        assert Money.of("1", code).minor_unit == places
        assert ISO_EXPONENTS[code] == places  # the table above agrees with ISO's data

    def test_minor_units_come_from_iso_4217_data(self) -> None:
        for code in PRICED_CODES:
            assert minor_unit(code) == ISO_EXPONENTS[code], code

    def test_minor_unit_accepts_lower_case(self) -> None:
        assert minor_unit("kwd") == 3

    def test_minor_unit_of_an_unknown_code_is_an_error(self) -> None:
        with pytest.raises(UnknownCurrencyError):
            minor_unit("ZZZ")

    @pytest.mark.parametrize(
        ("code", "text"),
        [("EUR", "0.00"), ("JPY", "0"), ("KWD", "0.000"), ("CLF", "0.0000")],
        ids=["EUR", "JPY", "KWD", "CLF"],
    )
    def test_zero_is_written_at_the_minor_unit(self, code: str, text: str) -> None:
        zero = Money.zero(code)
        assert str(zero.amount) == text
        assert zero.is_zero()


class TestRounding:
    @pytest.mark.parametrize(
        ("amount", "code", "expected"),
        [
            ("2.345", "EUR", "2.35"),
            ("2.355", "EUR", "2.36"),
            ("2.344999", "EUR", "2.34"),
            ("1.005", "EUR", "1.01"),
            ("0.005", "EUR", "0.01"),
            ("-2.345", "EUR", "-2.35"),
            ("-0.005", "EUR", "-0.01"),
            ("-2.344", "EUR", "-2.34"),
            ("0.5", "JPY", "1"),
            ("1.5", "JPY", "2"),
            ("2.5", "JPY", "3"),
            ("-2.5", "JPY", "-3"),
            ("1.0005", "KWD", "1.001"),
            ("1.00045", "CLF", "1.0005"),
            ("1800", "UAH", "1800.00"),
            ("7", "KWD", "7.000"),
        ],
        ids=[
            "half-rounds-up",
            "half-up-not-even",
            "below-half-down",
            "1.005",
            "half-cent",
            "negative-half-away-from-zero",
            "negative-half-cent",
            "negative-below-half",
            "JPY-0.5",
            "JPY-1.5",
            "JPY-2.5-not-even",
            "JPY-negative",
            "KWD-3-places",
            "CLF-4-places",
            "pads-to-minor-unit",
            "KWD-pads",
        ],
    )
    def test_default_is_half_up_at_the_minor_unit(
        self, amount: str, code: str, expected: str
    ) -> None:
        rounded = Money.of(amount, code).rounded()
        assert str(rounded.amount) == expected  # value *and* scale
        assert rounded.currency == code

    def test_rounding_matches_decimal_round_half_up_for_negatives(self) -> None:
        # Decimal's ROUND_HALF_UP rounds ties away from zero, for negatives too.
        assert Decimal("-2.5").quantize(Decimal(1), rounding=decimal.ROUND_HALF_UP) == -3
        assert Money.of("-2.5", "JPY").rounded().amount == Decimal(-3)

    @pytest.mark.parametrize(
        ("mode", "expected"),
        [
            (Rounding.HALF_UP, ["2.35", "2.36", "-2.35", "2.34"]),
            (Rounding.HALF_EVEN, ["2.34", "2.36", "-2.34", "2.34"]),
            (Rounding.DOWN, ["2.34", "2.35", "-2.34", "2.34"]),
            (Rounding.UP, ["2.35", "2.36", "-2.35", "2.35"]),
        ],
        ids=["half_up", "half_even", "down", "up"],
    )
    def test_other_rounding_modes(self, mode: Rounding, expected: list[str]) -> None:
        policy = RoundingPolicy(mode=mode)
        amounts = ["2.345", "2.355", "-2.345", "2.341"]
        assert [str(eur(a).rounded(policy).amount) for a in amounts] == expected

    @pytest.mark.parametrize(
        ("places", "expected"),
        [(0, "3"), (1, "2.5"), (3, "2.500")],
        ids=["whole", "one-place", "beyond-minor-unit"],
    )
    def test_policy_places_override_the_minor_unit(self, places: int, expected: str) -> None:
        assert str(eur("2.50").rounded(RoundingPolicy(places=places)).amount) == expected

    def test_rounding_modes_are_named_in_json(self) -> None:
        policy = RoundingPolicy(mode="half_even", places=2)
        assert json.loads(policy.model_dump_json()) == {"mode": "half_even", "places": 2}
        assert RoundingPolicy.model_validate_json(policy.model_dump_json()) == policy

    def test_arithmetic_does_not_round(self) -> None:
        assert (eur("10.00") / 3).amount != Decimal("3.33")
        assert (eur("10.00") * Decimal("0.15")).amount == Decimal("1.5000")

    def test_renewal_example_from_the_spec(self) -> None:
        # SPEC §6: 15 % of 200,000.00 TRY is 30,000.00 TRY.
        price = (Money.of("200000.00", "TRY") * Decimal("0.15")).rounded()
        assert price == Money.of("30000.00", "TRY")
        assert str(price) == "30,000.00 TRY"


class TestDecimalContextIndependence:
    """SPEC §1: same inputs, same outputs; no global mutable state.

    The thread's ``decimal`` context is global mutable state that a caller (a notebook)
    may have changed; money arithmetic and rounding must not depend on it.
    """

    def test_addition_is_exact_under_a_low_precision_context(self) -> None:
        with decimal.localcontext(prec=4):
            total = eur("12345.67") + eur("0.01")
        assert total.amount == Decimal("12345.68")

    def test_rounding_works_under_a_low_precision_context(self) -> None:
        with decimal.localcontext(prec=4):
            rounded = eur("12345.675").rounded()
        assert rounded.amount == Decimal("12345.68")

    def test_large_amounts_round_exactly_or_raise_our_error(self) -> None:
        # 29 significant digits exceed Decimal's default precision of 28.
        amount = "1" * 27 + ".5"
        try:
            rounded = Money.of(amount, "EUR").rounded()
        except SupportRulesError:
            return
        assert rounded.amount == Decimal("1" * 27 + ".50")

    def test_large_sums_keep_full_precision_or_raise_our_error(self) -> None:
        # money.py: "Arithmetic keeps full precision"; SPEC §1: never a wrong answer.
        try:
            total = Money.of("1" + "0" * 30, "EUR") + eur("0.01")
        except SupportRulesError:
            return
        assert total.amount == Decimal("1" + "0" * 30 + ".01")


class TestArithmetic:
    def test_addition_and_subtraction(self) -> None:
        assert eur("1.10") + eur("2.20") == eur("3.30")
        assert eur("1.10") - eur("2.20") == eur("-1.10")

    def test_negation(self) -> None:
        assert -eur("1.10") == eur("-1.10")

    @pytest.mark.parametrize(
        ("factor", "expected"),
        [(3, "30.00"), (Decimal("0.15"), "1.5000"), ("0.5", "5.000"), (0, "0")],
        ids=["int", "decimal", "str", "zero"],
    )
    def test_multiplication_by_an_exact_factor(self, factor: Any, expected: str) -> None:
        assert (eur("10.00") * factor).amount == Decimal(expected)

    def test_multiplication_commutes(self) -> None:
        assert 3 * eur("1.10") == eur("1.10") * 3 == eur("3.30")
        assert Decimal("0.5") * eur("3") == eur("1.5")

    def test_float_factor_is_refused(self) -> None:
        with pytest.raises(InvalidAmountError, match=r"^factor: 1.5 is a float"):
            eur("1") * 1.5

    def test_money_times_money_is_a_type_error(self) -> None:
        with pytest.raises(TypeError):
            eur("1") * eur("2")

    def test_division_by_an_exact_divisor(self) -> None:
        assert eur("10.00") / 4 == eur("2.50")
        assert (eur("10.00") / Decimal(3)).rounded() == eur("3.33")

    @pytest.mark.parametrize("divisor", [0, Decimal("0.00"), "0"], ids=["int", "decimal", "str"])
    def test_division_by_zero_is_our_error(self, divisor: Any) -> None:
        with pytest.raises(InvalidAmountError, match="divisor"):
            eur("1") / divisor

    def test_float_divisor_is_refused(self) -> None:
        with pytest.raises(InvalidAmountError, match=r"^divisor: "):
            eur("1") / 2.0

    @pytest.mark.parametrize("other", [1, Decimal(1), "1"], ids=["int", "decimal", "str"])
    def test_adding_a_bare_number_is_a_type_error(self, other: Any) -> None:
        with pytest.raises(TypeError):
            eur("1") + other
        with pytest.raises(TypeError):
            eur("1") - other

    def test_total_sums_in_one_currency(self) -> None:
        items = [eur("1.10"), eur("2.20"), eur("-0.30")]
        assert Money.total(items, "EUR") == eur("3.00")

    def test_total_of_nothing_is_zero_at_the_minor_unit(self) -> None:
        assert repr(Money.total([], "KWD")) == "Money.of('0.000', 'KWD')"

    def test_total_accepts_any_iterable(self) -> None:
        assert Money.total((eur(x) for x in ["1", "2"]), "eur") == eur("3")

    def test_total_refuses_a_foreign_item(self) -> None:
        with pytest.raises(CurrencyMismatchError):
            Money.total([eur("1"), Money.of("1", "USD")], "EUR")

    def test_builtin_sum_needs_a_start(self) -> None:
        assert sum([eur("1"), eur("2")], Money.zero("EUR")) == eur("3")


class TestCurrencyMismatch:
    @pytest.mark.parametrize(
        ("operation", "verb"),
        [
            (lambda a, b: a + b, "add"),
            (lambda a, b: a - b, "subtract"),
            (lambda a, b: a < b, "compare"),
            (lambda a, b: a > b, "compare"),
            (lambda a, b: a <= b, "compare"),
            (lambda a, b: a >= b, "compare"),
        ],
        ids=["add", "subtract", "lt", "gt", "le", "ge"],
    )
    def test_mixing_currencies_raises(self, operation: Any, verb: str) -> None:
        with pytest.raises(CurrencyMismatchError) as caught:
            operation(eur("1.00"), Money.of("1.00", "USD"))
        message = str(caught.value)
        assert message.startswith(f"currency: cannot {verb} EUR and USD")
        assert "convert" in message

    def test_mismatch_is_a_money_error_and_a_value_error(self) -> None:
        assert issubclass(CurrencyMismatchError, MoneyError)
        assert issubclass(CurrencyMismatchError, ValueError)

    def test_equality_across_currencies_is_false_not_an_error(self) -> None:
        assert eur("1.00") != Money.of("1.00", "USD")
        assert not eur("1.00") == Money.of("1.00", "USD")  # noqa: SIM201

    def test_equality_with_a_non_money_is_false(self) -> None:
        assert eur("1") != Decimal(1)
        assert eur("1") != "1 EUR"


class TestComparison:
    @pytest.mark.parametrize(
        ("left", "right", "lt", "eq"),
        [
            ("9.99", "10.00", True, False),
            ("10.00", "9.99", False, False),
            ("10.0", "10.00", False, True),
            ("-1", "0", True, False),
        ],
        ids=["less", "greater", "equal-different-scale", "negative"],
    )
    def test_order_within_a_currency(self, left: str, right: str, lt: bool, eq: bool) -> None:
        a, b = eur(left), eur(right)
        assert (a < b) is lt
        assert (a == b) is eq
        assert (a <= b) is (lt or eq)
        assert (a > b) is (not lt and not eq)
        assert (a >= b) is (not lt)

    def test_sorting_and_max(self) -> None:
        prices = [eur("3"), eur("1"), eur("2")]
        assert sorted(prices) == [eur("1"), eur("2"), eur("3")]
        assert max(prices) == eur("3")
        assert min(prices) == eur("1")

    def test_comparing_with_a_number_is_a_type_error(self) -> None:
        with pytest.raises(TypeError):
            _ = eur("1") < 2


class TestHashing:
    def test_equal_money_hashes_equal_across_scales(self) -> None:
        assert hash(eur("1.0")) == hash(eur("1.00"))
        assert len({eur("1.0"), eur("1.00"), eur("1")}) == 1

    def test_different_currencies_are_different_keys(self) -> None:
        assert len({eur("1"), Money.of("1", "USD")}) == 2

    def test_money_is_a_dict_key(self) -> None:
        prices = {eur("180.00"): "request"}
        assert prices[eur("180")] == "request"


class TestJson:
    @pytest.mark.parametrize(
        "money",
        [eur("1800.00"), Money.of("0.5", "JPY"), Money.of("-1.005", "KWD"), Money.zero("CLF")],
        ids=["EUR", "JPY-unrounded", "KWD-negative", "CLF-zero"],
    )
    def test_round_trip_keeps_value_and_scale(self, money: Money) -> None:
        back = Money.model_validate_json(money.model_dump_json())
        assert back == money
        assert str(back.amount) == str(money.amount)
        assert back.currency == money.currency

    def test_amount_is_serialized_as_a_string(self) -> None:
        assert json.loads(Money.of("1800.00", "UAH").model_dump_json()) == {
            "amount": "1800.00",
            "currency": "UAH",
        }

    def test_python_dump_also_keeps_the_amount_exact(self) -> None:
        dumped = Money.of("0.10", "EUR").model_dump()
        assert dumped == {"amount": "0.10", "currency": "EUR"}
        assert Money.model_validate(dumped) == eur("0.10")

    @pytest.mark.parametrize(
        "document",
        ['{"amount": 1.5, "currency": "EUR"}', '{"amount": 0.1, "currency": "EUR"}'],
        ids=["1.5", "0.1"],
    )
    def test_json_floats_are_refused_for_the_amount(self, document: str) -> None:
        with pytest.raises(SupportRulesError, match=r"amount: .* is a float"):
            Money.model_validate_json(document)

    def test_json_lower_case_code_is_normalised(self) -> None:
        assert Money.model_validate_json('{"amount": "1", "currency": "uah"}').currency == "UAH"

    def test_json_unknown_code_is_a_validation_error_with_a_suggestion(self) -> None:
        with pytest.raises(SupportRulesError, match=r"currency: 'EUX'.*did you mean"):
            Money.model_validate_json('{"amount": "1", "currency": "EUX"}')

    def test_json_extra_fields_are_refused(self) -> None:
        with pytest.raises(SupportRulesError, match="rate"):
            Money.model_validate_json('{"amount": "1", "currency": "EUR", "rate": "1"}')

    def test_json_schema_describes_both_fields(self) -> None:
        schema = Money.model_json_schema()
        assert schema["type"] == "object"
        assert set(schema["required"]) == {"amount", "currency"}
        assert schema["additionalProperties"] is False
        assert schema["properties"]["currency"]["type"] == "string"
        amount = schema["properties"]["amount"]
        accepted = {option.get("type") for option in amount.get("anyOf", [amount])}
        assert "string" in accepted

    def test_serialization_schema_says_the_amount_is_a_string(self) -> None:
        schema = Money.model_json_schema(mode="serialization")
        assert schema["properties"]["amount"]["type"] == "string"


class TestImmutability:
    def test_fields_cannot_be_assigned(self) -> None:
        money = eur("1")
        with pytest.raises(ValidationError, match="frozen"):
            money.amount = Decimal(2)  # type: ignore[misc]
        assert money == eur("1")

    def test_replace_returns_a_new_value(self) -> None:
        money = eur("1")
        changed = money.replace(amount=Decimal(2))
        assert changed == eur("2")
        assert money == eur("1")

    def test_replace_revalidates_the_currency(self) -> None:
        assert eur("1").replace(currency="usd").currency == "USD"
        with pytest.raises(UnknownCurrencyError):
            eur("1").replace(currency="EUX")

    def test_replace_revalidates_the_amount(self) -> None:
        with pytest.raises(InvalidAmountError, match=r"^amount: 1.5"):
            eur("1").replace(amount=1.5)

    def test_replace_refuses_unknown_fields(self) -> None:
        with pytest.raises(ValueError, match="colour"):
            eur("1").replace(colour="green")


class TestText:
    @pytest.mark.parametrize(
        ("money", "text"),
        [
            (Money.of("1800", "UAH").rounded(), "1,800.00 UAH"),
            (Money.of("1800", "UAH"), "1,800 UAH"),
            (Money.of("1234567.891", "KWD"), "1,234,567.891 KWD"),
            (Money.of("-1234.5", "EUR"), "-1,234.5 EUR"),
            (Money.of("999", "JPY"), "999 JPY"),
            (Money.of("1E+3", "EUR"), "1,000 EUR"),
            (Money.zero("EUR"), "0.00 EUR"),
        ],
        ids=["rounded", "as-given", "KWD", "negative", "JPY", "exponent", "zero"],
    )
    def test_str_groups_thousands_and_names_the_currency(self, money: Money, text: str) -> None:
        assert str(money) == text

    @pytest.mark.parametrize(
        ("money", "text"),
        [
            (Money.of("10.00", "eur"), "Money.of('10.00', 'EUR')"),
            (Money.of("-0.5", "JPY"), "Money.of('-0.5', 'JPY')"),
        ],
        ids=["EUR", "negative"],
    )
    def test_repr_is_the_named_constructor(self, money: Money, text: str) -> None:
        assert repr(money) == text

    def test_repr_evaluates_back_to_an_equal_value(self) -> None:
        money = Money.of("1234.5600", "KWD")
        assert eval(repr(money), {"Money": Money}) == money


# Strategies: magnitudes far below Decimal's 28-digit default precision, so that the
# invariants test the rules, not the context.
codes = st.sampled_from(PRICED_CODES)
amounts = st.decimals(
    min_value=Decimal("-1e12"),
    max_value=Decimal("1e12"),
    places=6,
    allow_nan=False,
    allow_infinity=False,
)


class TestInvariants:
    @given(a=amounts, b=amounts, code=codes)
    def test_adding_then_subtracting_gives_back_the_amount(
        self, a: Decimal, b: Decimal, code: str
    ) -> None:
        left, right = Money.of(a, code), Money.of(b, code)
        assert (left + right) - right == left

    @given(amount=amounts, code=codes)
    def test_rounding_is_idempotent(self, amount: Decimal, code: str) -> None:
        once = Money.of(amount, code).rounded()
        assert once.rounded() == once
        assert str(once.rounded().amount) == str(once.amount)

    @given(amount=amounts, code=codes)
    def test_rounding_lands_on_the_minor_unit(self, amount: Decimal, code: str) -> None:
        places = ISO_EXPONENTS[code]
        assert places is not None
        assert Money.of(amount, code).rounded().amount.as_tuple().exponent == -places

    @given(amount=amounts, code=codes)
    def test_rounding_is_to_the_nearest_with_ties_away_from_zero(
        self, amount: Decimal, code: str
    ) -> None:
        quantum = Decimal(1).scaleb(-minor_unit(code))
        rounded = Money.of(amount, code).rounded().amount
        error = abs(rounded - amount)
        assert error <= quantum / 2
        if error == quantum / 2:
            assert abs(rounded) > abs(amount)

    @given(values=st.lists(amounts, max_size=20), code=codes)
    def test_total_equals_the_decimal_sum(self, values: list[Decimal], code: str) -> None:
        total = Money.total([Money.of(v, code) for v in values], code)
        assert total.amount == sum(values, Decimal(0))
        assert total.currency == code

    @given(amount=amounts, code=codes)
    def test_json_round_trip_is_exact(self, amount: Decimal, code: str) -> None:
        money = Money.of(amount, code)
        back = Money.model_validate_json(money.model_dump_json())
        assert back == money
        assert str(back.amount) == str(money.amount)


class TestPositionalConstruction:
    """SPEC §9 writes ``Money(amount, currency)``: positional arguments work too."""

    def test_positional_equals_keyword(self) -> None:
        assert Money(Decimal("10.00"), "EUR") == Money(amount=Decimal("10.00"), currency="EUR")

    def test_positional_float_is_still_refused(self) -> None:
        with pytest.raises(InvalidAmountError, match=r"amount: 1\.5"):
            Money(1.5, "EUR")

    def test_an_argument_given_twice_is_refused(self) -> None:
        with pytest.raises(SupportRulesError, match="amount: given both"):
            Money(Decimal(1), "EUR", amount=Decimal(2))
