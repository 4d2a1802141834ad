"""Value objects and policies of coverage classification (SPEC §4).

A :class:`SupportRequest` is what a customer sends; a :class:`SupportContract` is what the
customer bought (a plan, the dates it is active, the products it covers); a
:class:`CoveragePolicy` is one plan's rules as data: which fields each kind of request
must carry, which channels it may arrive through, and the plan table that says what
happens to each kind. The decisions (:class:`CoverageDecision`, :class:`TrackerMeaning`,
:class:`BudgetDecision`) carry their reasons.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Annotated, Any, Self

from pydantic import (
    GetJsonSchemaHandler,
    StringConstraints,
    field_serializer,
    field_validator,
    model_validator,
)
from pydantic_core import CoreSchema

from supportrules._model import (
    Aware,
    Duration,
    Frozen,
    Vocabulary,
    as_date,
    checked_duration,
    items_of,
    pairs_of,
    require,
    require_aware,
    zone_key,
)
from supportrules._schema import JsonDict, Schemas, vocabulary, vocabulary_table
from supportrules.channels import Channel, ChannelRule
from supportrules.errors import (
    CurrencyMismatchError,
    InvalidAmountError,
    InvalidPeriodError,
    InvalidPolicyError,
    OutOfRangeError,
    shown,
)
from supportrules.explain import Decision
from supportrules.money import Money, RoundingPolicy

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
]

NonBlank = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


# -- vocabularies ----------------------------------------------------------------------


class RequestKind(Vocabulary):
    """What a support request asks for (SPEC §4, the rows of the plan table).

    >>> RequestKind("Configuration HowTo")
    <RequestKind.CONFIGURATION_HOWTO: 'configuration_howto'>
    """

    BUG = "bug"  # a software problem
    CONSULTATION = "consultation"  # how to use the software
    UPGRADE = "upgrade"  # a new version of the software
    CONFIGURATION_HOWTO = "configuration_howto"  # "how do I configure it so that..."
    IMPLEMENTATION_QUESTION = "implementation_question"  # needs knowledge of the customer's setup
    MODIFICATION = "modification"  # customisation work


class RequestField(Vocabulary):
    """A field of :class:`SupportRequest` that a policy can require.

    >>> RequestField("steps to reproduce")
    <RequestField.STEPS_TO_REPRODUCE: 'steps_to_reproduce'>
    """

    CUSTOMER = "customer"
    PRODUCT = "product"
    VERSION = "version"
    DESCRIPTION = "description"
    STEPS_TO_REPRODUCE = "steps_to_reproduce"
    ESTIMATE = "estimate"

    @property
    def label(self) -> str:
        """The field as people write it: ``steps to reproduce``."""
        return self.value.replace("_", " ")


class Treatment(Vocabulary):
    """A cell of the plan table: what a plan does with a kind of request."""

    COVERED = "covered"  # handled under the contract
    BILLABLE = "billable"  # handled under the contract, billed by programmer hours
    ADVISORY = "advisory"  # converted into a request for advisory services; a proposal follows
    REQUIRES_PAID_PLAN = "requires_paid_plan"  # not handled on this plan at all


class CoverageOutcome(Vocabulary):
    """The outcome of :func:`~supportrules.coverage.classify`."""

    INCOMPLETE = "incomplete"
    CHANNEL_NOT_ALLOWED = "channel_not_allowed"
    COVERED = "covered"
    BILLABLE = "billable"
    ADVISORY = "advisory"
    REQUIRES_PAID_PLAN = "requires_paid_plan"


class TrackerMeaningOutcome(Vocabulary):
    """What a tracker state means for the customer (seed 002)."""

    NOT_YET_ACCEPTED = "not_yet_accepted"
    ACCEPTED = "accepted"
    ADVISORY = "advisory"


class BudgetOutcome(Vocabulary):
    """The outcome of :meth:`BudgetGuard.check`."""

    WITHIN_BUDGET = "within_budget"
    APPROVAL_REQUIRED = "approval_required"


# -- small helpers ---------------------------------------------------------------------


def _as_date(value: object, field: str) -> date:
    return as_date(value, field, InvalidPeriodError, "a contract period")


def _unique_kinds(pairs: Iterable[tuple[RequestKind, Any]], field: str) -> None:
    seen: set[RequestKind] = set()
    for kind, _ in pairs:
        if kind in seen:
            raise InvalidPolicyError(f"{field}: kind {kind.value!r} is listed twice")
        seen.add(kind)


# -- the request and the contract ------------------------------------------------------


class SupportRequest(Frozen):
    """A support request as it arrives. Optional text fields may be missing: the first
    step of :func:`~supportrules.coverage.classify` says which ones the policy needs.

    >>> from zoneinfo import ZoneInfo
    >>> request = SupportRequest(
    ...     customer="ACME", product="Invantive Cloud", kind="bug", channel="email",
    ...     description="Export fails",
    ...     submitted_at=datetime(2026, 11, 18, 10, tzinfo=ZoneInfo("UTC")),
    ... )
    >>> request.kind, request.steps_to_reproduce
    (<RequestKind.BUG: 'bug'>, None)
    >>> SupportRequest(kind="bgu", channel="email", submitted_at=request.submitted_at)
    Traceback (most recent call last):
    ...
    supportrules.errors.UnknownValueError: kind: unknown value 'bgu'; did you mean 'bug'? ...
    """

    kind: RequestKind
    channel: Channel
    submitted_at: Aware
    customer: str | None = None
    product: str | None = None
    version: str | None = None
    description: str | None = None
    steps_to_reproduce: str | None = None
    estimate: Duration | None = None  # business hours of work, when someone estimated it
    id: str | None = None

    def missing(self, fields: Iterable[RequestField]) -> tuple[RequestField, ...]:
        """Those of ``fields`` that are absent or blank in this request."""
        result = []
        for field in items_of(fields, "fields", "request fields"):
            value = getattr(self, RequestField(field).value)
            if value is None or (isinstance(value, str) and not value.strip()):
                result.append(RequestField(field))
        return tuple(result)


class ContractPeriod(Frozen):
    """A period in which a contract is active: ``start`` to ``end``, both days included;
    ``end=None`` runs until further notice.

    >>> period = ContractPeriod(start="2026-01-01", end="2026-12-31")
    >>> period.contains(date(2026, 12, 31)), period.contains(date(2027, 1, 1))
    (True, False)
    >>> str(period)
    '2026-01-01 – 2026-12-31'
    """

    start: date
    end: date | None = None

    @field_validator("start", mode="before")
    @classmethod
    def _start(cls, value: Any) -> date:
        return _as_date(value, "start")

    @field_validator("end", mode="before")
    @classmethod
    def _end(cls, value: Any) -> date | None:
        return None if value is None else _as_date(value, "end")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end is not None and self.end < self.start:
            raise InvalidPeriodError(
                f"end: {self.end.isoformat()} is before start {self.start.isoformat()}; "
                "both days are included, so a one-day period has end == start"
            )
        return self

    def contains(self, on: date) -> bool:
        """Whether the contract is active on date ``on`` (both bounds included)."""
        on = _as_date(on, "on")
        return self.start <= on and (self.end is None or on <= self.end)

    def __str__(self) -> str:
        end = "open-ended" if self.end is None else self.end.isoformat()
        return f"{self.start.isoformat()} – {end}"


def fold(text: object, field: str = "text") -> str:
    """Text compared as people mean it: case and spacing ignored; not text: our error."""
    return " ".join(require(text, str, field).split()).casefold()


def _periods_schema(core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonDict:
    """Periods as validation reads them: a list of periods or of ``[start, end]`` pairs
    (``end`` null for an open end), or one period on its own."""
    own: JsonDict = handler(core_schema)
    period = own["items"]
    pair = {
        "type": "array",
        "prefixItems": [{"type": "string"}, {"type": ["string", "null"]}],
        "minItems": 2,
        "maxItems": 2,
    }
    return {"anyOf": [{"type": "array", "items": {"anyOf": [period, pair]}}, period]}


def _one_or_many(core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonDict:
    """A list, or one item on its own (``"products": "Invantive Cloud"``)."""
    own: JsonDict = handler(core_schema)
    return {"anyOf": [own, own["items"]], "default": own.get("default", [])}


class SupportContract(Frozen):
    """What a customer bought: a plan, the periods it is active, the products it covers.

    A renewal adds a period; a gap between periods is a time without a contract.
    ``timezone`` (an IANA key) fixes which calendar date a request falls on; without it
    the date is read in the request's own offset.

    >>> contract = SupportContract(
    ...     customer="ACME", plan="standard", products=["Invantive Cloud"],
    ...     periods=[("2025-01-01", "2025-12-31"), ("2026-03-01", None)],
    ... )
    >>> contract.active_on(date(2026, 1, 15)), contract.active_on(date(2026, 3, 1))
    (False, True)
    >>> contract.covers_product("invantive cloud")
    True
    """

    customer: NonBlank
    plan: NonBlank
    periods: Annotated[tuple[ContractPeriod, ...], Schemas(validation=_periods_schema)]
    products: Annotated[tuple[NonBlank, ...], Schemas(validation=_one_or_many)] = ()
    timezone: str | None = None
    id: str | None = None

    @field_validator("periods", mode="before")
    @classmethod
    def _periods(cls, value: Any) -> Any:
        if isinstance(value, ContractPeriod | Mapping):
            value = [value]
        if not isinstance(value, Iterable) or isinstance(value, str | bytes):
            raise InvalidPeriodError(f"periods: {shown(value)} is not a list of periods")
        periods = []
        for item in value:
            if isinstance(item, tuple | list):
                if len(item) != 2:
                    raise InvalidPeriodError(
                        f"periods: {shown(item)} is not a pair (start, end); use None for an "
                        "open end"
                    )
                item = {"start": item[0], "end": item[1]}
            periods.append(item)
        return tuple(periods)

    @field_validator("periods")
    @classmethod
    def _sorted(cls, value: tuple[ContractPeriod, ...]) -> tuple[ContractPeriod, ...]:
        return tuple(sorted(value, key=lambda period: period.start))

    @field_validator("products", mode="before")
    @classmethod
    def _products(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value

    @field_validator("timezone", mode="before")
    @classmethod
    def _zone(cls, value: Any) -> Any:
        return None if value is None else zone_key(value)

    def local_date(self, moment: datetime) -> date:
        """The calendar date of ``moment`` for this contract (in ``timezone`` when set)."""
        moment = require_aware(moment, "submitted_at")
        if self.timezone is not None:
            try:
                moment = moment.astimezone(zoneinfo.ZoneInfo(self.timezone))
            except OverflowError:
                raise OutOfRangeError(
                    f"submitted_at: {moment.isoformat()} has no calendar date in "
                    f"{self.timezone} that a datetime can hold"
                ) from None
        return moment.date()

    def period_on(self, on: date) -> ContractPeriod | None:
        """The period that is active on ``on``, if any."""
        for period in self.periods:
            if period.contains(on):
                return period
        return None

    def active_on(self, on: date) -> bool:
        """Whether the contract is active on date ``on``."""
        return self.period_on(on) is not None

    def covers_product(self, product: str) -> bool:
        """Whether ``product`` is one of the contract's products (case and spacing ignored)."""
        return fold(product, "product") in {fold(p) for p in self.products}

    def is_for(self, customer: str) -> bool:
        """Whether the contract belongs to ``customer`` (case and spacing ignored)."""
        return fold(customer, "customer") == fold(self.customer)


