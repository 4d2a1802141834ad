"""supportrules: domain rules for software vendors and partners who run support contracts.

Business-hour SLA deadlines, coverage of a request by a contract, partner customer
protection, renewal prices, referral discounts and prepaid request deposits, as pure
functions over immutable values. The foundation (calendars, money, reasons, errors) is
importable from here; each rule family is a subpackage (``supportrules.sla``,
``supportrules.coverage``) and the seed documents' policies are in
``supportrules.presets``.

>>> import supportrules
>>> issubclass(supportrules.NaiveDatetimeError, supportrules.SupportRulesError)
True
>>> supportrules.presets.onebox_paid_support.__name__
'onebox_paid_support'
"""

from supportrules import coverage, presets, sla
from supportrules.calendars import (
    BusinessCalendar,
    CountryHolidays,
    DayKind,
    DaySchedule,
    Deadline,
    Holiday,
    SpecialDay,
)
from supportrules.channels import Channel, ChannelRule
from supportrules.errors import (
    CalendarNeverOpensError,
    CurrencyMismatchError,
    InvalidAmountError,
    InvalidArgumentError,
    InvalidDurationError,
    InvalidEventSequenceError,
    InvalidInputError,
    InvalidPeriodError,
    InvalidPolicyError,
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
    "BusinessCalendar",
    "CalendarNeverOpensError",
    "Channel",
    "ChannelRule",
    "CountryHolidays",
    "CurrencyMismatchError",
    "DayKind",
    "DaySchedule",
    "Deadline",
    "Decision",
    "Holiday",
    "InvalidAmountError",
    "InvalidArgumentError",
    "InvalidDurationError",
    "InvalidEventSequenceError",
    "InvalidInputError",
    "InvalidPeriodError",
    "InvalidPolicyError",
    "InvalidScheduleError",
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
    "coverage",
    "format_duration",
    "format_instant",
    "minor_unit",
    "presets",
    "sla",
]
