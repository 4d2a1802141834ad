"""Every error the library raises on bad input or misuse.

Business outcomes ("not covered", "not protected", "top-up required") are decisions,
never exceptions. Exceptions mean the *input* is wrong, and each message says what
happened, shows the value, and says how to fix it::

    SupportRulesError (ValueError)
    ├── InvalidInputError           input of the wrong shape (type, missing or unknown field)
    ├── InvalidArgumentError        junk where a value or a list of values belongs
    ├── NaiveDatetimeError          a datetime without a time zone
    ├── InvalidDurationError        a duration that is not a timedelta, or negative
    ├── UnknownTimezoneError        an IANA zone the system does not know
    ├── InvalidScheduleError        malformed, overlapping or empty open intervals
    ├── CalendarNeverOpensError     a calendar that never opens (again)
    ├── OutOfRangeError             a result beyond what a datetime can hold
    ├── UnknownCountryError         a country the holidays package does not know
    ├── UnknownValueError           an unknown enum value ("did you mean ...")
    ├── InvalidEventSequenceError   SLA events out of order or inconsistent
    ├── InvalidPeriodError          a date range that ends before it starts
    ├── InvalidPolicyError          a policy table that is incomplete or inconsistent
    └── MoneyError
        ├── InvalidAmountError      a float, NaN or infinity as an amount
        ├── UnknownCurrencyError    a code that is not in ISO 4217
        └── CurrencyMismatchError   two currencies in one sum or comparison

All of them derive from ``ValueError``. Every path in (a constructor, ``model_validate``,
``model_validate_json``, ``model_copy``, unpickling) raises one of them, never pydantic's
``ValidationError``: ``except SupportRulesError`` catches every kind of bad input. An
error raised by validation keeps pydantic's detail: ``error.errors()`` lists each
problem with its location, as ``ValidationError.errors()`` does.

>>> issubclass(CurrencyMismatchError, SupportRulesError)
True
>>> str(UnknownValueError.for_value("kind", "bgu", ["bug", "consultation"]))
"kind: unknown value 'bgu'; did you mean 'bug'? Known values: 'bug', 'consultation'."
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any, Self

__all__ = [
    "CalendarNeverOpensError",
    "CurrencyMismatchError",
    "InvalidAmountError",
    "InvalidArgumentError",
    "InvalidDurationError",
    "InvalidEventSequenceError",
    "InvalidInputError",
    "InvalidPeriodError",
    "InvalidPolicyError",
    "InvalidScheduleError",
    "MoneyError",
    "NaiveDatetimeError",
    "OutOfRangeError",
    "SupportRulesError",
    "UnknownCountryError",
    "UnknownCurrencyError",
    "UnknownTimezoneError",
    "UnknownValueError",
]


def shown(value: object, width: int = 80) -> str:
    """``repr(value)`` for a message, at most ``width`` characters; never raises, whatever
    the value (an int of 5,000 digits, a list nested 3,000 deep).

    >>> shown("x" * 100, 10)
    "'xxxxxxxx…"
    >>> shown(10**5000)
    '<int of 16610 bits>'
    """
    try:
        text = repr(value)
    except (ValueError, RecursionError, MemoryError):
        if isinstance(value, int):
            return f"<int of {value.bit_length()} bits>"
        return f"<{type(value).__name__}>"
    except Exception:  # a caller's object whose __repr__ fails: still name its type
        return f"<{type(value).__name__}>"
    return text if len(text) <= width else text[: width - 1] + "…"


def _text(value: object) -> str:
    """A value as text to find close matches for: a string as it is, else its repr."""
    return value if isinstance(value, str) else shown(value)


def did_you_mean(
    value: str, known: Iterable[str], *, limit: int = 3, cutoff: float = 0.6
) -> list[str]:
    """Close matches of ``value`` among ``known``, case-insensitively, best first."""
    by_folded: dict[str, str] = {}
    for name in known:
        by_folded.setdefault(name.casefold(), name)
    matches = difflib.get_close_matches(value.casefold(), by_folded, n=limit, cutoff=cutoff)
    return [by_folded[m] for m in matches]


def _suggest(value: str, known: Iterable[str], *, cutoff: float = 0.6) -> str:
    matches = did_you_mean(value, known, cutoff=cutoff)
    if not matches:
        return "."
    return "; did you mean " + " or ".join(repr(m) for m in matches) + "?"


class SupportRulesError(ValueError):
    """Root of every error raised by supportrules (a ``ValueError``)."""

    # The pydantic ValidationError this error was read from, when validation raised it.
    validation: Any = None

    def errors(self) -> list[dict[str, Any]]:
        """Each problem with its location, in the shape of pydantic's
        ``ValidationError.errors()`` (one entry when the error did not come from it).

        >>> InvalidDurationError("estimate: -1 h is negative").errors()[0]["msg"]
        'estimate: -1 h is negative'
        """
        if self.validation is not None:
            found: list[dict[str, Any]] = self.validation.errors()
            return found
        return [{"type": type(self).__name__, "loc": (), "msg": str(self), "input": None}]


class InvalidInputError(SupportRulesError):
    """Input whose shape is wrong: a value of the wrong type, a missing or unknown field.

    The message lists every problem with its location (``targets[0].metric``);
    :meth:`~SupportRulesError.errors` gives them as pydantic does.
    """


class InvalidArgumentError(SupportRulesError):
    """An argument of the wrong kind: not a list where a list belongs, and the like."""

    @classmethod
    def not_iterable(cls, field: str, value: Any, of: str) -> Self:
        return cls(f"{field}: {shown(value)} ({type(value).__name__}) is not a list of {of}")


class NaiveDatetimeError(SupportRulesError):
    """A datetime without a time zone was given where an instant is needed."""

    @classmethod
    def for_field(cls, field: str, value: Any) -> Self:
        return cls(
            f"{field}: {shown(value)} is a naive datetime; give it a time zone, for example "
            "value.replace(tzinfo=ZoneInfo('Europe/Kyiv')) or an ISO string with an offset."
        )


class InvalidDurationError(SupportRulesError):
    """A duration that is not a ``datetime.timedelta``, or a negative one where only zero
    or more makes sense (a target, an estimate)."""

    @classmethod
    def for_field(cls, field: str, value: Any) -> Self:
        return cls(
            f"{field}: {shown(value)} ({type(value).__name__}) is not a duration; pass a "
            "datetime.timedelta, e.g. timedelta(hours=8). Business days are a separate "
            "operation (close_of_day / add_business_days)."
        )


class UnknownTimezoneError(SupportRulesError):
    """An IANA time zone key that the system's time zone database does not know."""

    @classmethod
    def for_key(cls, key: str, known: Iterable[str]) -> Self:
        return cls(f"timezone: unknown IANA time zone {shown(key)}{_suggest(key, known)}")