# -- the tracker (seed 002) ------------------------------------------------------------


class TrackerState(Frozen):
    """A request's category and status in the vendor's tracker.

    >>> str(TrackerState(category="Call", status="Approved"))
    'Call / Approved'
    """

    category: NonBlank
    status: NonBlank

    def __str__(self) -> str:
        return f"{self.category} / {self.status}"

    def meaning(self, tracker: TrackerConvention | None = None) -> TrackerMeaning:
        """What this state means for the customer; see :func:`~supportrules.coverage.meaning_of`.

        >>> TrackerState(category="Call", status="Approved").meaning().text
        'accepted under the contract'
        """
        from supportrules.coverage._rules import meaning_of

        return meaning_of(self.category, self.status, tracker=tracker)


class TrackerConvention(Frozen):
    """How a tracker shows a request's acceptance; defaults from seed 002 (Invantive).

    Category ``call_category`` with status ``new_status``: not yet accepted as a support
    call. ``call_category`` with any other status: accepted under the contract. Any other
    category: a request for advisory services.

    >>> TrackerConvention().state_for("advisory")
    TrackerState(category='Advisory', status='New')
    """

    call_category: NonBlank = "Call"
    new_status: NonBlank = "New"
    approved_status: NonBlank = "Approved"
    advisory_category: NonBlank = "Advisory"
    advisory_status: NonBlank = "New"

    @model_validator(mode="after")
    def _distinct(self) -> Self:
        if fold(self.advisory_category) == fold(self.call_category):
            raise InvalidPolicyError(
                f"advisory_category: {self.advisory_category!r} is the call category; "
                "seed 002 marks advisory requests by any category other than the call one"
            )
        if fold(self.approved_status) == fold(self.new_status):
            raise InvalidPolicyError(
                f"approved_status: {self.approved_status!r} is the same as new_status; "
                "an accepted call must look different from a new one"
            )
        return self

    def state_for(self, outcome: CoverageOutcome | str) -> TrackerState:
        """The tracker state of a classification ``outcome``."""
        outcome = CoverageOutcome(outcome)
        if outcome in (CoverageOutcome.COVERED, CoverageOutcome.BILLABLE):
            return TrackerState(category=self.call_category, status=self.approved_status)
        if outcome is CoverageOutcome.ADVISORY:
            return TrackerState(category=self.advisory_category, status=self.advisory_status)
        return TrackerState(category=self.call_category, status=self.new_status)

    def is_call(self, category: str) -> bool:
        """Whether ``category`` is the support-call category (case and spacing ignored)."""
        return fold(category, "category") == fold(self.call_category)

    def is_new(self, status: str) -> bool:
        """Whether ``status`` is the not-yet-accepted status (case and spacing ignored)."""
        return fold(status, "status") == fold(self.new_status)


