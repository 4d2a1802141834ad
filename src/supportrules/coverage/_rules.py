"""The coverage rules: classify a request, read a tracker state, guard a budget (SPEC §4).

Pure functions over the values of :mod:`._model`. Every business answer is a decision
with reasons; only bad input raises.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from supportrules._model import checked_duration, items_of, require
from supportrules.channels import Channel
from supportrules.coverage._model import (
    BudgetDecision,
    BudgetGuard,
    BudgetOutcome,
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
    fold,
)
from supportrules.errors import (
    CurrencyMismatchError,
    InvalidAmountError,
    UnknownValueError,
    did_you_mean,
    shown,
)
from supportrules.explain import Reason, format_duration
from supportrules.money import Money

__all__ = ["check_budget", "classify", "meaning_of", "policy_for_plan"]

_OUTCOME_OF: dict[Treatment, CoverageOutcome] = {
    Treatment.COVERED: CoverageOutcome.COVERED,
    Treatment.BILLABLE: CoverageOutcome.BILLABLE,
    Treatment.ADVISORY: CoverageOutcome.ADVISORY,
    Treatment.REQUIRES_PAID_PLAN: CoverageOutcome.REQUIRES_PAID_PLAN,
}


def _label(kind: RequestKind) -> str:
    return kind.value.replace("_", " ").replace("howto", "how-to")


def _fields(fields: Iterable[RequestField]) -> str:
    return ", ".join(field.label for field in fields) or "none"


# -- classification --------------------------------------------------------------------


def classify(
    request: SupportRequest,
    contract: SupportContract | None,
    policy: CoveragePolicy,
) -> CoverageDecision:
    """Whether ``contract`` covers ``request`` under ``policy`` (SPEC §4).

    The pipeline runs in order and stops at the first step that fails: (1) the request
    carries the fields the policy requires for its kind, else ``incomplete``; (2) it
    arrived through a channel allowed for its kind, else ``channel_not_allowed``; (3) the
    contract belongs to the customer, is active on the request's date and covers its
    product, else the policy's ``without_contract`` treatment (``advisory`` by default);
    (4) the plan table gives the kind its treatment: ``covered``, ``billable``,
    ``advisory`` or ``requires_paid_plan``. ``contract=None`` means the customer has no
    contract. A contract on another plan than the policy's is a usage error.

    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> from supportrules.presets.invantive import invantive_standard_contract
    >>> contract = SupportContract(
    ...     id="C-17", customer="ACME", plan="standard", products=["Invantive Cloud"],
    ...     periods=[("2026-01-01", "2026-12-31")],
    ... )
    >>> request = SupportRequest(
    ...     customer="ACME", product="Invantive Cloud", kind="configuration_howto",
    ...     channel="email", description="How do I set it up so that invoices sync nightly?",
    ...     submitted_at=datetime(2026, 11, 18, 10, tzinfo=ZoneInfo("Europe/Amsterdam")),
    ... )
    >>> decision = classify(request, contract, invantive_standard_contract())
    >>> decision.outcome, decision.advisory, str(decision.tracker_state)
    (<CoverageOutcome.ADVISORY: 'advisory'>, True, 'Advisory / New')
    >>> decision.codes[-2:]
    ('coverage.plan_advisory', 'coverage.advisory_proposal')
    """
    request = require(request, SupportRequest, "request")
    policy = require(policy, CoveragePolicy, "policy")
    if contract is not None:
        contract = require(contract, SupportContract, "contract")
    _check_plan(contract, policy)
    kind = request.kind
    reasons: list[Reason] = []

    # (1) completeness. Seed 002: the support manager first checks that the request is
    # complete; an incomplete request stays a new call.
    listed = any(listed_kind is kind for listed_kind, _ in policy.required_fields)
    required_source = (
        "CoveragePolicy.required_fields" if listed else "CoveragePolicy.default_required_fields"
    )
    required = policy.required_for(kind)
    missing = request.missing(required)
    if missing:
        reasons.append(
            Reason(
                code="coverage.incomplete",
                message=(
                    f"the {_label(kind)} request lacks {_fields(missing)} "
                    f"(required: {_fields(required)})"
                ),
                facts={
                    "kind": kind.value,
                    "missing": tuple(f.value for f in missing),
                    "required": tuple(f.value for f in required),
                },
                source=required_source,
            )
        )
        return _decision(CoverageOutcome.INCOMPLETE, request, policy, reasons, missing=missing)
    reasons.append(
        Reason(
            code="coverage.complete",
            message=f"the {_label(kind)} request carries every required field "
            f"({_fields(required)})",
            facts={"kind": kind.value, "required": tuple(f.value for f in required)},
            source=required_source,
        )
    )

    # (2) channel, the rule shared with the SLA engine.
    channel_reason = policy.channels.check(
        kind.value, Channel(request.channel), source="CoveragePolicy.channels"
    )
    reasons.append(channel_reason)
    if channel_reason.code == "intake.channel_not_allowed":
        return _decision(CoverageOutcome.CHANNEL_NOT_ALLOWED, request, policy, reasons)

    # (3) the contract: the customer's, active on the request date, for this product.
    contract_reasons, applies = _contract_step(request, contract)
    reasons.extend(contract_reasons)
    if not applies:
        treatment = policy.without_contract
        reasons.append(
            Reason(
                code="coverage.without_contract",
                message=(
                    "without an active contract covering it, "
                    f"{_treatment_phrase(treatment, kind, policy.plan)}"
                ),
                facts={"treatment": treatment.value},
                source="CoveragePolicy.without_contract",
            )
        )
        return _finish(treatment, request, policy, reasons, "CoveragePolicy.without_contract")

    # (4) the plan table.
    treatment = policy.treatment_for(kind)
    reasons.append(_plan_reason(treatment, kind, policy))
    return _finish(treatment, request, policy, reasons, "CoveragePolicy.plan_table")


def _check_plan(contract: SupportContract | None, policy: CoveragePolicy) -> None:
    if contract is None or fold(contract.plan) == fold(policy.plan):
        return
    close = did_you_mean(contract.plan, [policy.plan])
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise UnknownValueError(
        f"contract.plan: {contract.plan!r} is not the plan of policy {policy.name!r}, "
        f"which encodes plan {policy.plan!r}{hint}; classify with the policy of the "
        "contract's plan (policy_for_plan picks it from a list)"
    )


def _contract_ref(contract: SupportContract) -> str:
    if contract.id:
        return f"contract {contract.id}"
    return f"the {contract.plan} contract of {contract.customer}"


def _contract_step(
    request: SupportRequest, contract: SupportContract | None
) -> tuple[list[Reason], bool]:
    if contract is None:
        return [
            Reason(
                code="coverage.no_contract",
                message="there is no support contract for this request",
                source="SupportContract",
            )
        ], False
    reasons: list[Reason] = []
    applies = True
    ref = _contract_ref(contract)
    # Absent optional facts (a policy that does not require customer or product) are
    # not held against the request: the caller chose this contract for it.
    if request.customer is not None and not contract.is_for(request.customer):
        applies = False
        reasons.append(
            Reason(
                code="coverage.other_customer",
                message=f"{ref} belongs to {contract.customer}, not to {request.customer}",
                facts={"contract_customer": contract.customer, "customer": request.customer},
                source="SupportContract.customer",
            )
        )
    on = contract.local_date(request.submitted_at)
    period = contract.period_on(on)
    if period is None:
        applies = False
        reasons.append(_inactive_reason(contract, on, ref))
    else:
        reasons.append(
            Reason(
                code="coverage.contract_active",
                message=f"{ref} is active on {on.isoformat()} (period {period})",
                facts={"on": on, "start": period.start, "end": period.end},
                source="SupportContract.periods",
            )
        )
    if request.product is not None:
        products = ", ".join(contract.products) or "none"
        if contract.covers_product(request.product):
            reasons.append(
                Reason(
                    code="coverage.product_covered",
                    message=f"{ref} covers {request.product}",
                    facts={"product": request.product, "products": contract.products},
                    source="SupportContract.products",
                )
            )
        else:
            applies = False
            reasons.append(
                Reason(
                    code="coverage.product_not_covered",
                    message=f"{ref} does not cover {request.product} (covers: {products})",
                    facts={"product": request.product, "products": contract.products},
                    source="SupportContract.products",
                )
            )
    return reasons, applies


def _inactive_reason(contract: SupportContract, on: date, ref: str) -> Reason:
    ended = [p for p in contract.periods if p.end is not None and p.end < on]
    upcoming = [p for p in contract.periods if p.start > on]
    last_end = max((p.end for p in ended if p.end is not None), default=None)
    next_start = min((p.start for p in upcoming), default=None)
    if last_end is not None and next_start is not None:
        detail = (
            f"it lapsed after {last_end.isoformat()} and is renewed from {next_start.isoformat()}"
        )
    elif last_end is not None:
        detail = f"it expired after {last_end.isoformat()}"
    elif next_start is not None:
        detail = f"it starts on {next_start.isoformat()}"
    else:
        detail = "it has no active period"
    return Reason(
        code="coverage.contract_inactive",
        message=f"{ref} is not active on {on.isoformat()}: {detail}",
        facts={"on": on, "last_end": last_end, "next_start": next_start},
        source="SupportContract.periods",
    )


def _treatment_phrase(treatment: Treatment, kind: RequestKind, plan: str) -> str:
    label = _label(kind)
    if treatment is Treatment.COVERED:
        return f"the {label} request is handled under the contract"
    if treatment is Treatment.BILLABLE:
        return f"the {label} request is billable work, invoiced by programmer hours"
    if treatment is Treatment.ADVISORY:
        return f"the {label} request is not covered"
    return f"the {label} request is not handled on the {plan} plan; it needs a paid plan"


def _plan_reason(treatment: Treatment, kind: RequestKind, policy: CoveragePolicy) -> Reason:
    label, plan = _label(kind), policy.plan
    facts = {"plan": plan, "kind": kind.value, "treatment": treatment.value}
    source = "CoveragePolicy.plan_table"
    if treatment is Treatment.COVERED:
        return Reason(
            code="coverage.plan_covers",
            message=f"the {plan} plan covers {label} requests",
            facts=facts,
            source=source,
        )
    if treatment is Treatment.BILLABLE:
        return Reason(
            code="coverage.plan_billable",
            message=f"on the {plan} plan, {label} requests are billable work: programmer "
            "hours, estimated at acceptance",
            facts=facts,
            source=source,
        )
    if treatment is Treatment.ADVISORY:
        return Reason(
            code="coverage.plan_advisory",
            message=f"the {plan} plan does not cover {label} requests: they are work "
            "for implementation consultants",
            facts=facts,
            source=source,
        )
    return Reason(
        code="coverage.plan_requires_paid_plan",
        message=f"the {plan} plan does not handle {label} requests; they need a paid support plan",
        facts=facts,
        source=source,
    )


def _finish(
    treatment: Treatment,
    request: SupportRequest,
    policy: CoveragePolicy,
    reasons: list[Reason],
    source: str,
) -> CoverageDecision:
    if treatment is Treatment.ADVISORY:
        # Seed 002: "omgezet in een verzoek tot levering van adviesdiensten en ontvang je
        # hiervoor een voorstel".
        reasons.append(
            Reason(
                code="coverage.advisory_proposal",
                message="it becomes a request for advisory services, and a proposal "
                "follows before any billable work",
                source=source,
            )
        )
    return _decision(_OUTCOME_OF[treatment], request, policy, reasons, treatment=treatment)


def _decision(
    outcome: CoverageOutcome,
    request: SupportRequest,
    policy: CoveragePolicy,
    reasons: list[Reason],
    *,
    missing: tuple[RequestField, ...] = (),
    treatment: Treatment | None = None,
) -> CoverageDecision:
    return CoverageDecision(
        outcome=outcome,
        reasons=tuple(reasons),
        kind=request.kind,
        plan=policy.plan,
        missing_fields=missing,
        treatment=treatment,
        tracker_state=policy.tracker.state_for(outcome),
    )


def policy_for_plan(plan: str, policies: Iterable[CoveragePolicy]) -> CoveragePolicy:
    """The policy among ``policies`` that encodes ``plan`` (case and spacing ignored).

    >>> from supportrules.presets.onebox_support import onebox_free_plan, onebox_paid_plan
    >>> policy_for_plan("Paid", [onebox_free_plan(), onebox_paid_plan()]).plan
    'paid'
    >>> policy_for_plan("piad", [onebox_free_plan(), onebox_paid_plan()])
    Traceback (most recent call last):
    ...
    supportrules.errors.UnknownValueError: plan: unknown value 'piad'; did you mean 'paid'? ...
    """
    plan = require(plan, str, "plan")
    candidates = [
        require(policy, CoveragePolicy, f"policies[{n}]")
        for n, policy in enumerate(items_of(policies, "policies", "coverage policies"))
    ]
    for policy in candidates:
        if fold(policy.plan) == fold(plan):
            return policy
    raise UnknownValueError.for_value("plan", plan, [policy.plan for policy in candidates])


# -- the tracker ------------------------------------------------------------------------


def meaning_of(
    category: str, status: str, *, tracker: TrackerConvention | None = None
) -> TrackerMeaning:
    """What a tracker's (category, status) means for the customer (seed 002).

    >>> meaning_of("Call", "New").text
    'not yet accepted as a support call'
    >>> meaning_of("call", "In progress").accepted
    True
    >>> print(meaning_of("Advisory", "New").text)
    an advisory request: a proposal follows
    """
    tracker = (
        TrackerConvention() if tracker is None else require(tracker, TrackerConvention, "tracker")
    )
    state = TrackerState(category=category, status=status)
    facts = {"category": state.category, "status": state.status}
    if not tracker.is_call(state.category):
        return TrackerMeaning(
            outcome=TrackerMeaningOutcome.ADVISORY,
            state=state,
            reasons=(
                Reason(
                    code="coverage.tracker_advisory",
                    message="an advisory request: a proposal follows",
                    facts={**facts, "call_category": tracker.call_category},
                    source="TrackerConvention.call_category",
                ),
            ),
        )
    if tracker.is_new(state.status):
        return TrackerMeaning(
            outcome=TrackerMeaningOutcome.NOT_YET_ACCEPTED,
            state=state,
            reasons=(
                Reason(
                    code="coverage.tracker_not_yet_accepted",
                    message="not yet accepted as a support call",
                    facts=facts,
                    source="TrackerConvention.new_status",
                ),
            ),
        )
    return TrackerMeaning(
        outcome=TrackerMeaningOutcome.ACCEPTED,
        state=state,
        reasons=(
            Reason(
                code="coverage.tracker_accepted",
                message="accepted under the contract",
                facts=facts,
                source="TrackerConvention.new_status",
            ),
        ),
    )


# -- the budget guard -------------------------------------------------------------------


def check_budget(
    guard: BudgetGuard, spent_this_month: Money | timedelta, estimate: timedelta
) -> BudgetDecision:
    """Whether a new request's ``estimate`` keeps the month within the customer's budget.

    ``spent_this_month`` is what time outside the contract already costs this month: an
    amount, or the hours themselves (priced at the guard's rate).

    >>> guard = BudgetGuard(
    ...     monthly_budget=Money.of("1000.00", "EUR"), hourly_rate=Money.of("125.00", "EUR")
    ... )
    >>> check_budget(guard, Money.of("750.00", "EUR"), timedelta(hours=2)).outcome
    <BudgetOutcome.WITHIN_BUDGET: 'within_budget'>
    """
    guard = require(guard, BudgetGuard, "guard")
    estimate = checked_duration(estimate, "estimate")
    spent = _spent(guard, spent_this_month)
    budget = guard.monthly_budget
    cost = guard.cost_of(estimate)
    projected = spent + cost
    zero = Money.zero(guard.currency)
    over = max(projected - budget, zero)
    remaining = max(budget - projected, zero)
    facts = {
        "monthly_budget": budget,
        "spent_this_month": spent,
        "estimate": estimate,
        "hourly_rate": guard.hourly_rate,
        "estimate_cost": cost,
        "projected_total": projected,
        "over_budget": over,
    }
    sum_text = (
        f"{_shown(spent)} spent this month + {format_duration(estimate)} at "
        f"{guard.hourly_rate}/h ({cost}) = {_shown(projected)}"
    )
    if projected <= budget:
        outcome = BudgetOutcome.WITHIN_BUDGET
        reason = Reason(
            code="coverage.budget_within",
            message=f"{sum_text}, within the monthly budget of {budget} ({_shown(remaining)} left)",
            facts=facts,
            source="BudgetGuard.monthly_budget",
        )
    else:
        outcome = BudgetOutcome.APPROVAL_REQUIRED
        already = " (the budget was already used up)" if spent > budget else ""
        reason = Reason(
            code="coverage.budget_approval_required",
            message=f"{sum_text}, {_shown(over)} over the monthly budget of {budget}"
            f"{already}; the customer approves before the work starts",
            facts=facts,
            source="BudgetGuard.monthly_budget",
        )
    return BudgetDecision(
        outcome=outcome,
        reasons=(reason,),
        monthly_budget=budget,
        spent_this_month=spent,
        estimate=estimate,
        estimate_cost=cost,
        projected_total=projected,
        over_budget=over,
        remaining_after=remaining,
    )


def _shown(amount: Money) -> str:
    """An amount for a message: to the minor unit when that is exact, else in full, so
    that a message never says "0.00 EUR over" of a decision that 0.001 EUR decided."""
    rounded = amount.rounded()
    return str(rounded if rounded == amount else amount)


def _spent(guard: BudgetGuard, spent: Money | timedelta) -> Money:
    if isinstance(spent, timedelta):
        return guard.cost_of(checked_duration(spent, "spent_this_month"))
    if not isinstance(spent, Money):
        raise InvalidAmountError(
            f"spent_this_month: {shown(spent)} ({type(spent).__name__}) is neither Money nor a "
            "timedelta; pass Money.of('250.00', 'EUR') or the hours as a timedelta"
        )
    if spent.currency != guard.currency:
        raise CurrencyMismatchError(
            f"spent_this_month: {spent} is in {spent.currency} but the budget is in "
            f"{guard.currency}; give the amount in the currency the customer is invoiced in"
        )
    if spent.amount < 0:
        raise InvalidAmountError(f"spent_this_month: {spent} is negative; give zero or more")
    return spent