class InvalidScheduleError(SupportRulesError):
    """Open intervals that are malformed, overlap, or end before they start."""


class CalendarNeverOpensError(SupportRulesError):
    """The calendar has no open time within the search horizon (10 years)."""


class OutOfRangeError(SupportRulesError):
    """A result would fall outside the range a ``datetime`` can represent."""


class UnknownCountryError(SupportRulesError):
    """A country code the ``holidays`` package does not support."""

    @classmethod
    def for_code(cls, code: str, known: Iterable[str]) -> Self:
        return cls(
            f"country: the holidays package has no calendar for {shown(code)}"
            # Two-letter codes differ by one letter at most: a lower bar still finds them.
            f"{_suggest(code, known, cutoff=0.5)} Use an ISO 3166-1 alpha-2 code such as "
            "'UA' or 'TR'."
        )


class UnknownValueError(SupportRulesError):
    """A value outside a closed vocabulary (a ticket kind, a channel, a plan...)."""

    @classmethod
    def for_value(cls, field: str, value: object, known: Iterable[str]) -> Self:
        known = list(known)
        listed = ", ".join(repr(k) for k in known)
        return cls(
            f"{field}: unknown value {shown(value)}{_suggest(_text(value), known)} "
            f"Known values: {listed}."
        )


class InvalidEventSequenceError(SupportRulesError):
    """SLA events that are out of order, inconsistent, or before the ticket opened."""


class MoneyError(SupportRulesError):
    """Root of the money errors."""


class InvalidAmountError(MoneyError):
    """An amount that is a float, NaN, infinite or not a number at all."""


class UnknownCurrencyError(MoneyError):
    """A currency code that ISO 4217 does not list."""

    @classmethod
    def for_code(cls, code: object, known: Iterable[str]) -> Self:
        return cls(
            f"currency: {shown(code)} is not an ISO 4217 currency code"
            f"{_suggest(_text(code), known)} Use three letters such as 'EUR', 'UAH' or 'TRY'."
        )


class CurrencyMismatchError(MoneyError):
    """Two amounts in different currencies were added, subtracted or compared."""

    @classmethod
    def between(cls, operation: str, left: str, right: str) -> Self:
        return cls(
            f"currency: cannot {operation} {left} and {right}; convert one of them first "
            "(supportrules never converts currencies on its own)."
        )


class InvalidPeriodError(SupportRulesError):
    """A date range (a contract term, a campaign window) that ends before it starts or
    whose bounds are not dates."""


class InvalidPolicyError(SupportRulesError):
    """Policy data that is incomplete or contradicts itself (a plan table without an entry
    for a kind, a kind listed twice, two tracker categories that are the same)."""