# -- the policy ------------------------------------------------------------------------

DEFAULT_REQUIRED: tuple[RequestField, ...] = (
    RequestField.CUSTOMER,
    RequestField.PRODUCT,
    RequestField.DESCRIPTION,
)


class CoveragePolicy(Frozen):
    """One plan's coverage rules as data (SPEC §4).

    ``required_fields`` lists, per kind, every field a request of that kind must carry;
    kinds not listed need ``default_required_fields``. ``channels`` says through which
    channels each kind may arrive. ``plan_table`` gives every kind its treatment on this
    plan. ``without_contract`` is the treatment when no active contract of the customer
    covers the request's product (SPEC §4: an inactive contract turns everything into
    advisory).

    >>> policy = CoveragePolicy(
    ...     name="Example", plan="basic",
    ...     plan_table={"bug": "covered", "consultation": "covered", "upgrade": "covered",
    ...                 "configuration_howto": "advisory", "implementation_question": "advisory",
    ...                 "modification": "billable"},
    ...     required_fields={"bug": ["customer", "product", "description", "version"]},
    ... )
    >>> policy.treatment_for("modification"), policy.required_for("consultation")
    (<Treatment.BILLABLE: 'billable'>, (<RequestField.CUSTOMER: 'customer'>, ...))
    >>> CoveragePolicy.model_validate_json(policy.model_dump_json()) == policy
    True
    """

    name: NonBlank
    plan: NonBlank
    plan_table: Annotated[
        tuple[tuple[RequestKind, Treatment], ...],
        Schemas(
            validation=vocabulary_table(
                RequestKind,
                vocabulary(Treatment),
                complete=True,
                description="The treatment of every kind: {kind: treatment}.",
            )
        ),
    ]
    required_fields: Annotated[
        tuple[tuple[RequestKind, tuple[RequestField, ...]], ...],
        Schemas(
            validation=vocabulary_table(
                RequestKind,
                {"type": "array", "items": vocabulary(RequestField)},
                complete=False,
                description="The fields a request of a kind must carry: {kind: [field, ...]}.",
            )
        ),
    ] = ()
    default_required_fields: tuple[RequestField, ...] = DEFAULT_REQUIRED
    channels: ChannelRule = ChannelRule()
    without_contract: Treatment = Treatment.ADVISORY
    tracker: TrackerConvention = TrackerConvention()
    source: str | None = None  # the document the policy encodes, for reasons and docs

    @field_validator("plan_table", mode="before")
    @classmethod
    def _table_in(cls, value: Any) -> Any:
        return tuple(
            (RequestKind(kind), Treatment(cell)) for kind, cell in pairs_of(value, "plan_table")
        )

    @field_validator("plan_table")
    @classmethod
    def _complete_table(
        cls, value: tuple[tuple[RequestKind, Treatment], ...]
    ) -> tuple[tuple[RequestKind, Treatment], ...]:
        _unique_kinds(value, "plan_table")
        listed = {kind for kind, _ in value}
        absent = [kind.value for kind in RequestKind if kind not in listed]
        if absent:
            raise InvalidPolicyError(
                "plan_table: no treatment for "
                + ", ".join(repr(kind) for kind in absent)
                + "; give every kind one of "
                + ", ".join(repr(t.value) for t in Treatment)
            )
        order = list(RequestKind)
        return tuple(sorted(value, key=lambda pair: order.index(pair[0])))

    @field_validator("required_fields", mode="before")
    @classmethod
    def _required_in(cls, value: Any) -> Any:
        return tuple(
            (
                RequestKind(kind),
                tuple(
                    RequestField(f)
                    for f in items_of(fields, f"required_fields[{shown(kind)}]", "request fields")
                ),
            )
            for kind, fields in pairs_of(value, "required_fields")
        )

    @field_validator("required_fields")
    @classmethod
    def _unique_required(
        cls, value: tuple[tuple[RequestKind, tuple[RequestField, ...]], ...]
    ) -> tuple[tuple[RequestKind, tuple[RequestField, ...]], ...]:
        _unique_kinds(value, "required_fields")
        return value

    @field_validator("channels")
    @classmethod
    def _channel_kinds(cls, value: ChannelRule) -> ChannelRule:
        return value.for_kinds(RequestKind)

    @field_serializer("plan_table")
    def _table_out(self, value: tuple[tuple[RequestKind, Treatment], ...]) -> dict[str, str]:
        return {kind.value: cell.value for kind, cell in value}

    @field_serializer("required_fields")
    def _required_out(
        self, value: tuple[tuple[RequestKind, tuple[RequestField, ...]], ...]
    ) -> dict[str, list[str]]:
        return {kind.value: [f.value for f in fields] for kind, fields in value}

    def treatment_for(self, kind: RequestKind | str) -> Treatment:
        """The plan table's cell for ``kind``."""
        kind = RequestKind(kind)
        for listed, cell in self.plan_table:
            if listed is kind:
                return cell
        raise AssertionError("plan_table is complete by construction")  # pragma: no cover

    def required_for(self, kind: RequestKind | str) -> tuple[RequestField, ...]:
        """The fields a request of ``kind`` must carry."""
        kind = RequestKind(kind)
        for listed, fields in self.required_fields:
            if listed is kind:
                return fields
        return self.default_required_fields

    def kinds_with(self, treatment: Treatment | str) -> tuple[RequestKind, ...]:
        """The kinds this plan gives ``treatment``, in table order."""
        treatment = Treatment(treatment)
        return tuple(kind for kind, cell in self.plan_table if cell is treatment)


