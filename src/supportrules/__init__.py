"""supportrules: domain rules for software vendors and partners who run support contracts.

Business-hour SLA deadlines, coverage of a request by a contract, partner customer
protection, renewal prices, referral discounts and prepaid request deposits, as pure
functions over immutable values. See ``docs/`` for the guide.

>>> import supportrules
>>> issubclass(supportrules.NaiveDatetimeError, supportrules.SupportRulesError)
True
"""

from supportrules.calendars import (
    BusinessCalendar,
    CountryHolidays,
    DayKind,
    DaySchedule,
    Deadline,
    Holiday,
    SpecialDay,
)
from supportrules.errors import (
    CalendarNeverOpensError,
    CurrencyMismatchError,
    InvalidAmountError,
    InvalidDurationError,
    InvalidEventSequenceError,
    InvalidScheduleError,
    MoneyError,
    NaiveDatetimeError,
    OutOfRangeError,
    SupportRulesError,
    UnknownCountryError,
    UnknownCurrencyError,
    UnknownTimezoneError,
    UnknownValueError,
)
from supportrules.explain import Decision, Reason, format_duration, format_instant
from supportrules.money import Money, Rounding, RoundingPolicy, minor_unit

__version__ = "0.1.0"

__all__ = [
    # calendars
    "BusinessCalendar",
    # errors
    "CalendarNeverOpensError",
    "CountryHolidays",
    "CurrencyMismatchError",
    "DayKind",
    "DaySchedule",
    "Deadline",
    # explanations
    "Decision",
    "Holiday",
    "InvalidAmountError",
    "InvalidDurationError",
    "InvalidEventSequenceError",
    "InvalidScheduleError",
    # money
    "Money",
    "MoneyError",
    "NaiveDatetimeError",
    "OutOfRangeError",
    "Reason",
    "Rounding",
    "RoundingPolicy",
    "SpecialDay",
    "SupportRulesError",
    "UnknownCountryError",
    "UnknownCurrencyError",
    "UnknownTimezoneError",
    "UnknownValueError",
    "format_duration",
    "format_instant",
    "minor_unit",
]
