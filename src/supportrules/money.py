"""Money: an exact ``Decimal`` amount with an ISO 4217 currency.

Amounts are never floats. Currency codes and their minor units (2 for EUR, 0 for JPY,
3 for KWD) come from the ``iso4217`` package, ISO's own data, not a hand-written table.
Arithmetic keeps full precision; rounding happens only where a price is produced, with
an explicit :class:`RoundingPolicy` (half-up to the minor unit by default).

>>> price = Money.of("200000.00", "TRY")
>>> (price * Decimal("0.15")).rounded()
Money.of('30000.00', 'TRY')
>>> print(Money.of("1800", "UAH").rounded())
1,800.00 UAH
>>> Money.of("0.5", "JPY").rounded().amount
Decimal('1')
>>> Money.of("1.00", "EUR") + Money.of("1.00", "USD")
Traceback (most recent call last):
...
supportrules.errors.CurrencyMismatchError: currency: cannot add EUR and USD; ...
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum
from functools import total_ordering
from typing import Annotated, Any, Self

import iso4217
from pydantic import Field, field_serializer, field_validator

from supportrules._model import Count, Frozen, items_of, require
from supportrules._schema import Schemas, decimal_text_pattern, words
from supportrules.errors import (
    CurrencyMismatchError,
    InvalidAmountError,
    InvalidArgumentError,
    UnknownCurrencyError,
    shown,
)

__all__ = ["Money", "Rounding", "RoundingPolicy", "minor_unit"]

_CODES: dict[str, int | None] = {c.code: c.exponent for c in iso4217.Currency}

# Money arithmetic never depends on the caller's decimal context (shared, mutable state):
# sums, differences and products are exact, quotients carry 34 significant digits.
_EXACT = decimal.Context(
    prec=decimal.MAX_PREC,
    rounding=decimal.ROUND_HALF_EVEN,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
_QUOTIENT = decimal.Context(prec=34, rounding=decimal.ROUND_HALF_EVEN)


def minor_unit(currency: str) -> int:
    """Decimal places of ``currency``'s minor unit, from ISO 4217.

    >>> minor_unit("EUR"), minor_unit("JPY"), minor_unit("KWD")
    (2, 0, 3)
    """
    code = _currency_code(currency)
    exponent = _CODES[code]
    assert exponent is not None  # _currency_code refuses codes without a minor unit
    return exponent


def _currency_code(value: object) -> str:
    if not isinstance(value, str):
        raise UnknownCurrencyError.for_code(value, _CODES)
    code = value.strip().upper()
    if code not in _CODES:
        raise UnknownCurrencyError.for_code(value, _CODES)
    if _CODES[code] is None:
        raise UnknownCurrencyError(
            f"currency: {shown(code)} has no minor unit in ISO 4217 (a metal, fund or testing "
            "code); supportrules prices only in currencies such as 'EUR' or 'UAH'."
        )
    return code


# Bounds on amounts and factors, far beyond any price and any rate: exact arithmetic on an
# amount such as 1E+999999999 would need a billion digits (MemoryError), so it is refused.
MAX_MAGNITUDE = 30  # the largest amount is below 10**31
MAX_EXPONENT = 100  # at most 100 decimal places


def _amount(value: object, field: str = "amount") -> Decimal:
    if isinstance(value, bool):
        raise InvalidAmountError(f"{field}: {shown(value)} is a bool, not an amount")
    if isinstance(value, float):
        raise InvalidAmountError(
            f"{field}: {shown(value)} is a float; money is exact, pass a Decimal or a string "
            f"such as Decimal({str(value)!r})."
        )
    if isinstance(value, int):
        if abs(value) >= 10 ** (MAX_MAGNITUDE + 1):  # checked before any digit is printed
            raise InvalidAmountError(
                f"{field}: an integer of {value.bit_length()} bits is out of range; amounts "
                f"have at most {MAX_MAGNITUDE + 1} digits before the point"
            )
        value = Decimal(value)
    elif isinstance(value, str):
        try:
            parsed = Decimal(value.strip().replace("_", ""))
        except decimal.InvalidOperation:
            raise InvalidAmountError(f"{field}: {shown(value)} is not a decimal number") from None
        value = parsed
    if not isinstance(value, Decimal):
        raise InvalidAmountError(
            f"{field}: {shown(value)} ({type(value).__name__}) is not an amount; "
            "pass a Decimal, an int or a decimal string"
        )
    if not value.is_finite():
        raise InvalidAmountError(f"{field}: {shown(value)} is not a finite amount")
    exponent = value.adjusted() - len(value.as_tuple().digits) + 1  # of the last digit
    if not value.is_zero() and not (
        exponent >= -MAX_EXPONENT and value.adjusted() <= MAX_MAGNITUDE
    ):
        raise InvalidAmountError(
            f"{field}: {shown(value)} is out of range; amounts have at most "
            f"{MAX_MAGNITUDE + 1} digits before the point and {MAX_EXPONENT} after it"
        )
    return value


class Rounding(StrEnum):
    """How a price is rounded to its minor unit."""

    HALF_UP = "half_up"
    HALF_EVEN = "half_even"
    DOWN = "down"
    UP = "up"


_DECIMAL_MODES = {
    Rounding.HALF_UP: decimal.ROUND_HALF_UP,
    Rounding.HALF_EVEN: decimal.ROUND_HALF_EVEN,
    Rounding.DOWN: decimal.ROUND_DOWN,
    Rounding.UP: decimal.ROUND_UP,
}


class RoundingPolicy(Frozen):
    """Where and how prices are rounded: half-up to the currency's minor unit by default.

    >>> RoundingPolicy(places=0).apply(Money.of("2.50", "EUR"))
    Money.of('3', 'EUR')
    """

    mode: Rounding = Rounding.HALF_UP
    # None: the currency's ISO 4217 minor unit; negative rounds to tens, hundreds...
    places: Count | None = Field(default=None, ge=-MAX_MAGNITUDE, le=MAX_EXPONENT)

    def apply(self, money: Money) -> Money:
        """``money`` rounded by this policy."""
        places = minor_unit(money.currency) if self.places is None else self.places
        quantum = Decimal(1).scaleb(-places)
        amount = money.amount.quantize(quantum, rounding=_DECIMAL_MODES[self.mode], context=_EXACT)
        if amount.is_zero():
            amount = amount.copy_abs()  # no "-0.00"
        return Money(amount=amount, currency=money.currency)


HALF_UP_TO_MINOR_UNIT = RoundingPolicy()


@total_ordering
class Money(Frozen):
    """An exact amount in one currency. Floats are refused.

    >>> Money(Decimal("10.00"), "EUR") == Money(amount="10.00", currency="EUR")
    True
    >>> Money.of("10.00", "EUR") * 3
    Money.of('30.00', 'EUR')
    >>> Money.of("10.00", "EUR") > Money.of("9.99", "EUR")
    True
    """

    amount: Annotated[
        Decimal,
        Schemas(
            validation={
                "description": "An exact amount: a decimal string such as '10.00', or a "
                "JSON integer; a JSON number with a fraction (10.5) is refused as a float.",
                "anyOf": [
                    {
                        "type": "integer",
                        "exclusiveMinimum": -(10 ** (MAX_MAGNITUDE + 1)),
                        "exclusiveMaximum": 10 ** (MAX_MAGNITUDE + 1),
                    },
                    {
                        "type": "string",
                        "pattern": decimal_text_pattern(MAX_MAGNITUDE + 1, MAX_EXPONENT),
                    },
                ],
            },
            serialization={"type": "string", "pattern": r"^-?\d+(\.\d+)?$"},
        ),
    ]
    currency: Annotated[
        str,
        Schemas(
            validation={
                **words(sorted(c for c, places in _CODES.items() if places is not None), "upper"),
                "description": "An ISO 4217 currency code with a minor unit, in any case.",
            },
            serialization={
                "type": "string",
                "enum": sorted(c for c, places in _CODES.items() if places is not None),
            },
        ),
    ]

    def __init__(self, amount: Any = None, currency: Any = None, /, **fields: Any) -> None:
        """``Money(amount, currency)`` positionally (SPEC §9), or by keyword."""
        for name, value in (("amount", amount), ("currency", currency)):
            if value is not None:
                if name in fields:
                    raise InvalidArgumentError(f"{name}: given both by position and by keyword")
                fields[name] = value
        super().__init__(**fields)

    # Positional arguments change nothing in validation: model_validate skips this __init__.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @field_validator("amount", mode="before")
    @classmethod
    def _exact_amount(cls, value: Any) -> Decimal:
        return _amount(value)

    @field_validator("currency", mode="before")
    @classmethod
    def _iso_currency(cls, value: Any) -> str:
        return _currency_code(value)

    @field_serializer("amount")
    def _amount_as_string(self, amount: Decimal) -> str:
        return format(amount, "f")  # fixed point, never "1E+3": the schema's pattern

    @classmethod
    def of(cls, amount: str | int | Decimal, currency: str) -> Self:
        """Build from a decimal string, an int or a Decimal: ``Money.of("10.00", "EUR")``."""
        return cls(amount=amount, currency=currency)

    @classmethod
    def zero(cls, currency: str) -> Self:
        """Zero in ``currency``, at its minor unit.

        >>> Money.zero("KWD")
        Money.of('0.000', 'KWD')
        """
        return cls(
            amount=Decimal(0).scaleb(-minor_unit(currency), context=_EXACT), currency=currency
        )

    @classmethod
    def total(cls, items: Iterable[Money], currency: str) -> Money:
        """The sum of ``items``, all in ``currency`` (zero for no items).

        >>> Money.total([Money.of("1.10", "EUR"), Money.of("2.20", "EUR")], "EUR")
        Money.of('3.30', 'EUR')
        """
        result: Money = Money.zero(currency)
        for n, item in enumerate(items_of(items, "items", "amounts")):
            result = result + require(item, Money, f"items[{n}]")
        return result

    @property
    def minor_unit(self) -> int:
        """Decimal places of this currency's minor unit (ISO 4217)."""
        return minor_unit(self.currency)

    def rounded(self, policy: RoundingPolicy = HALF_UP_TO_MINOR_UNIT) -> Money:
        """This amount rounded by ``policy`` (half-up to the minor unit by default)."""
        return require(policy, RoundingPolicy, "policy").apply(self)

    def is_zero(self) -> bool:
        """Whether the amount is zero."""
        return self.amount == 0

    def _same_currency(self, other: Money, operation: str) -> None:
        if other.currency != self.currency:
            raise CurrencyMismatchError.between(operation, self.currency, other.currency)

    def __add__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "add")
        return Money(amount=_EXACT.add(self.amount, other.amount), currency=self.currency)

    def __sub__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "subtract")
        return Money(amount=_EXACT.subtract(self.amount, other.amount), currency=self.currency)

    def __neg__(self) -> Money:
        return Money(amount=_EXACT.minus(self.amount), currency=self.currency)

    def __mul__(self, factor: object) -> Money:
        if isinstance(factor, Money):
            return NotImplemented
        return Money(
            amount=_EXACT.multiply(self.amount, _amount(factor, "factor")), currency=self.currency
        )

    __rmul__ = __mul__

    def __truediv__(self, divisor: object) -> Money:
        if isinstance(divisor, Money):
            return NotImplemented
        value = _amount(divisor, "divisor")
        if value == 0:
            raise InvalidAmountError("divisor: cannot divide money by zero")
        return Money(amount=_QUOTIENT.divide(self.amount, value), currency=self.currency)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "compare")
        return self.amount < other.amount

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.currency == other.currency and self.amount == other.amount

    def __hash__(self) -> int:
        return hash((self.amount, self.currency))

    def __repr__(self) -> str:
        return f"Money.of({str(self.amount)!r}, {self.currency!r})"

    def __str__(self) -> str:
        return f"{self.amount:,f} {self.currency}"
