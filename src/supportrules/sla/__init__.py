"""SLA engine: policies, deadlines, pauses, live status and queue helpers (SPEC §3).

>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> from supportrules import BusinessCalendar, presets
>>> policy = presets.onebox_paid_support(BusinessCalendar.standard("Europe/Kyiv"))
>>> ticket = Ticket(id="T-1", kind="bug",
...                 opened_at=datetime(2026, 11, 18, 15, 30, tzinfo=ZoneInfo("Europe/Kyiv")))
>>> print(policy.deadlines(ticket).resolve_by)
2026-11-18 18:00:00+02:00
"""

from supportrules.sla._model import (
    DEFAULT_WARNINGS,
    Acknowledged,
    AtRisk,
    ByTime,
    CalendarSource,
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
    SlaEvent,
    SlaPolicy,
    SlaStatus,
    SlaTarget,
    Ticket,
    TicketKind,
    parse_events,
)
from supportrules.sla._rules import QueueItem, at_risk, compliance, deadlines, status

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
    "QueueItem",
    "Reopened",
    "Resolved",
    "Resumed",
    "SlaEvent",
    "SlaPolicy",
    "SlaStatus",
    "SlaTarget",
    "Ticket",
    "TicketKind",
    "at_risk",
    "compliance",
    "deadlines",
    "parse_events",
    "status",
]
