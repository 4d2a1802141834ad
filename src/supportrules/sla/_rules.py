"""The SLA rules: deadlines, live status replayed from events, queue helpers (SPEC §3).

Everything is recomputed from the ticket and its events on every call: there are no
stored counters, so a changed policy replays history exactly.
"""

from __future__ import annotations

import decimal
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from supportrules._model import items_of, require, require_aware, trusted, trusted_from
from supportrules.calendars._engine import Engine, from_us, to_us
from supportrules.calendars._model import duration_us
from supportrules.errors import (
    InvalidArgumentError,
    InvalidDurationError,
    InvalidEventSequenceError,
    shown,
)
from supportrules.explain import (
    Reason,
    aware_instant_text,
    format_duration,
    format_instant,
    rule_reason,
)
from supportrules.sla._model import (
    Acknowledged,
    AtRisk,
    ByTime,
    ComplianceReport,
    ComplianceRow,
    CompoundMode,
    Deadlines,
    Event,
    Metric,
    MetricState,
    MetricStatus,
    Paused,
    Reopened,
    Resolved,
    Resumed,
    SlaPolicy,
    SlaStatus,
    SlaTarget,
    Ticket,
    TicketKind,
    clock_time,
)

__all__ = ["QueueItem", "at_risk", "compliance", "deadlines", "status"]

QueueItem = tuple[SlaPolicy, Ticket, Sequence[Event]]
_ZERO = timedelta(0)
# Fractions never depend on the caller's decimal context (SPEC §1: same inputs, same outputs).
_RATIO = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)
_METRICS = (Metric.ACKNOWLEDGE, Metric.RESOLVE)
_LABELS = {metric: metric.value for metric in Metric}
_METRIC_STATUS_FIELDS = set(MetricStatus.model_fields)
_ONE = Decimal(1)
_MICROSECOND = timedelta(microseconds=1)


@dataclass(slots=True)
class _Plan:
    """How one metric of one ticket is scheduled, before any event (instants in µs)."""

    metric: Metric
    target: SlaTarget | None
    engine: Engine  # the arithmetic of the calendar this metric runs on
    start: int | None = None
    due: int | None = None
    budget: int | None = None  # business time from start to due, when known without a lookup
    prefix: str = "SlaTarget"  # the target's source prefix, see _Rule
    parts: tuple[int, ...] = ()
    reasons: list[Reason] = field(default_factory=list)
    seen: dict[int, datetime] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)

    def at(self, us: int) -> datetime:
        """The instant ``us`` as an aware datetime in the calendar's zone (memoised: a
        plan names the same few instants in its result and in several reasons)."""
        found = self.seen.get(us)
        if found is None:
            found = self.seen[us] = from_us(us, self.engine.zone)
        return found

    def text(self, us: int) -> str:
        """``format_instant`` of the instant ``us``, memoised like :meth:`at`."""
        found = self.texts.get(us)
        if found is None:
            found = self.texts[us] = aware_instant_text(self.at(us))
        return found


def _prefix(target: SlaTarget) -> str:
    """``SlaTarget(bug)``: how sources name a target."""
    return f"SlaTarget({target.name or target.metric.value})"


def _source(target: SlaTarget, name: str) -> str:
    return f"{_prefix(target)}.{name}"


def _which(target: SlaTarget) -> str:
    """`` (target 'bug')``: which target matched, for the summary message."""
    return f" (target {target.name!r})" if target.name else ""


@dataclass(frozen=True, slots=True)
class _Rule:
    """A target compiled once per policy: what every ticket would otherwise recompute."""

    target: SlaTarget
    step: int | None  # the duration in µs (None: estimate or a relative target)
    cutoff: time | None
    duration_text: str  # "8 h of business time"
    source: str
    prefix: str  # "SlaTarget(bug)": the start of every source this target gives


def _compile(target: SlaTarget) -> _Rule:
    if target.duration is not None:
        step: int | None = duration_us(target.duration)
        text = f"{format_duration(target.duration)} of business time"
    else:
        step, text = None, "the estimate"
    return _Rule(
        target=target,
        step=step,
        cutoff=clock_time(target.cutoff) if target.cutoff else None,
        duration_text=text,
        source=_source(target, "use_estimate" if target.use_estimate else "duration"),
        prefix=_prefix(target),
    )