# -- decisions -------------------------------------------------------------------------


class CoverageDecision(Decision):
    """The result of :func:`~supportrules.coverage.classify`: the outcome, the missing
    fields (for ``incomplete``), the plan table's cell when the pipeline reached it, and
    the tracker state to show. Read it with the booleans (``decision.covered``)."""

    outcome: CoverageOutcome
    kind: RequestKind
    plan: str
    missing_fields: tuple[RequestField, ...] = ()
    treatment: Treatment | None = None
    tracker_state: TrackerState

    @property
    def covered(self) -> bool:
        """Handled under the contract at no extra cost."""
        return self.outcome is CoverageOutcome.COVERED

    @property
    def billable(self) -> bool:
        """Handled under the contract, billed by programmer hours."""
        return self.outcome is CoverageOutcome.BILLABLE

    @property
    def accepted(self) -> bool:
        """Accepted as a support call (covered or billable)."""
        return self.covered or self.billable

    @property
    def advisory(self) -> bool:
        """Converted into a request for advisory services; a proposal follows."""
        return self.outcome is CoverageOutcome.ADVISORY

    @property
    def requires_paid_plan(self) -> bool:
        """Not handled on this plan; the customer needs a paid plan first."""
        return self.outcome is CoverageOutcome.REQUIRES_PAID_PLAN

    @property
    def complete(self) -> bool:
        """Whether the request carried every required field."""
        return self.outcome is not CoverageOutcome.INCOMPLETE


