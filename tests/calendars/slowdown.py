"""A fixture for the thread tests of calendars and policies."""

from __future__ import annotations

import time
from typing import Any

import holidays
import pytest


@pytest.fixture
def slow_population(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the package sleep in the middle of filling a year, after it has marked the
    year loaded: the window in which a second reader used to see a half-filled year."""
    original = holidays.HolidayBase._populate_common_holidays

    def slowly(self: holidays.HolidayBase) -> Any:
        time.sleep(0.005)
        return original(self)  # type: ignore[no-untyped-call]

    monkeypatch.setattr(holidays.HolidayBase, "_populate_common_holidays", slowly)