# Per metric: the compiled target, or the (shared, immutable) reason there is none.
_Route = tuple[Reason | None, _Rule | Reason, _Rule | Reason]


def _no_target(ticket: Ticket, metric: Metric) -> Reason:
    return rule_reason(
        "sla.no_target",
        f"no {metric.value} target for {ticket.kind.value} tickets",
        "SlaPolicy.targets",
        (("metric", metric.value), ("kind", ticket.kind.value)),
    )


def _route(policy: SlaPolicy, ticket: Ticket) -> _Route:
    """Intake gate and the compiled targets of both metrics for this kind of ticket."""
    memo = policy._route_memo
    key = (ticket.kind, ticket.channel, ticket.priority)
    found: _Route | None = memo.get(key)
    if found is None:
        acknowledge = policy.target_for(ticket, Metric.ACKNOWLEDGE)
        resolve = policy.target_for(ticket, Metric.RESOLVE)
        found = (
            _gate(policy, ticket),
            _no_target(ticket, Metric.ACKNOWLEDGE)
            if acknowledge is None
            else _compile(acknowledge),
            _no_target(ticket, Metric.RESOLVE) if resolve is None else _compile(resolve),
        )
        memo[key] = found
    return found


def _registration(engine: Engine, opened: int, cutoff: time) -> tuple[int, bool]:
    """SPEC §3.2's cutoff rule: the instant the ticket counts as registered, and whether
    it was moved to the next business day because of the cutoff or a closed day.

    ``s = next_open(opened_at)``; if ``s`` is on ``opened_at``'s local date and before
    the cutoff it stands, otherwise the clock starts at the first opening of the next
    business day after ``opened_at``'s date.
    """
    start = engine.next_open(opened)
    local_start = from_us(start, engine.zone)
    opened_day = engine.local_ordinal(opened)
    if local_start.toordinal() == opened_day and local_start.time() < cutoff:
        return start, False
    return engine.first_open_of(engine.shift_business_day(opened_day, 1)), True


_Memos = dict[Engine, tuple[dict[int, datetime], dict[int, str]]]


def _plan(
    policy: SlaPolicy,
    ticket: Ticket,
    metric: Metric,
    rule: _Rule | Reason,
    opened: int,
    memos: _Memos,
) -> _Plan:
    if isinstance(rule, Reason):  # no target for this metric
        return _Plan(metric, None, policy.calendar._fast, reasons=[rule])
    target = rule.target
    calendar = policy.calendar_for(ticket, target)
    engine = calendar._fast
    # The metrics of one ticket mostly name the same instants: they share the memos.
    shared = memos.get(engine)
    if shared is None:
        shared = memos[engine] = ({}, {})
    seen, texts = shared
    plan = _Plan(metric, target, engine, prefix=rule.prefix, seen=seen, texts=texts)
    if target.calendar is not None:
        plan.reasons.append(
            rule_reason(
                "sla.target_calendar",
                f"{metric.value} runs on its own calendar {target.calendar!r}",
                _source(target, "calendar"),
            )
        )
    elif calendar is not policy.calendar:
        plan.reasons.append(
            rule_reason(
                "sla.ticket_calendar",
                f"{metric.value} runs on the customer's calendar {calendar!r}",
                "SlaPolicy.calendar_source",
            )
        )
    if target.end_of_day is not None:
        _schedule_end_of_day(plan, ticket, target, target.end_of_day, opened)
    elif target.by is not None:
        _schedule_by_time(plan, ticket, target, target.by, opened)
    elif rule.step is not None:
        _schedule_business_time(plan, ticket, rule, rule.step, rule.duration_text, opened)
    elif ticket.estimate is None:
        plan.reasons.append(
            rule_reason(
                "sla.awaiting_estimate",
                f"no {metric.value} deadline yet: the {ticket.kind.value} has no estimate; "
                "the specialist fixes it at acceptance",
                _source(target, "use_estimate"),
            )
        )
    else:
        text = f"the estimate of {format_duration(ticket.estimate)}"
        _schedule_business_time(plan, ticket, rule, duration_us(ticket.estimate), text, opened)
    return plan


