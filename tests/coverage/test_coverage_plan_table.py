"""SPEC §4 plan table, cell by cell, and the presets as data."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from supportrules.coverage import (
    CoverageOutcome,
    CoveragePolicy,
    RequestKind,
    SupportContract,
    SupportRequest,
    Treatment,
    classify,
)
from supportrules.presets.invantive import invantive_standard_contract
from supportrules.presets.onebox_support import onebox_free_plan, onebox_paid_plan

MakeRequest = Callable[..., SupportRequest]
MakeContract = Callable[..., SupportContract]

PRESETS: dict[str, Callable[[], CoveragePolicy]] = {
    "free": onebox_free_plan,
    "paid": onebox_paid_plan,
    "standard": invantive_standard_contract,
}

# SPEC §4, one row per request kind; columns: free plan, paid plan, standard contract.
PLAN_TABLE: dict[str, tuple[str, str, str]] = {
    "bug": ("covered", "covered", "covered"),
    "consultation": ("requires_paid_plan", "covered", "covered"),
    "upgrade": ("covered", "covered", "covered"),
    "configuration_howto": ("requires_paid_plan", "covered", "advisory"),
    "implementation_question": ("requires_paid_plan", "covered", "advisory"),
    "modification": ("requires_paid_plan", "billable", "advisory"),
}
CELLS = [
    pytest.param(kind, plan, expected, id=f"{kind}-on-{plan}-is-{expected}")
    for kind, row in PLAN_TABLE.items()
    for plan, expected in zip(("free", "paid", "standard"), row, strict=True)
]
PLAN_REASON = {
    "covered": "coverage.plan_covers",
    "billable": "coverage.plan_billable",
    "advisory": "coverage.plan_advisory",
    "requires_paid_plan": "coverage.plan_requires_paid_plan",
}


class TestPlanTable:
    def test_the_table_has_every_kind(self) -> None:
        assert set(PLAN_TABLE) == {kind.value for kind in RequestKind}
        assert len(CELLS) == 18

    @pytest.mark.parametrize(("kind", "plan", "expected"), CELLS)
    def test_each_cell_of_spec_4_is_the_outcome_of_a_complete_request(
        self,
        kind: str,
        plan: str,
        expected: str,
        make_request: MakeRequest,
        make_contract: MakeContract,
    ) -> None:
        policy = PRESETS[plan]()
        decision = classify(make_request(kind), make_contract(plan), policy)
        assert decision.outcome == CoverageOutcome(expected)
        assert decision.treatment == Treatment(expected)
        assert decision.has(PLAN_REASON[expected])
        reason = decision.reason(PLAN_REASON[expected])
        assert reason is not None
        assert reason.source == "CoveragePolicy.plan_table"

    @pytest.mark.parametrize(("kind", "plan", "expected"), CELLS)
    def test_the_preset_table_matches_spec_4(self, kind: str, plan: str, expected: str) -> None:
        assert PRESETS[plan]().treatment_for(kind) == Treatment(expected)

    @pytest.mark.parametrize("plan", ["free", "paid", "standard"])
    def test_an_inactive_contract_turns_every_kind_into_advisory(
        self, plan: str, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        expired = make_contract(plan, periods=[("2025-01-01", "2025-12-31")])
        for kind in RequestKind:
            decision = classify(make_request(kind.value), expired, PRESETS[plan]())
            assert decision.outcome is CoverageOutcome.ADVISORY, kind
            assert decision.treatment is None or decision.treatment is Treatment.ADVISORY


class TestPresetsAsData:
    @pytest.mark.parametrize("plan", ["free", "paid", "standard"])
    def test_every_preset_round_trips_through_json(self, plan: str) -> None:
        policy = PRESETS[plan]()
        assert CoveragePolicy.model_validate_json(policy.model_dump_json()) == policy

    @pytest.mark.parametrize("plan", ["free", "paid", "standard"])
    def test_the_plan_table_is_a_json_object_keyed_by_kind(self, plan: str) -> None:
        data = json.loads(PRESETS[plan]().model_dump_json())
        column = ("free", "paid", "standard").index(plan)
        assert data["plan_table"] == {kind: row[column] for kind, row in PLAN_TABLE.items()}
        assert data["required_fields"]["bug"] == [
            "customer",
            "product",
            "description",
            "version",
            "steps_to_reproduce",
        ]

    def test_the_policy_exports_a_json_schema(self) -> None:
        schema = CoveragePolicy.model_json_schema()
        json.dumps(schema)
        assert {"plan", "plan_table", "required_fields", "channels", "tracker"} <= set(
            schema["properties"]
        )

    @pytest.mark.parametrize("plan", ["free", "paid", "standard"])
    def test_each_preset_is_a_fresh_policy_that_names_its_seed(self, plan: str) -> None:
        policy = PRESETS[plan]()
        assert policy == PRESETS[plan]()
        assert policy.plan == plan
        assert policy.source is not None
        assert ("seed 002" if plan == "standard" else "seed 001") in policy.source

    def test_a_preset_is_changed_with_replace(self) -> None:
        stricter = onebox_paid_plan().replace(
            plan_table={**dict(onebox_paid_plan().plan_table), "modification": "advisory"}
        )
        assert stricter.treatment_for("modification") is Treatment.ADVISORY
        assert onebox_paid_plan().treatment_for("modification") is Treatment.BILLABLE
