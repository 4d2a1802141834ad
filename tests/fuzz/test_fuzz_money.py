"""Money, whatever it is given, answers or raises a ``SupportRulesError`` (SPEC §1).

Covers ``Money`` (positional, keyword, ``model_validate``, ``model_validate_json``),
``Money.of``/``zero``/``total``, ``minor_unit``, the operators, ``rounded`` with any
``RoundingPolicy``, and the ways a result is shown (``str``, ``repr``, JSON).

One exception is Python's, not ours: ``Money.of("1", "EUR") + 3`` raises ``TypeError``
because ``Money`` answers ``NotImplemented`` for an operand it does not know, and so
does the other side (or the other side refuses on its own: ``() + money``); and
``money * money`` or ``money / money`` (an amount times an amount is no amount: the issue
pins this ``TypeError``). That is the operator protocol, and it is allowed here only for
a binary operator, and only when the interpreter raised it: no frame of the library on
the traceback.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from supportrules import Money, Rounding, RoundingPolicy, minor_unit

from .strategies import (
    AMOUNTS,
    CURRENCIES,
    fuzz_settings,
    json_documents,
    json_values,
    moneys,
    nearly_valid,
    only_our_errors,
    python_values,
    raised_inside_library,
)

WORDS = ("EUR", "UAH", "JPY", "KWD", "TRY", "usd", "XAU", "XTS", "half_up", "HALF_EVEN", "down")
MONEYS = moneys()
JUNK = python_values(WORDS, extra=MONEYS)
OPERANDS = st.one_of(MONEYS, JUNK)

_VALID = [Money.of("10.00", "EUR"), Money.of("-0.5", "JPY"), Money.of("1.234", "KWD")]
PAYLOADS = st.one_of(nearly_valid([m.model_dump() for m in _VALID], JUNK), JUNK)
JSON_PAYLOADS = st.one_of(
    nearly_valid([m.model_dump(mode="json") for m in _VALID], json_values(WORDS)),
    json_values(WORDS),
)
POLICY_PAYLOADS = st.one_of(
    nearly_valid([{"mode": "half_up", "places": 2}, {"mode": "down", "places": None}], JUNK), JUNK
)

FUZZ = fuzz_settings(max_examples=100)

BINARY_OPERATORS: list[Callable[[Any, Any], object]] = [
    operator.add,
    operator.sub,
    operator.mul,
    operator.truediv,
    operator.lt,
    operator.le,
    operator.gt,
    operator.ge,
    operator.eq,
    operator.ne,
]


def operator_only_our_errors(op: Callable[[Any, Any], object], left: Any, right: Any) -> None:
    """:func:`only_our_errors` for ``op(left, right)``, allowing Python's own ``TypeError``
    for an operand ``Money`` does not know (see the module docstring)."""
    try:
        only_our_errors(op, left, right)
    except TypeError as error:
        if raised_inside_library(error):
            raise


def rounded_by_policy(money: Money, **policy: Any) -> Money:
    """``money.rounded(RoundingPolicy(**policy))``."""
    return money.rounded(RoundingPolicy(**policy))


def rounded_by_validated_policy(money: Money, payload: Any) -> Money:
    """``money.rounded(RoundingPolicy.model_validate(payload))``."""
    return money.rounded(RoundingPolicy.model_validate(payload))


class TestConstruction:
    @FUZZ
    @given(amount=JUNK, currency=JUNK)
    def test_positional_raises_only_our_errors(self, amount: Any, currency: Any) -> None:
        only_our_errors(Money, amount, currency)

    @FUZZ
    @given(amount=st.one_of(AMOUNTS, JUNK), currency=st.one_of(st.sampled_from(WORDS), JUNK))
    def test_keyword_and_of_raise_only_our_errors(self, amount: Any, currency: Any) -> None:
        only_our_errors(Money, amount=amount, currency=currency)
        only_our_errors(Money.of, amount, currency)

    @FUZZ
    @given(payload=PAYLOADS)
    def test_model_validate_raises_only_our_errors(self, payload: Any) -> None:
        only_our_errors(Money.model_validate, payload)

    @FUZZ
    @given(payload=PAYLOADS)
    def test_keyword_payload_raises_only_our_errors(self, payload: Any) -> None:
        if isinstance(payload, dict) and all(isinstance(key, str) for key in payload):
            only_our_errors(Money, **payload)
        else:
            only_our_errors(Money, payload)

    @FUZZ
    @given(document=json_documents(JSON_PAYLOADS))
    def test_model_validate_json_raises_only_our_errors(self, document: str | bytes) -> None:
        only_our_errors(Money.model_validate_json, document)

    @FUZZ
    @given(currency=st.one_of(st.sampled_from(WORDS), JUNK))
    def test_zero_and_minor_unit_raise_only_our_errors(self, currency: Any) -> None:
        only_our_errors(Money.zero, currency)
        only_our_errors(minor_unit, currency)

    @FUZZ
    @given(
        items=st.one_of(st.lists(st.one_of(MONEYS, JUNK), max_size=4), JUNK),
        currency=st.one_of(st.sampled_from(CURRENCIES), JUNK),
    )
    def test_total_raises_only_our_errors(self, items: Any, currency: Any) -> None:
        only_our_errors(Money.total, items, currency)


class TestOperators:
    @FUZZ
    @given(
        op=st.sampled_from(BINARY_OPERATORS),
        money=MONEYS,
        other=OPERANDS,
        money_on_the_left=st.booleans(),
    )
    def test_binary_operators_raise_only_our_errors(
        self, op: Callable[[Any, Any], object], money: Money, other: Any, money_on_the_left: bool
    ) -> None:
        if money_on_the_left:
            operator_only_our_errors(op, money, other)
        else:
            operator_only_our_errors(op, other, money)

    @FUZZ
    @given(money=MONEYS)
    def test_unary_operations_and_views_raise_only_our_errors(self, money: Money) -> None:
        for view in (
            operator.neg,
            hash,
            str,
            repr,
            Money.model_dump_json,
            Money.rounded,
            Money.is_zero,
            lambda m: m.minor_unit,
        ):
            only_our_errors(view, money)


class TestRounding:
    @FUZZ
    @given(
        places=st.one_of(st.none(), st.integers(-40, 40), JUNK),
        mode=st.one_of(st.sampled_from(list(Rounding)), JUNK),
        money=MONEYS,
    )
    def test_rounding_policy_raises_only_our_errors(
        self, places: Any, mode: Any, money: Money
    ) -> None:
        only_our_errors(rounded_by_policy, money, places=places, mode=mode)

    @FUZZ
    @given(payload=POLICY_PAYLOADS, money=MONEYS)
    def test_rounding_policy_validation_raises_only_our_errors(
        self, payload: Any, money: Money
    ) -> None:
        only_our_errors(rounded_by_validated_policy, money, payload)

    @FUZZ
    @given(policy=JUNK, money=MONEYS)
    def test_rounded_with_junk_for_a_policy_raises_only_our_errors(
        self, policy: Any, money: Money
    ) -> None:
        only_our_errors(money.rounded, policy)