def _schedule_end_of_day(
    plan: _Plan, ticket: Ticket, target: SlaTarget, days: int, opened: int
) -> None:
    engine = plan.engine
    plan.start = engine.next_open(opened)
    plan.due = engine.close_of_day(opened, days)
    due = plan.at(plan.due)
    on = f" {days} business day(s) on" if days else ""
    plan.reasons.append(
        rule_reason(
            "sla.end_of_day",
            f"{plan.metric.value}{_which(target)}: registered {plan.text(opened)}, "
            "due at the "
            f"close of the business day{on}, {format_instant(due)}",
            _source(target, "end_of_day"),
            (("days", days), ("due", due)),
        )
    )


def _schedule_by_time(
    plan: _Plan, ticket: Ticket, target: SlaTarget, by: ByTime, opened: int
) -> None:
    engine = plan.engine
    cutoff = clock_time(target.cutoff) if target.cutoff else time.max
    start, moved = _registration(engine, opened, cutoff)
    ordinal = engine.shift_business_day(engine.local_ordinal(start), by.days)
    due = to_us(datetime.combine(date.fromordinal(ordinal), clock_time(by.at), engine.zone))
    while due <= start:  # "by 16:00" once 16:00 has passed (or a `by` before the cutoff)
        ordinal = engine.shift_business_day(ordinal, 1)
        due = to_us(datetime.combine(date.fromordinal(ordinal), clock_time(by.at), engine.zone))
    day = date.fromordinal(ordinal)
    plan.start, plan.due = start, due
    due_at = plan.at(due)
    rule = f"registered {plan.text(opened)}"
    if target.cutoff:
        rule += (
            f", at or after the {target.cutoff} cutoff or outside business hours"
            if moved
            else f", before the {target.cutoff} cutoff"
        )
    plan.reasons.append(
        rule_reason(
            "sla.by_time",
            f"{plan.metric.value}{_which(target)}: {rule}: due by {by.at} on "
            f"{day.strftime('%a %Y-%m-%d')}, "
            f"{format_instant(due_at)}",
            _source(target, "by"),
            (("due", due_at),),
        )
    )


def _schedule_business_time(
    plan: _Plan, ticket: Ticket, rule: _Rule, step: int, what: str, opened: int
) -> None:
    engine, reasons, target = plan.engine, plan.reasons, rule.target
    if rule.cutoff is not None:
        start, moved = _registration(engine, opened, rule.cutoff)
        if moved:
            local = ticket.opened_at.astimezone(engine.zone)
            why = (
                f"at or after the {target.cutoff} cutoff"
                if local.time() >= rule.cutoff
                and engine.owning_business_day(opened, inclusive_close=False)[1]
                else "outside business hours"
            )
            reasons.append(
                rule_reason(
                    "sla.after_cutoff",
                    f"registered {plan.text(opened)}, {why}: treated as "
                    f"registered at {plan.text(start)}, the next opening",
                    _source(target, "cutoff"),
                    (("registered", ticket.opened_at), ("clock_start", plan.at(start))),
                )
            )
    else:
        start = engine.next_open(opened)
    plan.start = start
    compound = plan.metric is Metric.RESOLVE and ticket.kind is TicketKind.COMPOUND
    if compound and target.compound_mode is CompoundMode.SEQUENTIAL:
        plan.parts = tuple(engine.add(start, step * i) for i in range(1, ticket.parts + 1))
        due, plan.budget = plan.parts[-1], step * ticket.parts
    else:
        due, plan.budget = engine.add(start, step), step
        if compound:
            plan.parts = (due,) * ticket.parts
    if target.same_day_cap:
        close = engine.close_of_day(start)
        if due > close:
            reasons.append(
                rule_reason(
                    "sla.same_day_cap",
                    f"registered {plan.text(start)}"
                    + (f" before the {target.cutoff} cutoff" if target.cutoff else "")
                    + f": {what} would end {plan.text(due)}"
                    f"; capped at {plan.text(close)}, the close of that day",
                    _source(target, "same_day_cap"),
                    (("uncapped", plan.at(due)), ("cap", plan.at(close))),
                )
            )
            due, plan.budget = close, engine.between(start, close)
            plan.parts = tuple(min(part, close) for part in plan.parts)
    plan.due = due
    text = f"{plan.metric.value}: {what}"
    if compound:
        text += f" per part, {ticket.parts} part(s) {target.compound_mode.value}"
    text += _which(target)
    if start != opened and rule.cutoff is None:
        text += f"; registered {plan.text(opened)} outside business hours"
    start_at, due_at = plan.at(start), plan.at(due)
    reasons.append(
        rule_reason(
            "sla.business_time"
            if not compound
            else "sla.compound_sequential"
            if target.compound_mode is CompoundMode.SEQUENTIAL
            else "sla.compound_parallel",
            f"{text}; from {plan.text(start)}: due {plan.text(due)}",
            rule.source,
            (("clock_start", start_at), ("due", due_at)),
        )
    )


