"""Business calendars: open hours in a time zone, holidays, and business-time arithmetic.

>>> from datetime import datetime, timedelta
>>> from zoneinfo import ZoneInfo
>>> k = BusinessCalendar.standard("Europe/Kyiv", "09:00-18:00")
>>> k.add(datetime(2026, 11, 18, 10, tzinfo=ZoneInfo("Europe/Kyiv")), timedelta(hours=8)).hour
18
"""

from supportrules.calendars._model import (
    BusinessCalendar,
    CountryHolidays,
    DayKind,
    DaySchedule,
    Deadline,
    Holiday,
    SpecialDay,
)

__all__ = [
    "BusinessCalendar",
    "CountryHolidays",
    "DayKind",
    "DaySchedule",
    "Deadline",
    "Holiday",
    "SpecialDay",
]
