"""SLA vocabulary, tickets, events, targets, policies and their results (SPEC §3)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal, Self

from pydantic import (
    ConfigDict,
    Field,
    PrivateAttr,
    TypeAdapter,
    field_validator,
    model_validator,
)

from supportrules._model import (
    Aware,
    Count,
    Duration,
    Flag,
    Frozen,
    Vocabulary,
    items_of,
    raising_ours,
    require,
)
from supportrules._schema import CLOCK, Schemas, given, is_true
from supportrules.calendars import BusinessCalendar
from supportrules.calendars._engine import to_us
from supportrules.channels import Channel, ChannelRule
from supportrules.errors import InvalidArgumentError, InvalidScheduleError, shown
from supportrules.explain import Decision

if TYPE_CHECKING:
    from supportrules.sla._rules import QueueItem

__all__ = [
    "DEFAULT_WARNINGS",
    "Acknowledged",
    "AtRisk",
    "ByTime",
    "CalendarSource",
    "ComplianceReport",
    "ComplianceRow",
    "CompoundMode",
    "Deadlines",
    "Event",
    "Metric",
    "MetricState",
    "MetricStatus",
    "Paused",
    "Reopened",
    "Resolved",
    "Resumed",
    "SlaEvent",
    "SlaPolicy",
    "SlaStatus",
    "SlaTarget",
    "Ticket",
    "TicketKind",
    "parse_events",
]

DEFAULT_WARNINGS = (Decimal("0.5"), Decimal("0.75"), Decimal("0.9"))


class TicketKind(Vocabulary):
    """What a ticket asks for (SPEC §3.1)."""

    CONSULTATION = "consultation"  # a simple task or question
    BUG = "bug"
    CRITICAL_BUG = "critical_bug"  # a critical error of the system
    COMPOUND = "compound"  # several simple tasks, `parts` of them
    MODIFICATION = "modification"  # customisation, paid by programmer hours


class Metric(Vocabulary):
    """What is measured: taking the ticket into work, or resolving it."""

    ACKNOWLEDGE = "acknowledge"
    RESOLVE = "resolve"


class MetricState(Vocabulary):
    """Where a metric stands at ``now`` (SPEC §3.4)."""

    RUNNING = "running"
    PAUSED = "paused"
    MET = "met"
    BREACHED = "breached"
    NOT_APPLICABLE = "not_applicable"


class CompoundMode(Vocabulary):
    """How the parts of a compound ticket are scheduled."""

    PARALLEL = "parallel"  # every part due one target after acceptance
    SEQUENTIAL = "sequential"  # part i due i targets after acceptance


class CalendarSource(Vocabulary):
    """Whose business hours an SLA runs on (ServiceNow's "time zone source")."""

    POLICY = "policy"
    TICKET = "ticket"  # the customer's own calendar when the ticket carries one


def _clock_text(value: object, field: str) -> str:
    from supportrules.calendars._schedule import parse_clock

    parse_clock(value, field)
    assert isinstance(value, str)
    return value.strip()


def clock_time(text: str) -> time:
    """``"16:00"`` as a ``time`` (validated text: ``"24:00"`` never gets here)."""
    parts = [int(part) for part in text.split(":")]
    return time(parts[0], parts[1], parts[2] if len(parts) > 2 else 0)


# -- tickets and events -----------------------------------------------------------------


class Ticket(Frozen):
    """A support ticket as the SLA engine sees it.

    For ``modification`` and ``compound`` tickets, ``opened_at`` is the acceptance: the
    moment the specialist fixed the estimate or the number of parts (seed 004).

    >>> from zoneinfo import ZoneInfo
    >>> Ticket(id="T-1", kind="Bug", opened_at=datetime(2026, 11, 18, 15, 30,
    ...        tzinfo=ZoneInfo("Europe/Kyiv"))).kind
    <TicketKind.BUG: 'bug'>
    """

    id: str
    kind: TicketKind
    opened_at: Aware
    channel: Channel = Channel.PORTAL
    parts: Count = Field(default=1, ge=1)
    estimate: Duration | None = None
    priority: str | None = None
    calendar: BusinessCalendar | None = None

    @model_validator(mode="after")
    def _parts_only_for_compound(self) -> Self:
        if self.parts != 1 and self.kind is not TicketKind.COMPOUND:
            raise InvalidScheduleError(
                f"parts: {self.parts} parts given for a {self.kind.value} ticket; only "
                "compound tickets have parts"
            )
        return self


class Event(Frozen):
    """What happened to a ticket, and when: the base of the five SLA events.

    Lists of events are typed ``Sequence[Event]``; JSON lists of them are read with
    :func:`parse_events`, which picks the class by the ``type`` field.
    """

    at: Aware
    # The instant as integer microseconds, computed once when the event is made: status
    # replays the same events many times (every refresh of a dashboard).
    _us: int | None = PrivateAttr(default=None)

    def model_post_init(self, context: Any, /) -> None:
        self._us = to_us(self.at)


class Acknowledged(Event):
    """The ticket was taken into work and its deadline shown to the customer."""

    type: Literal["acknowledged"] = "acknowledged"


class Paused(Event):
    """The ticket waits on someone else (``reason``: "customer", "production", ...)."""

    type: Literal["paused"] = "paused"
    reason: str = "customer"


class Resumed(Event):
    """The wait is over; the clock runs again."""

    type: Literal["resumed"] = "resumed"


class Resolved(Event):
    """The ticket was resolved."""

    type: Literal["resolved"] = "resolved"


class Reopened(Event):
    """A resolved ticket was reopened; the resolve clock runs again."""

    type: Literal["reopened"] = "reopened"


SlaEvent = Annotated[
    Acknowledged | Paused | Resumed | Resolved | Reopened, Field(discriminator="type")
]

_EVENT_LIST: TypeAdapter[tuple[SlaEvent, ...]] = TypeAdapter(tuple[SlaEvent, ...])


def parse_events(data: str | bytes | Iterable[Any]) -> tuple[Event, ...]:
    """Events from JSON text (a list of objects with a ``type``) or from a list of such
    objects or of events, raising our errors like every other path in.

    >>> parse_events('[{"type": "paused", "at": "2026-11-17T11:00:00+02:00", '
    ...              '"reason": "production"}]')[0].reason
    'production'
    """
    with raising_ours():
        if isinstance(data, str | bytes | bytearray):
            return _EVENT_LIST.validate_json(data)
        return _EVENT_LIST.validate_python(tuple(items_of(data, "events", "SLA events")))


# -- targets and policies -----------------------------------------------------------------


class ByTime(Frozen):
    """ "By ``at`` on the business day, ``days`` business days on": with the target's
    cutoff, "registered before 10:00 → by 16:00 the same business day, else the next".
    """

    at: Annotated[str, Schemas(validation=CLOCK, serialization=CLOCK)] = "16:00"
    days: Count = Field(default=0, ge=0)

    @field_validator("at", mode="before")
    @classmethod
    def _at(cls, value: Any) -> str:
        return _clock_text(value, "by.at")


class SlaTarget(Frozen):
    """One promise: which tickets it matches, which metric, and how the due time is set.

    Exactly one of ``duration`` (business time), ``use_estimate`` (the ticket's
    ``estimate``), ``end_of_day`` (close of the business day, ``n`` days on) or ``by``
    (a time of day on a business day) sets the due time.

    >>> SlaTarget.business_time("resolve", ["bug"], timedelta(hours=8), cutoff="16:00",
    ...                         same_day_cap=True).describe()
    '8 h of business time, cutoff 16:00, not later than the close of the day'
    """

    # What the validators below check, stated in the schema: exactly one way to set the
    # due time (use_estimate false or a null counts as not given), a same-day cap only on
    # business time, no cutoff on an end-of-business-day target.
    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [given("duration"), is_true("use_estimate"), given("end_of_day"), given("by")],
            "allOf": [
                {
                    "if": is_true("same_day_cap"),
                    "then": {"anyOf": [given("duration"), is_true("use_estimate")]},
                },
                {"if": given("cutoff"), "then": {"not": given("end_of_day")}},
            ],
        }
    )

    metric: Metric
    kinds: tuple[TicketKind, ...] = ()  # empty: every kind
    channels: tuple[Channel, ...] = ()  # empty: every channel
    priorities: tuple[str, ...] = ()  # empty: every priority
    duration: Duration | None = None
    use_estimate: Flag = False
    end_of_day: Count | None = Field(default=None, ge=0)
    by: ByTime | None = None
    cutoff: Annotated[str, Schemas(validation=CLOCK, serialization=CLOCK)] | None = None
    same_day_cap: Flag = False
    calendar: BusinessCalendar | None = None  # its own calendar, e.g. 24x7
    compound_mode: CompoundMode = CompoundMode.PARALLEL
    pause_on: tuple[str, ...] = ()  # pause reasons that stop this clock; empty: every one
    warnings: tuple[Decimal, ...] | None = None  # None: the policy's thresholds
    name: str = ""

    @field_validator("cutoff", mode="before")
    @classmethod
    def _cutoff(cls, value: Any) -> Any:
        return None if value is None else _clock_text(value, "cutoff")

    @field_validator("warnings")
    @classmethod
    def _fractions(cls, value: tuple[Decimal, ...] | None) -> tuple[Decimal, ...] | None:
        return None if value is None else _check_fractions(value)

    @model_validator(mode="after")
    def _one_way_to_set_due(self) -> Self:
        ways = [
            name
            for name, given in (
                ("duration", self.duration is not None),
                ("use_estimate", self.use_estimate),
                ("end_of_day", self.end_of_day is not None),
                ("by", self.by is not None),
            )
            if given
        ]
        if len(ways) != 1:
            raise InvalidScheduleError(
                f"target: set exactly one of duration, use_estimate, end_of_day, by "
                f"(got {', '.join(ways) or 'none'})"
            )
        if self.same_day_cap and ways[0] not in ("duration", "use_estimate"):
            raise InvalidScheduleError(
                "same_day_cap: only a business-time target (duration or estimate) has a cap"
            )
        if self.cutoff is not None and ways[0] == "end_of_day":
            raise InvalidScheduleError(
                f"cutoff: {self.cutoff!r} has no effect on an end-of-business-day target; "
                "use by_time_of_day for a 'registered before HH:MM' promise"
            )
        return self

    # -- named constructors ----------------------------------------------------------

    @classmethod
    def business_time(
        cls,
        metric: Metric | str,
        kinds: Iterable[TicketKind | str],
        duration: timedelta,
        **options: Any,
    ) -> SlaTarget:
        """Due ``duration`` of business time after the clock starts."""
        return cls(metric=metric, kinds=_kinds(kinds), duration=duration, **options)

    @classmethod
    def estimate(
        cls, kinds: Iterable[TicketKind | str] = (TicketKind.MODIFICATION,), **options: Any
    ) -> SlaTarget:
        """Resolve due the ticket's ``estimate`` of business time after acceptance."""
        return cls(metric=Metric.RESOLVE, kinds=_kinds(kinds), use_estimate=True, **options)

    @classmethod
    def end_of_business_day(
        cls, metric: Metric | str, kinds: Iterable[TicketKind | str], days: int = 0, **options: Any
    ) -> SlaTarget:
        """Due at the close of the business day, ``days`` business days on
        ("end of next business day" is ``days=1``)."""
        return cls(metric=metric, kinds=_kinds(kinds), end_of_day=days, **options)

    @classmethod
    def by_time_of_day(
        cls,
        metric: Metric | str,
        kinds: Iterable[TicketKind | str],
        at: str = "16:00",
        *,
        cutoff: str = "10:00",
        days: int = 0,
        **options: Any,
    ) -> SlaTarget:
        """Due by ``at`` on the business day: registered before ``cutoff``, the same
        business day, else the next (then ``days`` more)."""
        return cls(
            metric=metric,
            kinds=_kinds(kinds),
            by=ByTime(at=at, days=days),
            cutoff=cutoff,
            **options,
        )

    # -- reading -------------------------------------------------------------------------

    def matches(self, ticket: Ticket, metric: Metric) -> bool:
        """Whether this target applies to ``ticket`` for ``metric``."""
        return (
            self.metric is metric
            and (not self.kinds or ticket.kind in self.kinds)
            and (not self.channels or ticket.channel in self.channels)
            and (not self.priorities or ticket.priority in self.priorities)
        )

    def pauses_on(self, reason: str) -> bool:
        """Whether a pause with ``reason`` stops this target's clock."""
        return not self.pause_on or reason in self.pause_on

    def describe(self) -> str:
        """The promise in words."""
        from supportrules.explain import format_duration

        if self.duration is not None:
            text = f"{format_duration(self.duration)} of business time"
        elif self.use_estimate:
            text = "the estimate fixed at acceptance"
        elif self.end_of_day is not None:
            text = (
                "the close of the business day"
                if self.end_of_day == 0
                else f"the close of the business day {self.end_of_day} business day(s) on"
            )
        else:
            assert self.by is not None
            text = f"by {self.by.at} on the business day"
            if self.by.days:
                text += f" {self.by.days} business day(s) on"
        if self.cutoff:
            text += f", cutoff {self.cutoff}"
        if self.same_day_cap:
            text += ", not later than the close of the day"
        return text


