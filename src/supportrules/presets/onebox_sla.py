"""OneBox technical support (seed 001, Ukrainian): the SLAs of the free and paid plans.

Seed 001, "Які види підтримки бувають?": the *paid* plan solves a simple task
(consultation) within 12 working hours; a bug registered before 16:00 within 8 working
hours of registration "and not later than the current day"; a modification within the
time the specialist states at final acceptance. The *free* plan solves only bugs, on the
same terms.

>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> from supportrules import BusinessCalendar
>>> from supportrules.sla import Ticket
>>> paid = onebox_paid_support(BusinessCalendar.standard("Europe/Kyiv"))
>>> print(paid.deadlines(Ticket(id="T-1", kind="bug",
...     opened_at=datetime(2026, 11, 18, 16, 30, tzinfo=ZoneInfo("Europe/Kyiv")))).resolve_by)
2026-11-19 17:00:00+02:00
"""

from __future__ import annotations

from datetime import timedelta

from supportrules.calendars import BusinessCalendar
from supportrules.sla import SlaPolicy, SlaTarget, TicketKind

__all__ = ["onebox_free_support", "onebox_paid_support"]

# Source: seed 001 — "Баг (завдання поставлені до 16:00, усуваються протягом 8-ми робочих
# годин з моменту постановки завдання і не пізніше поточного дня)".
BUG_TARGET = timedelta(hours=8)
BUG_CUTOFF = "16:00"
# Source: seed 001 — "просте завдання (консультації) (термін рішення до 12-ти робочих годин)".
SIMPLE_TASK = timedelta(hours=12)
# Source: seed 001 — "вирішуються тільки завдання типу «баг»" (free plan).
FREE_COVERS = (TicketKind.BUG, TicketKind.CRITICAL_BUG)


def _bug_target() -> SlaTarget:
    return SlaTarget.business_time(
        "resolve",
        [TicketKind.BUG, TicketKind.CRITICAL_BUG],
        BUG_TARGET,
        cutoff=BUG_CUTOFF,
        same_day_cap=True,
        name="bug",
    )


def onebox_free_support(calendar: BusinessCalendar) -> SlaPolicy:
    """The free OneBox support plan on ``calendar`` (seed 001).

    Only bugs (and critical bugs, which are bugs) are covered: registered before 16:00
    on a business day, due within 8 working hours and not later than that day's close;
    at or after 16:00, or on a closed day, counted from the next opening. Every other
    kind is ``not_covered`` (the seed: even an estimate of a modification needs the
    paid plan). No acknowledge target: the seed sets none.
    """
    return SlaPolicy(
        name="OneBox free support",
        source="seed 001: OneBox support, free plan",
        calendar=calendar,
        covered_kinds=FREE_COVERS,
        targets=(_bug_target(),),
    )


def onebox_paid_support(calendar: BusinessCalendar) -> SlaPolicy:
    """The paid OneBox support plan on ``calendar`` (seed 001).

    - consultation (a simple task): 12 working hours;
    - bug and critical_bug: 8 working hours, cutoff 16:00, not later than the day's close;
    - compound: 12 working hours per part (each part is a simple task), in parallel;
    - modification: the estimate fixed at acceptance (none yet: no deadline yet).
    """
    return SlaPolicy(
        name="OneBox paid support",
        source="seed 001: OneBox support, paid plan",
        calendar=calendar,
        targets=(
            _bug_target(),
            SlaTarget.business_time("resolve", ["consultation"], SIMPLE_TASK, name="simple task"),
            SlaTarget.business_time("resolve", ["compound"], SIMPLE_TASK, name="compound"),
            SlaTarget.estimate(["modification"], name="modification"),
        ),
    )
