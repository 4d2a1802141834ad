"""Invantive's support procedure (seed 002, Dutch: "Aanpassing support procedure voor meer
grip op je budget").

A support contract gives the right to use new versions and to report problems with the
software; questions that need knowledge of the customer's own implementation, or "how
do I set the software up so that...", are work for implementation consultants, outside
the standard contract and invoiced monthly. The duty support manager first checks that
a request is complete, then whether the contract covers it; if not, it is converted
into a request for advisory services and the customer receives a proposal. The tracker
shows which: category "Call" with status "New" (not yet accepted), "Call" with
"Approved" or anything else (accepted), any other category (advisory).
"""

from __future__ import annotations

from supportrules.coverage import CoveragePolicy, TrackerConvention

__all__ = ["invantive_standard_contract"]


def invantive_standard_contract() -> CoveragePolicy:
    """Coverage under Invantive's standard support contract (seed 002, SPEC §4).

    Seed 002: "Hiermee hou je recht om een nieuwe versie van de software te mogen
    gebruiken. Bovendien kun je problemen met de software melden bij Invantive." (new
    versions and software problems: ``covered``); "vragen die kennis vereisen van de
    implementatie bij het bedrijf of vragen die betrekking hebben op: "Hoe stel ik de
    software zo in dat…". Dergelijke vragen zijn werk voor implementatieconsultants. De
    kosten voor dergelijke vragen worden niet gedekt door het standaard support contract."
    (implementation and configuration questions: ``advisory``). Modifications are
    consultants' work too (``advisory``); how-to-use consultations are covered (SPEC §4).
    The tracker follows the seed's categories and statuses.

    >>> policy = invantive_standard_contract()
    >>> policy.kinds_with("advisory")  # doctest: +NORMALIZE_WHITESPACE
    (<RequestKind.CONFIGURATION_HOWTO: 'configuration_howto'>,
     <RequestKind.IMPLEMENTATION_QUESTION: 'implementation_question'>,
     <RequestKind.MODIFICATION: 'modification'>)
    >>> policy.tracker.state_for("covered")
    TrackerState(category='Call', status='Approved')
    """
    return CoveragePolicy(
        name="Invantive standard support contract",
        plan="standard",
        plan_table={
            # "problemen met de software melden": software problems.
            "bug": "covered",
            # SPEC §4: how to use the software is covered.
            "consultation": "covered",
            # "recht om een nieuwe versie van de software te mogen gebruiken".
            "upgrade": "covered",
            # "Hoe stel ik de software zo in dat…": implementation consultants' work.
            "configuration_howto": "advisory",
            # "vragen die kennis vereisen van de implementatie bij het bedrijf".
            "implementation_question": "advisory",
            # Customisation is consultants' work as well (SPEC §4).
            "modification": "advisory",
        },
        # "controleert ... eerst of het verzoek compleet is" (SPEC §4 step 1 defaults).
        required_fields={
            "bug": ["customer", "product", "description", "version", "steps_to_reproduce"],
        },
        # "Indien dit niet het geval is, dan wordt het support verzoek omgezet in een
        # verzoek tot levering van adviesdiensten": without coverage, advisory.
        without_contract="advisory",
        # "Categorie is "Call" en status is "New" / "Approved"; anders dan "Call"".
        tracker=TrackerConvention(
            call_category="Call",
            new_status="New",
            approved_status="Approved",
            advisory_category="Advisory",
        ),
        source="seed 002, Invantive support procedure: standard support contract",
    )