def _kinds(kinds: object) -> tuple[Any, ...]:
    return tuple(items_of(kinds, "kinds", "ticket kinds"))


def _check_fractions(value: Sequence[Decimal]) -> tuple[Decimal, ...]:
    for fraction in value:
        if not Decimal(0) < fraction <= Decimal(1):
            raise InvalidScheduleError(
                f"warnings: {fraction} is not a fraction of the target in (0, 1]"
            )
    return tuple(sorted(value))


class SlaPolicy(Frozen):
    """A calendar and the targets of an SLA; the first matching target wins.

    >>> from zoneinfo import ZoneInfo
    >>> k = BusinessCalendar.standard("Europe/Kyiv")
    >>> policy = SlaPolicy(name="demo", calendar=k, targets=[
    ...     SlaTarget.business_time("resolve", ["bug"], timedelta(hours=8))])
    >>> ticket = Ticket(id="T-1", kind="bug", opened_at=datetime(2026, 11, 18, 10,
    ...                 tzinfo=ZoneInfo("Europe/Kyiv")))
    >>> policy.deadlines(ticket).resolve_by
    datetime.datetime(2026, 11, 18, 18, 0, tzinfo=zoneinfo.ZoneInfo(key='Europe/Kyiv'))
    """

    name: str
    calendar: BusinessCalendar
    targets: tuple[SlaTarget, ...]
    covered_kinds: tuple[TicketKind, ...] = tuple(TicketKind)
    channels: ChannelRule = ChannelRule()
    calendar_source: CalendarSource = CalendarSource.POLICY
    warnings: tuple[Decimal, ...] = DEFAULT_WARNINGS
    # The most parts a compound ticket may have: each part is a deadline to compute.
    max_parts: Count = Field(default=100, ge=1, le=1_000)
    source: str = ""  # the document the policy encodes

    # Targets compiled per (kind, channel, priority), filled as tickets arrive: a memo
    # of this immutable policy, never part of its value.
    _routes: dict[Any, Any] = PrivateAttr(default_factory=dict)

    @field_validator("warnings")
    @classmethod
    def _fractions(cls, value: tuple[Decimal, ...]) -> tuple[Decimal, ...]:
        return _check_fractions(value)

    @field_validator("channels")
    @classmethod
    def _channel_kinds(cls, value: ChannelRule) -> ChannelRule:
        return value.for_kinds(TicketKind)

    @property
    def _route_memo(self) -> dict[Any, Any]:
        memo: dict[Any, Any] = self.__pydantic_private__["_routes"]  # type: ignore[index]
        return memo

    def target_for(self, ticket: Ticket, metric: Metric | str) -> SlaTarget | None:
        """The first target that matches ``ticket`` for ``metric``, if any."""
        ticket, metric = require(ticket, Ticket, "ticket"), Metric(metric)
        return next((t for t in self.targets if t.matches(ticket, metric)), None)

    def calendar_for(self, ticket: Ticket, target: SlaTarget | None = None) -> BusinessCalendar:
        """The calendar a target runs on: its own, else the ticket's (when the policy
        takes it from the ticket), else the policy's."""
        ticket = require(ticket, Ticket, "ticket")
        if target is not None:
            target = require(target, SlaTarget, "target")
        if target is not None and target.calendar is not None:
            return target.calendar
        if self.calendar_source is CalendarSource.TICKET and ticket.calendar is not None:
            return ticket.calendar
        return self.calendar

    def deadlines(self, ticket: Ticket) -> Deadlines:
        """When ``ticket`` must be acknowledged and resolved, and why (SPEC §3.2)."""
        from supportrules.sla._rules import deadlines

        return deadlines(self, ticket)

    def status(self, ticket: Ticket, events: Sequence[Event], now: datetime) -> SlaStatus:
        """Where each metric of ``ticket`` stands at ``now``, replayed from ``events``."""
        from supportrules.sla._rules import status

        return status(self, ticket, events, now)

    def at_risk(
        self, items: Iterable[tuple[Ticket, Sequence[Event]]], now: datetime, within: timedelta
    ) -> list[AtRisk]:
        """Running metrics that breach within ``within`` of business time, soonest first."""
        from supportrules.sla._rules import at_risk

        queue: list[QueueItem] = []
        for n, item in enumerate(items_of(items, "items", "(ticket, events) pairs")):
            if not isinstance(item, tuple | list) or len(item) != 2:
                raise InvalidArgumentError(
                    f"items[{n}]: {shown(item)} is not a (ticket, events) pair"
                )
            queue.append((self, item[0], item[1]))
        return at_risk(queue, now, within)