def _gate(policy: SlaPolicy, ticket: Ticket) -> Reason | None:
    """The reason a ticket is refused before any clock starts, if it is."""
    if not policy.channels.allows(ticket.kind.value, ticket.channel):
        return policy.channels.check(ticket.kind.value, ticket.channel, source="SlaPolicy.channels")
    if ticket.kind not in policy.covered_kinds:
        covered = ", ".join(kind.value for kind in policy.covered_kinds) or "nothing"
        return rule_reason(
            "sla.not_covered",
            f"{policy.name or 'this policy'} does not cover {ticket.kind.value} tickets "
            f"(covered: {covered})",
            "SlaPolicy.covered_kinds",
            (("kind", ticket.kind.value),),
        )
    return None


def _refused_outcome(refused: Reason) -> str:
    """The outcome of a ticket refused before any clock starts, for deadlines and status."""
    return "rejected" if refused.code.startswith("intake.") else "not_covered"


def _plans(policy: SlaPolicy, ticket: Ticket, route: _Route, opened: int) -> tuple[_Plan, _Plan]:
    _, acknowledge, resolve = route
    memos: _Memos = {}
    return (
        _plan(policy, ticket, Metric.ACKNOWLEDGE, acknowledge, opened, memos),
        _plan(policy, ticket, Metric.RESOLVE, resolve, opened, memos),
    )


def _checked(policy: object, ticket: object) -> tuple[SlaPolicy, Ticket]:
    """The arguments every rule takes, checked; and a compound ticket's parts against the
    policy's bound (each part is a deadline to compute)."""
    policy = require(policy, SlaPolicy, "policy")
    ticket = require(ticket, Ticket, "ticket")
    if ticket.parts > policy.max_parts:
        raise InvalidArgumentError(
            f"parts: ticket {ticket.id} has {ticket.parts} parts, more than the policy's "
            f"max_parts ({policy.max_parts}); split the ticket or raise SlaPolicy.max_parts"
        )
    return policy, ticket


def deadlines(policy: SlaPolicy, ticket: Ticket) -> Deadlines:
    """When ``ticket`` must be acknowledged and resolved under ``policy``, and why."""
    policy, ticket = _checked(policy, ticket)
    route = _route(policy, ticket)
    refused = route[0]
    if refused is not None:
        outcome = _refused_outcome(refused)
        return trusted(
            Deadlines,
            outcome=outcome,
            reasons=(refused,),
            ticket_id=ticket.id,
            acknowledge_by=None,
            resolve_by=None,
            parts=(),
            clock_start=None,
        )
    acknowledge, resolve = _plans(policy, ticket, route, to_us(ticket.opened_at))
    start = resolve.start if resolve.start is not None else acknowledge.start
    return trusted(
        Deadlines,
        outcome="scheduled",
        reasons=(*acknowledge.reasons, *resolve.reasons),
        ticket_id=ticket.id,
        acknowledge_by=None if acknowledge.due is None else acknowledge.at(acknowledge.due),
        resolve_by=None if resolve.due is None else resolve.at(resolve.due),
        parts=tuple(resolve.at(part) for part in resolve.parts),
        clock_start=None if start is None else resolve.at(start),
    )


# -- status -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _History:
    """What the events say happened up to ``now`` (instants in µs)."""

    acknowledged_at: int | None = None
    first_resolved_at: int | None = None
    resolved_at: int | None = None  # set while the ticket is resolved
    pauses: list[tuple[int, int | None, str]] = field(default_factory=list)
    resolved_windows: list[tuple[int, int]] = field(default_factory=list)


_EVENT_TYPES = (Acknowledged, Paused, Resumed, Resolved, Reopened)


