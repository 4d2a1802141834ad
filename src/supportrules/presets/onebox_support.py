"""OneBox support services (seed 001, Ukrainian: "Опис послуг підтримки").

Seed 001 describes the support OneBox offers after an implementation: general technical
support in two kinds, **paid** ("Платна": simple tasks and consultations within 12
working hours, bugs registered before 16:00 fixed within 8 working hours and not later
than the same day, modifications by an estimate given at final acceptance) and **free**
("Безкоштовна": bugs only, on the same terms); the Individual Support Manager service,
priced by a project-complexity formula; and training the customer's own administrator.

This module holds the policies of that document: the SLAs (``onebox_free_support``,
``onebox_paid_support``, SPEC §3.3) and the coverage tables (``onebox_free_plan``,
``onebox_paid_plan``, SPEC §4). Each function builds a fresh policy whose defaults are
the seed's figures and tables; change any of them with ``policy.replace(...)``.

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
from supportrules.coverage import CoveragePolicy
from supportrules.sla import SlaPolicy, SlaTarget, TicketKind

__all__ = [
    "onebox_free_plan",
    "onebox_free_support",
    "onebox_paid_plan",
    "onebox_paid_support",
]


def onebox_free_plan() -> CoveragePolicy:
    """Coverage on OneBox's free technical support (seed 001, SPEC §4 "free plan").

    Seed 001: "При наявності послуги безкоштовної технічної підтримки вирішуються тільки
    завдання типу "баг". Навіть якщо Вам необхідно виконати платну доопрацювання (оцінку
    доопрацювання) для її виконання необхідно придбати послугу платною технічної
    підтримки або індивідуального менеджера." (With free support only bugs are handled;
    even a paid modification, or its estimate, needs paid support or an individual
    manager first.) So bugs are covered, new versions come with the product, and every
    other kind ``requires_paid_plan``. Channels: all (SPEC §3.3).

    >>> policy = onebox_free_plan()
    >>> policy.kinds_with("covered")
    (<RequestKind.BUG: 'bug'>, <RequestKind.UPGRADE: 'upgrade'>)
    >>> policy.treatment_for("modification")
    <Treatment.REQUIRES_PAID_PLAN: 'requires_paid_plan'>
    """
    return CoveragePolicy(
        name="OneBox free technical support",
        plan="free",
        plan_table={
            # "вирішуються тільки завдання типу "баг"": bugs only.
            "bug": "covered",
            "consultation": "requires_paid_plan",
            # SPEC §4: new versions are part of every plan.
            "upgrade": "covered",
            "configuration_howto": "requires_paid_plan",
            "implementation_question": "requires_paid_plan",
            # "для її виконання необхідно придбати послугу платною технічної підтримки".
            "modification": "requires_paid_plan",
        },
        # SPEC §4 step 1: a bug report needs the version and the steps to reproduce.
        required_fields={
            "bug": ["customer", "product", "description", "version", "steps_to_reproduce"],
        },
        source="seed 001, OneBox support services: free technical support",
    )


def onebox_paid_plan() -> CoveragePolicy:
    """Coverage on OneBox's paid technical support (seed 001, SPEC §4 "paid plan").

    Seed 001, "Платна": "просте завдання (консультації)", "Баг" and "Доопрацювання
    (термін рішення залежить від ємності доопрацювання і буде вказано фахівцем при
    остаточному прийнятті завдання)". Consultations, configuration and implementation
    questions and bugs are covered; a modification is accepted but ``billable``, by
    programmer hours estimated at acceptance. Channels: all (SPEC §3.3).

    >>> policy = onebox_paid_plan()
    >>> policy.kinds_with("billable")
    (<RequestKind.MODIFICATION: 'modification'>,)
    >>> policy.treatment_for("configuration_howto")
    <Treatment.COVERED: 'covered'>
    """
    return CoveragePolicy(
        name="OneBox paid technical support",
        plan="paid",
        plan_table={
            "bug": "covered",
            # "просте завдання (консультації)": simple tasks and consultations.
            "consultation": "covered",
            "upgrade": "covered",
            # Seed 001: 95 % of questions are consultations or recommendations, which the
            # paid service answers, including how to set OneBox up.
            "configuration_howto": "covered",
            "implementation_question": "covered",
            # "Доопрацювання": customisation, paid by programmer hours (SPEC §3.1).
            "modification": "billable",
        },
        required_fields={
            "bug": ["customer", "product", "description", "version", "steps_to_reproduce"],
        },
        source="seed 001, OneBox support services: paid technical support",
    )


# -- SLA (SPEC §3.3) ------------------------------------------------------------------

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
