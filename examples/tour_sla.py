"""Tour, section 2: SLA deadlines, live status and queue helpers (SPEC §3).

Run it on its own (``python examples/tour_sla.py``) or through ``examples/tour.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from supportrules import BusinessCalendar
from supportrules.explain import format_duration, format_instant
from supportrules.presets import onebox_paid_support, onebox_partner_support_manager
from supportrules.sla import (
    Acknowledged,
    Paused,
    Resolved,
    Resumed,
    SlaEvent,
    SlaPolicy,
    Ticket,
    at_risk,
    compliance,
)

KYIV = ZoneInfo("Europe/Kyiv")


def kyiv(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant in November 2026, Kyiv time (2026-11-16 is a Monday)."""
    return datetime(2026, 11, day, hour, minute, tzinfo=KYIV)


def main() -> None:
    """Print the SPEC §3.5 examples, a live status with a pause, and a small queue."""
    print("== SLA: when is a ticket due, and is it at risk? ==\n")
    k = BusinessCalendar.standard("Europe/Kyiv", "09:00-18:00")
    paid = onebox_paid_support(k)
    psm = onebox_partner_support_manager(k)
    print(f"Calendar K = {k!r}")
    print(f"Presets: {paid.name!r} (seed 001) and {psm.name!r} (seed 004)\n")

    examples: list[tuple[str, SlaPolicy, Ticket]] = [
        ("bug, Wed 15:30 (paid)", paid, Ticket(id="1", kind="bug", opened_at=kyiv(18, 15, 30))),
        ("bug, Wed 09:15 (paid)", paid, Ticket(id="2", kind="bug", opened_at=kyiv(18, 9, 15))),
        ("bug, Wed 16:30 (paid)", paid, Ticket(id="3", kind="bug", opened_at=kyiv(18, 16, 30))),
        ("bug, Sat 11:00 (paid)", paid, Ticket(id="4", kind="bug", opened_at=kyiv(21, 11))),
        (
            "consultation, Wed 15:30 (paid)",
            paid,
            Ticket(id="5", kind="consultation", opened_at=kyiv(18, 15, 30)),
        ),
        (
            "consultation, Wed 17:30 (PSM)",
            psm,
            Ticket(id="6", kind="consultation", opened_at=kyiv(18, 17, 30)),
        ),
        (
            "critical_bug, Fri 16:00 (PSM)",
            psm,
            Ticket(id="7", kind="critical_bug", opened_at=kyiv(20, 16)),
        ),
        (
            "modification, estimate 20 h, Mon 10:00 (PSM)",
            psm,
            Ticket(
                id="8", kind="modification", opened_at=kyiv(16, 10), estimate=timedelta(hours=20)
            ),
        ),
        (
            "consultation by phone (PSM)",
            psm,
            Ticket(id="9", kind="consultation", opened_at=kyiv(18, 10), channel="phone"),
        ),
    ]
    print("SPEC §3.5, the worked examples:")
    for title, policy, ticket in examples:
        result = policy.deadlines(ticket)
        due = "; ".join(
            f"{label} {format_instant(instant)}"
            for label, instant in (
                ("acknowledge by", result.acknowledge_by),
                ("resolve by", result.resolve_by),
            )
            if instant is not None
        )
        print(f"\n* {title}: {due or result.outcome}")
        print(f"  {result.explain()}")

    print("\nA live status: the modification waits on production Tue 11:00 - Wed 15:00")
    job = examples[7][2]
    events: list[SlaEvent] = [Acknowledged(at=kyiv(16, 10, 20))]
    timeline: list[tuple[datetime, SlaEvent | None]] = [
        (kyiv(16, 17), None),
        (kyiv(17, 14), Paused(at=kyiv(17, 11), reason="production")),
        (kyiv(18, 15), Resumed(at=kyiv(18, 15))),
        (kyiv(19, 15), None),
        (kyiv(19, 16), Resolved(at=kyiv(19, 16))),
    ]
    for now, happened in timeline:
        if happened is not None:
            events.append(happened)  # a service passes the events it has so far
        status = psm.status(job, events, now)
        resolve = status.resolve
        assert resolve.due_at is not None
        assert resolve.remaining is not None
        assert resolve.fraction_used is not None
        print(
            f"  {now:%a %H:%M}  {resolve.state.value:8} due {format_instant(resolve.due_at)}"
            f"  used {resolve.fraction_used:4.0%}  left {format_duration(resolve.remaining)}"
        )
    moved = psm.status(job, events, kyiv(19, 15)).reason("sla.pause_moved_due")
    if moved is not None:
        print(f"  why: {moved.message}")

    print("\nThe queue at Wed 2026-11-18 16:00: what breaches within 2 business hours?")
    now = kyiv(18, 16)
    queue: list[tuple[SlaPolicy, Ticket, Sequence[SlaEvent]]] = [
        (
            psm,
            Ticket(id="A", kind="consultation", opened_at=kyiv(18, 9, 30)),
            [Acknowledged(at=kyiv(18, 9, 45))],
        ),
        (
            psm,
            Ticket(id="B", kind="critical_bug", opened_at=kyiv(18, 14)),
            [Acknowledged(at=kyiv(18, 14, 10))],
        ),
        (
            psm,
            Ticket(id="C", kind="consultation", opened_at=kyiv(18, 10)),
            [Acknowledged(at=kyiv(18, 10, 5)), Paused(at=kyiv(18, 15))],
        ),
        (
            psm,
            Ticket(id="D", kind="critical_bug", opened_at=kyiv(18, 10)),
            [Acknowledged(at=kyiv(18, 10, 5))],
        ),
        (psm, Ticket(id="E", kind="consultation", opened_at=kyiv(18, 15, 30)), []),
        (paid, Ticket(id="F", kind="bug", opened_at=kyiv(18, 15, 30)), []),
    ]
    for risk in at_risk(queue, now, timedelta(hours=2)):
        print(
            f"  {risk.ticket_id} {risk.metric.value:11} due {format_instant(risk.due_at)}"
            f"  left {format_duration(risk.remaining)}"
        )
    print("  (C is paused, D already breached: neither is listed)")

    print("\nCompliance of that queue (met / breached / open, rate):")
    report = compliance(policy.status(ticket, events, now) for policy, ticket, events in queue)
    for row in (*report.rows, *report.totals):
        kind = row.kind.value if row.kind is not None else "all kinds"
        rate = "-" if row.rate is None else f"{row.rate:.0%}"
        print(f"  {kind:13} {row.metric.value:11} {row.met} / {row.breached} / {row.open}  {rate}")


if __name__ == "__main__":
    main()