def _replay(ticket: Ticket, events: Sequence[Event], opened: int, now: int) -> _History:
    """Check the whole event list, then read what happened up to ``now``."""
    history = _History()
    zone = ticket.opened_at.tzinfo or UTC
    paused: tuple[int, str] | None = None
    resolved = False
    previous: int | None = None
    if isinstance(events, str | bytes | Mapping) or not isinstance(events, Iterable):
        raise InvalidArgumentError.not_iterable("events", events, "SLA events")
    for n, event in enumerate(events):
        kind: type[Event] | None = type(event)
        if kind not in _EVENT_TYPES:  # a subclass of an event counts as that event
            kind = next((base for base in _EVENT_TYPES if isinstance(event, base)), None)
            if kind is None:
                raise InvalidEventSequenceError(
                    f"events[{n}]: {shown(event)} is not an SLA event (Acknowledged, Paused, "
                    "Resumed, Resolved or Reopened); read JSON events with parse_events"
                )
        private = event.__pydantic_private__
        at = private.get("_us") if private else None
        if at is None:
            at = to_us(event.at)
        if at < opened:
            raise _bad_event(
                n, event, f"is before the ticket opened at {ticket.opened_at.isoformat()}"
            )
        if previous is not None and at < previous:
            raise _bad_event(
                n,
                event,
                f"is out of order: the event before it is at "
                f"{from_us(previous, zone).isoformat()}; sort events by time",
            )
        previous = at
        applies = at <= now
        if kind is Paused:
            assert isinstance(event, Paused)
            if resolved:
                raise _bad_event(n, event, "a resolved ticket cannot be paused")
            if paused is not None:
                raise _bad_event(
                    n,
                    event,
                    f"already paused since {from_us(paused[0], zone).isoformat()}; resume it first",
                )
            paused = (at, event.reason)
        elif kind is Resumed:
            if paused is None:
                raise _bad_event(n, event, "Resumed without a Paused before it")
            _close_pause(history, paused, at, now)
            paused = None
        elif kind is Resolved:
            if resolved:
                raise _bad_event(n, event, "the ticket is already resolved")
            resolved = True
            if paused is not None:  # resolving ends the wait
                _close_pause(history, paused, at, now)
                paused = None
            if applies:
                history.resolved_at = at
                if history.first_resolved_at is None:
                    history.first_resolved_at = at
        elif kind is Reopened:
            if not resolved:
                raise _bad_event(n, event, "Reopened, but the ticket is not resolved")
            resolved = False
            if applies and history.resolved_at is not None:
                history.resolved_windows.append((history.resolved_at, at))
                history.resolved_at = None
        elif applies and history.acknowledged_at is None:
            history.acknowledged_at = at
    if paused is not None and paused[0] <= now:
        history.pauses.append((paused[0], None, paused[1]))
    return history


def _bad_event(n: int, event: Event, problem: str) -> InvalidEventSequenceError:
    """The error for ``events[n]``, naming the event (built only when raised)."""
    return InvalidEventSequenceError(
        f"events[{n}] ({type(event).__name__} at {event.at.isoformat()})"
        + ("" if problem.startswith("is ") else ":")
        + f" {problem}"
    )


def _close_pause(history: _History, paused: tuple[int, str], end: int, now: int) -> None:
    """Record a pause that ends at ``end``; seen from ``now``, one that began by ``now``
    but ends after it is still running (its end is not known yet)."""
    if end <= now:
        history.pauses.append((paused[0], end, paused[1]))
    elif paused[0] <= now:
        history.pauses.append((paused[0], None, paused[1]))


def _windows(
    plan: _Plan, history: _History, end: int
) -> tuple[list[tuple[int, int]], list[Reason], bool]:
    """The spans that stop this metric's clock, clipped at ``end``; reasons; paused now?"""
    assert plan.target is not None
    target = plan.target
    windows: list[tuple[int, int]] = []
    reasons: list[Reason] = []
    paused_now = False
    for start, stop, why in history.pauses:
        if start > end or (start == end and stop is not None):
            continue  # a pause that begins at ``now`` is running (events at now count)
        if not target.pauses_on(why):
            reasons.append(
                rule_reason(
                    "sla.pause_not_counted",
                    f"the pause from {plan.text(start)} (waiting on {why}) does "
                    f"not stop the {plan.metric.value} clock (it pauses only on "
                    f"{', '.join(target.pause_on)})",
                    _source(target, "pause_on"),
                    (("reason", why),),
                )
            )
            continue
        if stop is None or stop > end:
            paused_now = stop is None
            stop = end
        windows.append((start, stop))
    if plan.metric is Metric.RESOLVE:
        for resolved, reopened in history.resolved_windows:
            if resolved < end:
                windows.append((resolved, min(reopened, end)))
                reasons.append(
                    rule_reason(
                        "sla.reopened",
                        f"resolved {plan.text(resolved)} and reopened "
                        f"{plan.text(reopened)}: the time in between does not "
                        "count",
                        "Reopened",
                        (("resolved", plan.at(resolved)), ("reopened", plan.at(reopened))),
                    )
                )
    windows.sort()
    return windows, reasons, paused_now