# -- results -------------------------------------------------------------------------------


class Deadlines(Decision):
    """``policy.deadlines(ticket)``: the due instants and the reasons behind them.

    ``outcome`` is ``scheduled``, ``rejected`` (intake refused the channel) or
    ``not_covered`` (the policy does not cover the kind).
    """

    ticket_id: str
    acknowledge_by: datetime | None = None
    resolve_by: datetime | None = None
    parts: tuple[datetime, ...] = ()
    clock_start: datetime | None = None

    @property
    def accepted(self) -> bool:
        """Whether intake accepted the ticket and the policy covers it."""
        return self.outcome == "scheduled"


class MetricStatus(Frozen):
    """One metric at ``now``: state, due times, elapsed and remaining business time."""

    metric: Metric
    state: MetricState
    due_at: datetime | None = None
    original_due_at: datetime | None = None
    target: timedelta | None = None  # business time between clock start and original due
    elapsed: timedelta = timedelta(0)  # business time, pauses excluded
    elapsed_wall: timedelta = timedelta(0)  # wall-clock time since opened_at
    remaining: timedelta | None = None
    paused_for: timedelta = timedelta(0)  # business time spent paused
    fraction_used: Decimal | None = None
    thresholds_crossed: tuple[Decimal, ...] = ()
    met_at: datetime | None = None
    breached_at: datetime | None = None