class TrackerMeaning(Decision):
    """What a tracker state means for the customer (seed 002), from
    :func:`~supportrules.coverage.meaning_of`. ``text`` is the sentence to show."""

    outcome: TrackerMeaningOutcome
    state: TrackerState

    @property
    def accepted(self) -> bool:
        """Accepted for handling under the support contract."""
        return self.outcome is TrackerMeaningOutcome.ACCEPTED

    @property
    def advisory(self) -> bool:
        """A request for advisory services: a proposal follows."""
        return self.outcome is TrackerMeaningOutcome.ADVISORY

    @property
    def text(self) -> str:
        """The meaning as one sentence for the customer."""
        return self.reasons[0].message if self.reasons else self.outcome.value


class BudgetGuard(Frozen):
    """The customer's monthly budget for time outside the contract, and the hourly rate
    it is invoiced at ("grip on your budget", seed 002).

    >>> guard = BudgetGuard(
    ...     monthly_budget=Money.of("1000.00", "EUR"), hourly_rate=Money.of("125.00", "EUR")
    ... )
    >>> guard.cost_of(timedelta(hours=2, minutes=30))
    Money.of('312.50', 'EUR')
    """

    monthly_budget: Money
    hourly_rate: Money
    rounding: RoundingPolicy = RoundingPolicy()

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.monthly_budget.currency != self.hourly_rate.currency:
            raise CurrencyMismatchError(
                f"hourly_rate: {self.hourly_rate} is in {self.hourly_rate.currency} but "
                f"monthly_budget {self.monthly_budget} is in {self.monthly_budget.currency}; "
                "give both in the currency the customer is invoiced in"
            )
        if self.monthly_budget.amount < 0:
            raise InvalidAmountError(
                f"monthly_budget: {self.monthly_budget} is negative; give zero or more "
                "(zero: every hour outside the contract needs approval)"
            )
        if self.hourly_rate.amount <= 0:
            raise InvalidAmountError(
                f"hourly_rate: {self.hourly_rate} is not a positive rate; give the price "
                "of one hour of advisory work"
            )
        return self

    @property
    def currency(self) -> str:
        """The currency of budget, rate and every figure of the decision."""
        return self.monthly_budget.currency

    def cost_of(self, hours: timedelta) -> Money:
        """``hours`` at the hourly rate, rounded by ``rounding`` (a price is produced)."""
        checked = checked_duration(hours, "estimate")
        micro = Decimal(checked // timedelta(microseconds=1))
        return (self.hourly_rate * (micro / Decimal(3_600_000_000))).rounded(self.rounding)

    def check(self, spent_this_month: Money | timedelta, estimate: timedelta) -> BudgetDecision:
        """``within_budget`` or ``approval_required`` for a new request's ``estimate``, given
        what time outside the contract already costs this month (an amount, or hours).

        >>> guard = BudgetGuard(
        ...     monthly_budget=Money.of("1000.00", "EUR"), hourly_rate=Money.of("125.00", "EUR")
        ... )
        >>> decision = guard.check(Money.of("900.00", "EUR"), timedelta(hours=1))
        >>> decision.approval_required, decision.projected_total, decision.over_budget
        (True, Money.of('1025.00', 'EUR'), Money.of('25.00', 'EUR'))
        """
        from supportrules.coverage._rules import check_budget

        return check_budget(self, spent_this_month, estimate)


class BudgetDecision(Decision):
    """The result of :meth:`BudgetGuard.check`: the projected month total against the
    budget, and how much it goes over (zero when within budget)."""

    outcome: BudgetOutcome
    monthly_budget: Money
    spent_this_month: Money
    estimate: timedelta
    estimate_cost: Money
    projected_total: Money
    over_budget: Money
    remaining_after: Money

    @property
    def within_budget(self) -> bool:
        """The projected month total stays within the budget."""
        return self.outcome is BudgetOutcome.WITHIN_BUDGET

    @property
    def approval_required(self) -> bool:
        """The customer must approve before the work starts."""
        return self.outcome is BudgetOutcome.APPROVAL_REQUIRED