def _pause_effect(
    engine: Engine, start: int, due: int, budget: int, windows: list[tuple[int, int]]
) -> tuple[int, int, int]:
    """How the clock-stopping ``windows`` change a metric (SPEC §3.2 pauses).

    The budget is the business time from the clock start to the original due. A pause
    that begins by the due in effect (at it, too: done at the due is still in time)
    stops the clock, and the rest of the budget runs after the pause, so the due moves
    past it; a pause that begins after the due is too late to stop anything. With no
    business time paused before the due and no pause over it, the original due stands
    exactly (it may be a wall-clock promise such as "by 16:00"). So a paused metric never
    breaches while it is paused: a pause that begins exactly as the budget runs out
    stops the clock with nothing left, and the metric is due when the pause ends.

    Returns the due after pauses, the business time paused before it, and the business
    time paused in all (``windows`` are sorted, disjoint and clipped at the metric's end;
    the end of a pause still running is that end).
    """
    remaining, cursor = budget, start
    pushed = total = 0
    current = due  # the due as the pauses so far leave it
    stale = False  # whether ``current`` must be recomputed from cursor and remaining
    pushing = True
    for pause_start, pause_end in windows:
        low = max(pause_start, start)
        if pause_end <= low:
            continue
        paused = engine.between(low, pause_end)
        total += paused
        if not pushing:
            continue
        before = engine.between(cursor, low)
        if before >= remaining:  # the budget is spent by the time this pause begins
            if stale:
                current, stale = engine.add(cursor, remaining), False
            if low > current:  # began after the due: too late to stop the clock
                pushing = False
                continue
            # Began at the due, or in the closed time before it: the clock stops with
            # nothing left, and the due is when the pause ends, if that is later.
            remaining = 0
            pushed += paused
            cursor = pause_end
            if paused or pause_end > current:
                current = pause_end
            continue
        remaining -= before
        pushed += paused
        cursor = pause_end
        if paused:
            stale = True
    return (engine.add(cursor, remaining) if stale else current), pushed, total


