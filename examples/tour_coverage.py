"""A short tour of coverage classification (SPEC §4): is this request covered?

Run it on its own (``python examples/tour_coverage.py``) or through ``examples/tour.py``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from supportrules import Money
from supportrules.coverage import (
    BudgetGuard,
    SupportContract,
    SupportRequest,
    classify,
    meaning_of,
    policy_for_plan,
)
from supportrules.presets.invantive import invantive_standard_contract
from supportrules.presets.onebox_support import onebox_free_plan, onebox_paid_plan

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
KYIV = ZoneInfo("Europe/Kyiv")


def main() -> None:
    """Print a few classifications, a tracker round trip and a budget check."""
    print("== Coverage: is this request covered by the contract? ==")

    policy = invantive_standard_contract()
    contract = SupportContract(
        id="C-17",
        customer="ACME",
        plan="standard",
        products=["Invantive Cloud"],
        periods=[("2025-01-01", "2025-12-31"), ("2026-03-01", None)],
        timezone="Europe/Amsterdam",
    )
    print(f"\n{policy.name}; contract {contract.id}, periods:", end=" ")
    print(", ".join(str(period) for period in contract.periods))

    bug = SupportRequest(
        customer="ACME",
        product="Invantive Cloud",
        kind="bug",
        channel="email",
        version="24.0.512",
        description="The nightly export stops halfway",
        submitted_at=datetime(2026, 11, 18, 10, tzinfo=AMSTERDAM),
    )
    complete_bug = bug.replace(steps_to_reproduce="Export 10,000 invoices")
    howto = complete_bug.replace(
        kind="configuration_howto", description="How do I set it up so invoices sync nightly?"
    )
    in_gap = complete_bug.replace(submitted_at=datetime(2026, 2, 10, 9, tzinfo=AMSTERDAM))
    cases = [
        ("Bug report without steps to reproduce", bug),
        ("The same bug with the steps", complete_bug),
        ('"How do I configure it so that..."', howto),
        ("The bug again, in the gap before the renewal", in_gap),
    ]
    for title, request in cases:
        decision = classify(request, contract, policy)
        print(f"\n* {title} -> tracker {decision.tracker_state}")
        print(f"  {decision.explain()}")

    print("\nOneBox, the same modification request on the free and on the paid plan:")
    plans = [onebox_free_plan(), onebox_paid_plan()]
    modification = SupportRequest(
        customer="Shop",
        product="OneBox",
        kind="modification",
        channel="client_area",
        description="Add a delivery-slot field to the order card",
        submitted_at=datetime(2026, 11, 18, 15, 30, tzinfo=KYIV),
    )
    for plan in ("free", "paid"):
        shop = SupportContract(
            customer="Shop", plan=plan, products=["OneBox"], periods=[("2026-01-01", None)]
        )
        decision = classify(modification, shop, policy_for_plan(plan, plans))
        print(f"  {plan:5} plan: {decision.outcome.value:18} ({decision.reasons[-1].message})")

    print("\nWhat the tracker tells the customer (seed 002):")
    for category, status in [("Call", "New"), ("Call", "Approved"), ("Advisory", "New")]:
        state = f"{category} / {status}"
        print(f"  {state:16} -> {meaning_of(category, status).text}")

    print("\nGrip on the budget: 1,000.00 EUR a month at 125.00 EUR an hour")
    guard = BudgetGuard(
        monthly_budget=Money.of("1000.00", "EUR"), hourly_rate=Money.of("125.00", "EUR")
    )
    for spent, estimate in [("750.00", timedelta(hours=2)), ("750.00", timedelta(hours=3))]:
        print(f"  {guard.check(Money.of(spent, 'EUR'), estimate).explain()}")


if __name__ == "__main__":
    main()
