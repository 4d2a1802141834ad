"""OneBox support services (seed 001, Ukrainian: "Опис послуг підтримки").

Seed 001 describes the support OneBox offers after an implementation: general technical
support in two kinds, **paid** ("Платна": simple tasks and consultations within 12
working hours, bugs registered before 16:00 fixed within 8 working hours and not later
than the same day, modifications by an estimate given at final acceptance) and **free**
("Безкоштовна": bugs only, on the same terms); the Individual Support Manager service,
priced by a project-complexity formula; and training the customer's own administrator.

This module holds the policies of that document. Each function builds a fresh policy
whose defaults are the seed's figures and tables; change any of them with
``policy.replace(...)``.
"""

from __future__ import annotations

from supportrules.coverage import CoveragePolicy

__all__ = ["onebox_free_plan", "onebox_paid_plan"]


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