def _metric_status(
    policy: SlaPolicy, plan: _Plan, history: _History, opened: int, now: int
) -> tuple[MetricStatus, list[Reason]]:
    metric = plan.metric
    if plan.target is None or plan.due is None or plan.start is None:
        return _NOT_APPLICABLE[metric], []
    engine, target, start = plan.engine, plan.target, plan.start
    if metric is Metric.ACKNOWLEDGE:  # a resolution acknowledges too: whichever came first
        done, first_resolved = history.acknowledged_at, history.first_resolved_at
        if first_resolved is not None and (done is None or first_resolved < done):
            done = first_resolved
    else:
        done = history.resolved_at
    end = done if done is not None else now
    windows, reasons, paused_now = _windows(plan, history, end)
    budget = plan.budget if plan.budget is not None else engine.between(start, plan.due)
    due, moved_by, paused_for = _pause_effect(engine, start, plan.due, budget, windows)
    ran = engine.between(start, end) if end > start else 0
    elapsed = max(ran - paused_for, 0)
    remaining = max(budget - elapsed, 0)
    fraction = _ONE if budget <= 0 else _RATIO.divide(Decimal(elapsed), Decimal(budget))
    warnings = target.warnings if target.warnings is not None else policy.warnings
    crossed = warnings[: bisect_right(warnings, fraction)]  # thresholds are sorted
    label = _LABELS[metric]
    if done is not None:
        state = MetricState.MET if done <= due else MetricState.BREACHED
    elif now > due:
        state = MetricState.BREACHED
    elif paused_now:
        state = MetricState.PAUSED
    else:
        state = MetricState.RUNNING
    due_at = plan.at(due)
    if due != plan.due:
        how = (
            f"{format_duration(timedelta(microseconds=moved_by))} of business time paused"
            if moved_by
            else "a pause that began as the time ran out"
        )
        reasons.append(
            rule_reason(
                "sla.pause_moved_due",
                f"{label}: {how} moves the due from {plan.text(plan.due)} to {plan.text(due)}",
                plan.prefix + ".pause_on",
                (("original_due", plan.at(plan.due)), ("due", due_at)),
            )
        )
    if state is MetricState.MET:
        assert done is not None
        reasons.append(
            rule_reason(
                "sla.met",
                f"{label} met at {plan.text(done)}, due {plan.text(due)}",
                plan.prefix + ".metric",
                (("at", plan.at(done)), ("due", due_at)),
            )
        )
    elif state is MetricState.BREACHED:
        text = (
            f"{label} done at {plan.text(done)}, after the due {plan.text(due)}"
            if done is not None
            else f"{label} due {plan.text(due)} has passed"
        )
        reasons.append(
            rule_reason("sla.breached", text, plan.prefix + ".metric", (("due", due_at),))
        )
    else:
        if state is MetricState.PAUSED:
            since, _, why = history.pauses[-1]
            reasons.append(
                rule_reason(
                    "sla.paused",
                    f"{label} paused since {plan.text(since)} (waiting on {why})",
                    plan.prefix + ".pause_on",
                    (("since", plan.at(since)), ("reason", why)),
                )
            )
        if crossed:
            reasons.append(
                rule_reason(
                    "sla.warning",
                    f"{label}: {_percent(fraction)} of the target used; "
                    f"{format_duration(timedelta(microseconds=remaining))} left "
                    f"(thresholds crossed: {', '.join(_percent(w) for w in crossed)})",
                    "SlaPolicy.warnings" if target.warnings is None else plan.prefix + ".warnings",
                    (("fraction", fraction), ("remaining", timedelta(microseconds=remaining))),
                )
            )
    result = trusted_from(
        MetricStatus,
        {
            "metric": metric,
            "state": state,
            "due_at": due_at,
            "original_due_at": plan.at(plan.due),
            "target": _MICROSECOND * budget,
            "elapsed": _MICROSECOND * elapsed,
            "elapsed_wall": _MICROSECOND * (end - opened),  # the ticket's age
            "remaining": _MICROSECOND * remaining,
            "paused_for": _MICROSECOND * paused_for,
            "fraction_used": fraction,
            "thresholds_crossed": crossed,
            "met_at": plan.at(done) if state is MetricState.MET and done is not None else None,
            "breached_at": due_at if state is MetricState.BREACHED else None,
        },
        _METRIC_STATUS_FIELDS.copy(),
    )
    return result, reasons


# Immutable values, built once: a metric without a target looks the same for every ticket.
_NOT_APPLICABLE = {
    metric: MetricStatus(metric=metric, state=MetricState.NOT_APPLICABLE) for metric in Metric
}


def _percent(fraction: Decimal) -> str:
    return f"{_RATIO.multiply(fraction, Decimal(100)).quantize(Decimal(1), context=_RATIO)}%"


def _not_applicable(metric: Metric) -> MetricStatus:
    return _NOT_APPLICABLE[metric]


