"""Shared builders for the coverage tests: one contract, and requests that carry every
field any preset can require."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from supportrules.coverage import SupportContract, SupportRequest

# Wed 2026-11-18 10:00 in Amsterdam: a plain working morning inside every test contract.
WEDNESDAY = datetime(2026, 11, 18, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))

COMPLETE: dict[str, Any] = {
    "customer": "ACME",
    "product": "Invantive Cloud",
    "version": "24.0.512",
    "description": "The export to Exact Online stops halfway",
    "steps_to_reproduce": "Run the nightly export with 10,000 invoices",
}


def build_request(kind: str = "bug", **changes: Any) -> SupportRequest:
    data: dict[str, Any] = {**COMPLETE, "kind": kind, "channel": "email", "submitted_at": WEDNESDAY}
    data.update(changes)
    return SupportRequest(**data)


def build_contract(plan: str = "standard", **changes: Any) -> SupportContract:
    data: dict[str, Any] = {
        "id": "C-17",
        "customer": "ACME",
        "plan": plan,
        "products": ["Invantive Cloud"],
        "periods": [("2026-01-01", "2026-12-31")],
    }
    data.update(changes)
    return SupportContract(**data)


@pytest.fixture
def make_request() -> Callable[..., SupportRequest]:
    """``make_request(kind, **changes)``: a complete request on Wed 2026-11-18 10:00."""
    return build_request


@pytest.fixture
def make_contract() -> Callable[..., SupportContract]:
    """``make_contract(plan, **changes)``: ACME's Invantive Cloud contract for 2026."""
    return build_contract
