"""Coverage classification: is this support request covered by the contract? (SPEC §4)

:func:`classify` runs the pipeline (completeness, channel, contract, plan table) and
returns a :class:`CoverageDecision` with its reasons and the tracker state to show;
:func:`meaning_of` reads a tracker state back for the customer; :class:`BudgetGuard`
keeps time outside the contract within the customer's monthly budget.

>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> from supportrules.presets.onebox_support import onebox_free_plan
>>> contract = SupportContract(
...     customer="Shop", plan="free", products=["OneBox"], periods=[("2026-01-01", None)]
... )
>>> request = SupportRequest(
...     customer="Shop", product="OneBox", kind="consultation", channel="client_area",
...     description="How do I add a warehouse?",
...     submitted_at=datetime(2026, 11, 18, 15, 30, tzinfo=ZoneInfo("Europe/Kyiv")),
... )
>>> decision = classify(request, contract, onebox_free_plan())
>>> decision.requires_paid_plan, decision.covered
(True, False)
"""

from supportrules.coverage._model import (
    BudgetDecision,
    BudgetGuard,
    BudgetOutcome,
    ContractPeriod,
    CoverageDecision,
    CoverageOutcome,
    CoveragePolicy,
    RequestField,
    RequestKind,
    SupportContract,
    SupportRequest,
    TrackerConvention,
    TrackerMeaning,
    TrackerMeaningOutcome,
    TrackerState,
    Treatment,
)
from supportrules.coverage._rules import check_budget, classify, meaning_of, policy_for_plan

__all__ = [
    "BudgetDecision",
    "BudgetGuard",
    "BudgetOutcome",
    "ContractPeriod",
    "CoverageDecision",
    "CoverageOutcome",
    "CoveragePolicy",
    "RequestField",
    "RequestKind",
    "SupportContract",
    "SupportRequest",
    "TrackerConvention",
    "TrackerMeaning",
    "TrackerMeaningOutcome",
    "TrackerState",
    "Treatment",
    "check_budget",
    "classify",
    "meaning_of",
    "policy_for_plan",
]