def status(policy: SlaPolicy, ticket: Ticket, events: Sequence[Event], now: datetime) -> SlaStatus:
    """Where each metric of ``ticket`` stands at ``now`` (SPEC §3.4).

    Only events at or before ``now`` count, so the same list replays any moment of the
    ticket's history.
    """
    policy, ticket = _checked(policy, ticket)
    at = require_aware(now, "now")
    now_us, opened_us = to_us(at), to_us(ticket.opened_at)
    if now_us < opened_us:
        raise InvalidEventSequenceError(
            f"now: {at.isoformat()} is before the ticket opened at {ticket.opened_at.isoformat()}"
        )
    history = _replay(ticket, events, opened_us, now_us)
    route = _route(policy, ticket)
    refused = route[0]
    if refused is not None:
        return trusted(
            SlaStatus,
            outcome=_refused_outcome(refused),
            reasons=(refused,),
            ticket_id=ticket.id,
            kind=ticket.kind,
            at=at,
            acknowledge=_not_applicable(Metric.ACKNOWLEDGE),
            resolve=_not_applicable(Metric.RESOLVE),
        )
    reasons: list[Reason] = []
    results: list[MetricStatus] = []
    for plan in _plans(policy, ticket, route, opened_us):
        result, extra = _metric_status(policy, plan, history, opened_us, now_us)
        reasons.extend(plan.reasons)
        reasons.extend(extra)
        results.append(result)
    states = (results[0].state, results[1].state)
    if MetricState.BREACHED in states:
        outcome = "breached"
    elif results[1].state is MetricState.NOT_APPLICABLE and any(
        reason.code == "sla.awaiting_estimate" for reason in reasons
    ):
        outcome = "awaiting_estimate"  # not done: the resolve clock has not been set yet
    elif results[1].state is MetricState.MET:
        outcome = "met"
    elif MetricState.PAUSED in states:
        outcome = "paused"
    elif MetricState.RUNNING in states:
        outcome = "running"
    else:
        outcome = "met" if MetricState.MET in states else "not_applicable"
    return trusted_from(
        SlaStatus,
        {
            "outcome": outcome,
            "reasons": tuple(reasons),
            "ticket_id": ticket.id,
            "kind": ticket.kind,
            "at": at,
            "acknowledge": results[0],
            "resolve": results[1],
        },
    )


# -- queue helpers ------------------------------------------------------------------------------


def at_risk(items: Iterable[QueueItem], now: datetime, within: timedelta) -> list[AtRisk]:
    """Running metrics that breach within ``within`` of business time, soonest first.

    Paused metrics cannot breach while paused and breached ones are past risk, so
    neither is listed; ``items`` are ``(policy, ticket, events)`` triples.
    """
    if not isinstance(within, timedelta):
        raise InvalidDurationError.for_field("within", within)
    found: list[AtRisk] = []
    for n, item in enumerate(items_of(items, "items", "(policy, ticket, events) triples")):
        if not isinstance(item, tuple) or len(item) != 3:
            raise InvalidArgumentError(
                f"items[{n}]: {shown(item)} is not a (policy, ticket, events) triple"
            )
        policy, ticket, events = item
        current = status(policy, ticket, events, now)
        for result in (current.acknowledge, current.resolve):
            if (
                result.state is MetricState.RUNNING
                and result.remaining is not None
                and result.due_at is not None
                and result.remaining <= within
            ):
                found.append(
                    AtRisk(
                        ticket_id=ticket.id,
                        metric=result.metric,
                        due_at=result.due_at,
                        remaining=result.remaining,
                        status=current,
                    )
                )
    found.sort(key=lambda risk: (risk.due_at, risk.ticket_id, risk.metric.value))
    return found


def compliance(statuses: Iterable[SlaStatus]) -> ComplianceReport:
    """Met and breached counts and rates per kind and metric, like helpdesk SLA reports.

    ``rate`` is met / (met + breached); running and paused metrics are counted as
    ``open`` and not in the rate; not-applicable metrics are left out.
    """
    counts: dict[tuple[TicketKind | None, Metric], list[int]] = {}
    for n, current in enumerate(items_of(statuses, "statuses", "SLA statuses")):
        require(current, SlaStatus, f"statuses[{n}]")
        for result in (current.acknowledge, current.resolve):
            if result.state is MetricState.NOT_APPLICABLE:
                continue
            column = {MetricState.MET: 0, MetricState.BREACHED: 1}.get(result.state, 2)
            for kind in (current.kind, None):
                counts.setdefault((kind, result.metric), [0, 0, 0])[column] += 1

    def row(
        kind: TicketKind | None, metric: Metric, met: int, breached: int, open_: int
    ) -> ComplianceRow:
        decided = met + breached
        rate = _RATIO.divide(Decimal(met), Decimal(decided)) if decided else None
        return ComplianceRow(
            kind=kind, metric=metric, met=met, breached=breached, open=open_, rate=rate
        )

    rows = sorted(
        (row(kind, metric, *c) for (kind, metric), c in counts.items() if kind is not None),
        key=lambda r: (str(r.kind), r.metric.value),
    )
    totals = sorted(
        (row(kind, metric, *c) for (kind, metric), c in counts.items() if kind is None),
        key=lambda r: r.metric.value,
    )
    return ComplianceReport(rows=tuple(rows), totals=tuple(totals))
