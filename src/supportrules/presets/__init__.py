"""Policies of the published seed documents, one module per source.

Every number a seed gives is a default of a policy object here, never a constant in
the rules: another vendor runs the same rules with its own numbers.

- :mod:`.onebox_support` (seed 001): OneBox free and paid support — SLAs and coverage.
- :mod:`.invantive` (seed 002): the Invantive standard support contract — coverage.
- :mod:`.onebox_partner_support_manager` (seed 004): OneBox Partner Support Manager — SLA.
"""

from supportrules.presets.invantive import invantive_standard_contract
from supportrules.presets.onebox_partner_support_manager import onebox_partner_support_manager
from supportrules.presets.onebox_support import (
    onebox_free_plan,
    onebox_free_support,
    onebox_paid_plan,
    onebox_paid_support,
)

__all__ = [
    "invantive_standard_contract",
    "onebox_free_plan",
    "onebox_free_support",
    "onebox_paid_plan",
    "onebox_paid_support",
    "onebox_partner_support_manager",
]
