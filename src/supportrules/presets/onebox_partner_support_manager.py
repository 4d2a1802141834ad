"""OneBox "Partner Support Manager" (seed 004, Russian): the SLA of the service.

Seed 004, "Как работает услуга": tasks arrive through the partner's OneBox, the client
area, e-mail, or the phone — the phone only for critical errors of the system; a task is
processed (taken into work, its deadline shown) within 1 hour; a simple task is solved
within 8 working hours, a compound one is several simple tasks of at most 1 hour of
specialist work each, a critical error ("BUG") within 3 working hours, and a
modification within the estimate fixed at acceptance, extended while the vendor's
production department is consulted.

>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> from supportrules import BusinessCalendar
>>> from supportrules.sla import Ticket
>>> psm = onebox_partner_support_manager(BusinessCalendar.standard("Europe/Kyiv"))
>>> d = psm.deadlines(Ticket(id="T-7", kind="consultation",
...     opened_at=datetime(2026, 11, 18, 17, 30, tzinfo=ZoneInfo("Europe/Kyiv"))))
>>> print(d.acknowledge_by, d.resolve_by)
2026-11-19 09:30:00+02:00 2026-11-19 16:30:00+02:00
"""

from __future__ import annotations

from datetime import timedelta

from supportrules.calendars import BusinessCalendar
from supportrules.channels import Channel, ChannelRule
from supportrules.sla import SlaPolicy, SlaTarget, TicketKind

__all__ = ["onebox_partner_support_manager"]

# Source: seed 004 — "Обработка задачи происходит в течении 1-го часа после постановки".
ACKNOWLEDGE_WITHIN = timedelta(hours=1)
# Source: seed 004 — "простая (срок решения до 8-ми рабочих часов)".
SIMPLE_TASK = timedelta(hours=8)
# Source: seed 004 — "BUG (критическая ошибка работы системы, срок решения до 3-х рабочих часов)".
CRITICAL_BUG = timedelta(hours=3)
# Source: seed 004 — "Телефон (только критические ошибки системы)".
PHONE_ONLY_FOR = (TicketKind.CRITICAL_BUG,)
WRITTEN_CHANNELS = (Channel.PORTAL, Channel.CLIENT_AREA, Channel.EMAIL)


def onebox_partner_support_manager(calendar: BusinessCalendar) -> SlaPolicy:
    """The Partner Support Manager SLA on ``calendar`` (seed 004).

    - acknowledge every ticket within 1 working hour;
    - consultation (a simple task) and bug: resolve within 8 working hours;
    - critical_bug: 3 working hours;
    - compound: 8 working hours per part, parts in parallel (each part is at most one
      hour of specialist work, so eight fit the simple-task target);
    - modification: the estimate fixed at acceptance; every pause (waiting on the
      production department, or on the partner) stops the clock;
    - the phone is accepted for critical errors only; anything else by phone is
      rejected at intake.
    """
    everything = tuple(TicketKind)
    return SlaPolicy(
        name="OneBox Partner Support Manager",
        source="seed 004: OneBox Partner Support Manager",
        calendar=calendar,
        channels=ChannelRule(
            allowed={kind.value: tuple(Channel) for kind in PHONE_ONLY_FOR},
            default=WRITTEN_CHANNELS,
        ),
        targets=(
            SlaTarget.business_time(
                "acknowledge", everything, ACKNOWLEDGE_WITHIN, name="taken into work"
            ),
            SlaTarget.business_time(
                "resolve", ["consultation", "bug"], SIMPLE_TASK, name="simple task"
            ),
            SlaTarget.business_time("resolve", ["critical_bug"], CRITICAL_BUG, name="critical"),
            SlaTarget.business_time("resolve", ["compound"], SIMPLE_TASK, name="compound"),
            SlaTarget.estimate(["modification"], name="modification"),
        ),
    )