class SlaStatus(Decision):
    """``policy.status(ticket, events, now)``: every metric, and the reasons."""

    ticket_id: str
    kind: TicketKind
    at: datetime
    acknowledge: MetricStatus
    resolve: MetricStatus

    def metric(self, metric: Metric | str) -> MetricStatus:
        """The status of ``metric``."""
        return self.acknowledge if Metric(metric) is Metric.ACKNOWLEDGE else self.resolve


class AtRisk(Frozen):
    """A metric that breaches soon (from :func:`at_risk`)."""

    ticket_id: str
    metric: Metric
    due_at: datetime
    remaining: timedelta
    status: SlaStatus


class ComplianceRow(Frozen):
    """Met and breached counts of one (kind, metric), as helpdesk SLA reports show them."""

    kind: TicketKind | None  # None: all kinds
    metric: Metric
    met: int = 0
    breached: int = 0
    open: int = 0  # running or paused, not decided yet
    rate: Decimal | None = None  # met / (met + breached); None when nothing is decided


class ComplianceReport(Frozen):
    """:func:`compliance` over a set of statuses: one row per kind and metric, plus totals."""

    rows: tuple[ComplianceRow, ...]
    totals: tuple[ComplianceRow, ...]

    def row(self, kind: TicketKind | str | None, metric: Metric | str) -> ComplianceRow | None:
        """The row of ``kind`` (``None`` for the total) and ``metric``."""
        wanted_kind = None if kind is None else TicketKind(kind)
        wanted_metric = Metric(metric)
        for row in (*self.rows, *self.totals):
            if row.kind == wanted_kind and row.metric is wanted_metric:
                return row
        return None
