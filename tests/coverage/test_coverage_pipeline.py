"""SPEC §4 pipeline: completeness, channel, contract, plan table, in that order."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from supportrules.channels import ChannelRule
from supportrules.coverage import (
    CoverageOutcome,
    CoveragePolicy,
    RequestField,
    RequestKind,
    SupportContract,
    SupportRequest,
    TrackerState,
    classify,
    policy_for_plan,
)
from supportrules.errors import UnknownValueError
from supportrules.presets.invantive import invantive_standard_contract
from supportrules.presets.onebox_support import onebox_free_plan, onebox_paid_plan

MakeRequest = Callable[..., SupportRequest]
MakeContract = Callable[..., SupportContract]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
KYIV = ZoneInfo("Europe/Kyiv")
NEW_CALL = TrackerState(category="Call", status="New")
APPROVED_CALL = TrackerState(category="Call", status="Approved")
ADVISORY = TrackerState(category="Advisory", status="New")

BUG_FIELDS = ("customer", "product", "description", "version", "steps_to_reproduce")
OTHER_FIELDS = ("customer", "product", "description")
REQUIRED = [
    pytest.param(kind.value, field, id=f"{kind.value}-without-{field}")
    for kind in RequestKind
    for field in (BUG_FIELDS if kind is RequestKind.BUG else OTHER_FIELDS)
]
NOT_REQUIRED = [
    pytest.param(kind.value, field, id=f"{kind.value}-without-{field}")
    for kind in RequestKind
    if kind is not RequestKind.BUG
    for field in ("version", "steps_to_reproduce")
]


def on(year: int, month: int, day: int, hour: int = 10, zone: ZoneInfo = AMSTERDAM) -> datetime:
    return datetime(year, month, day, hour, tzinfo=zone)


class TestCompleteness:
    @pytest.mark.parametrize(("kind", "field"), REQUIRED)
    def test_a_request_without_a_required_field_is_incomplete(
        self, kind: str, field: str, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        decision = classify(
            make_request(kind, **{field: None}), make_contract(), invantive_standard_contract()
        )
        assert decision.outcome is CoverageOutcome.INCOMPLETE
        assert decision.missing_fields == (RequestField(field),)
        assert not decision.complete
        reason = decision.reason("coverage.incomplete")
        assert reason is not None
        assert reason.fact("missing") == (field,)
        assert field.replace("_", " ") in reason.message

    @pytest.mark.parametrize(("kind", "field"), NOT_REQUIRED)
    def test_only_bugs_need_version_and_steps_to_reproduce(
        self, kind: str, field: str, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        decision = classify(
            make_request(kind, **{field: None}), make_contract(), invantive_standard_contract()
        )
        assert decision.complete
        assert decision.has("coverage.complete")

    @pytest.mark.parametrize(
        "policy",
        [onebox_free_plan(), onebox_paid_plan(), invantive_standard_contract()],
        ids=["free", "paid", "standard"],
    )
    def test_every_preset_requires_the_spec_defaults(self, policy: CoveragePolicy) -> None:
        for kind in RequestKind:
            expected = BUG_FIELDS if kind is RequestKind.BUG else OTHER_FIELDS
            assert tuple(f.value for f in policy.required_for(kind)) == expected

    def test_a_blank_field_counts_as_missing(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        decision = classify(
            make_request("bug", steps_to_reproduce="   \n"),
            make_contract(),
            invantive_standard_contract(),
        )
        assert decision.missing_fields == (RequestField.STEPS_TO_REPRODUCE,)

    def test_every_missing_field_is_listed_in_policy_order(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        request = make_request("bug", steps_to_reproduce=None, version="", product=None)
        decision = classify(request, make_contract(), invantive_standard_contract())
        assert decision.missing_fields == (
            RequestField.PRODUCT,
            RequestField.VERSION,
            RequestField.STEPS_TO_REPRODUCE,
        )
        assert "lacks product, version, steps to reproduce" in decision.explain()

    def test_an_incomplete_request_stays_a_new_call_and_stops_the_pipeline(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        expired = make_contract(periods=[("2020-01-01", "2020-12-31")])
        decision = classify(
            make_request("bug", version=None), expired, invantive_standard_contract()
        )
        assert decision.tracker_state == NEW_CALL
        assert decision.codes == ("coverage.incomplete",)
        assert decision.treatment is None

    def test_the_source_says_which_policy_field_required_it(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        policy = invantive_standard_contract()
        bug = classify(make_request("bug", version=None), make_contract(), policy)
        howto = classify(make_request("consultation", product=None), make_contract(), policy)
        assert bug.reasons[0].source == "CoveragePolicy.required_fields"
        assert howto.reasons[0].source == "CoveragePolicy.default_required_fields"

    def test_a_policy_can_require_an_estimate_for_modifications(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        policy = onebox_paid_plan().replace(
            required_fields={"modification": ["customer", "product", "description", "estimate"]}
        )
        decision = classify(make_request("modification"), make_contract("paid"), policy)
        assert decision.missing_fields == (RequestField.ESTIMATE,)


class TestChannel:
    PHONE_FOR_BUGS_ONLY = ChannelRule(
        allowed={"bug": ["phone", "email"]}, default=["email", "portal", "client_area"]
    )

    def test_a_kind_that_may_not_arrive_by_phone_is_refused_at_intake(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        policy = invantive_standard_contract().replace(channels=self.PHONE_FOR_BUGS_ONLY)
        decision = classify(make_request("consultation", channel="phone"), make_contract(), policy)
        assert decision.outcome is CoverageOutcome.CHANNEL_NOT_ALLOWED
        assert decision.codes == ("coverage.complete", "intake.channel_not_allowed")
        assert decision.tracker_state == NEW_CALL
        reason = decision.reasons[-1]
        assert reason.source == "CoveragePolicy.channels"
        assert "(allowed: email, portal, client_area)" in reason.message

    def test_an_allowed_channel_passes_with_its_own_reason(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        policy = invantive_standard_contract().replace(channels=self.PHONE_FOR_BUGS_ONLY)
        decision = classify(make_request("bug", channel="phone"), make_contract(), policy)
        assert decision.covered
        assert decision.codes[1] == "intake.channel_allowed"

    @pytest.mark.parametrize("channel", ["portal", "client_area", "email", "phone"])
    @pytest.mark.parametrize("kind", [kind.value for kind in RequestKind])
    def test_the_presets_take_every_kind_through_every_channel(
        self, kind: str, channel: str, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        for policy in (onebox_free_plan(), onebox_paid_plan(), invantive_standard_contract()):
            request = make_request(kind, channel=channel)
            decision = classify(request, make_contract(policy.plan), policy)
            assert decision.outcome is not CoverageOutcome.CHANNEL_NOT_ALLOWED


class TestContractActive:
    def test_a_contract_that_expired_before_the_request_date_makes_it_advisory(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        expired = make_contract(periods=[("2025-01-01", "2025-12-31")])
        decision = classify(
            make_request("bug", submitted_at=on(2026, 1, 5)), expired, invantive_standard_contract()
        )
        assert decision.advisory
        assert decision.tracker_state == ADVISORY
        reason = decision.reason("coverage.contract_inactive")
        assert reason is not None
        assert reason.fact("on") == date(2026, 1, 5)
        assert reason.fact("last_end") == date(2025, 12, 31)
        assert "expired after 2025-12-31" in reason.message
        assert decision.codes[-2:] == ("coverage.without_contract", "coverage.advisory_proposal")

    def test_a_renewed_contract_covers_again_from_the_renewal_date(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        renewed = make_contract(periods=[("2025-01-01", "2025-12-31"), ("2026-03-01", None)])
        policy = invantive_standard_contract()
        in_gap = classify(make_request("bug", submitted_at=on(2026, 2, 28)), renewed, policy)
        renewal_day = classify(make_request("bug", submitted_at=on(2026, 3, 1)), renewed, policy)
        assert in_gap.advisory
        assert "lapsed after 2025-12-31 and is renewed from 2026-03-01" in in_gap.explain()
        assert renewal_day.covered
        assert renewal_day.tracker_state == APPROVED_CALL

    @pytest.mark.parametrize(
        ("day", "active"),
        [
            pytest.param(date(2025, 12, 31), False, id="day-before-start"),
            pytest.param(date(2026, 1, 1), True, id="first-day"),
            pytest.param(date(2026, 12, 31), True, id="last-day"),
            pytest.param(date(2027, 1, 1), False, id="day-after-end"),
        ],
    )
    def test_both_boundary_dates_of_a_period_are_included(
        self, day: date, active: bool, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        request = make_request("bug", submitted_at=on(day.year, day.month, day.day, 23))
        decision = classify(request, make_contract(), invantive_standard_contract())
        assert decision.covered is active
        assert decision.has("coverage.contract_active") is active

    def test_a_contract_that_has_not_started_says_when_it_starts(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        future = make_contract(periods=[("2027-01-01", "2027-12-31")])
        decision = classify(make_request("bug"), future, invantive_standard_contract())
        assert "it starts on 2027-01-01" in decision.explain()

    def test_the_contract_time_zone_decides_the_request_date(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        # 23:30 on New Year's Eve in Amsterdam is already 00:30 on 1 January in Kyiv.
        late = make_request("bug", submitted_at=datetime(2026, 12, 31, 23, 30, tzinfo=AMSTERDAM))
        policy = invantive_standard_contract()
        assert classify(late, make_contract(), policy).covered
        assert classify(late, make_contract(timezone="Europe/Amsterdam"), policy).covered
        in_kyiv = classify(late, make_contract(timezone="Europe/Kyiv"), policy)
        assert in_kyiv.advisory
        reason = in_kyiv.reason("coverage.contract_inactive")
        assert reason is not None
        assert reason.fact("on") == date(2027, 1, 1)

    def test_without_a_time_zone_the_request_own_offset_gives_the_date(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        kyiv_new_year = make_request("bug", submitted_at=datetime(2027, 1, 1, 0, 30, tzinfo=KYIV))
        assert classify(kyiv_new_year, make_contract(), invantive_standard_contract()).advisory

    def test_no_contract_at_all_is_advisory(self, make_request: MakeRequest) -> None:
        decision = classify(make_request("bug"), None, invantive_standard_contract())
        assert decision.advisory
        assert decision.codes[2:] == (
            "coverage.no_contract",
            "coverage.without_contract",
            "coverage.advisory_proposal",
        )

    def test_the_policy_decides_what_happens_without_a_contract(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        policy = onebox_free_plan().replace(without_contract="requires_paid_plan")
        expired = make_contract("free", periods=[("2020-01-01", "2020-12-31")])
        decision = classify(make_request("bug"), expired, policy)
        assert decision.requires_paid_plan
        reason = decision.reason("coverage.without_contract")
        assert reason is not None
        assert reason.source == "CoveragePolicy.without_contract"


class TestContractScope:
    def test_a_product_the_contract_does_not_cover_is_advisory(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        request = make_request("bug", product="Invantive Query Tool")
        decision = classify(request, make_contract(), invantive_standard_contract())
        assert decision.advisory
        reason = decision.reason("coverage.product_not_covered")
        assert reason is not None
        assert reason.message == (
            "contract C-17 does not cover Invantive Query Tool (covers: Invantive Cloud)"
        )
        assert reason.source == "SupportContract.products"

    def test_products_match_regardless_of_case_and_spacing(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        request = make_request("bug", product="  invantive   CLOUD ")
        assert classify(request, make_contract(), invantive_standard_contract()).covered

    def test_a_contract_of_another_customer_does_not_cover(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        request = make_request("bug", customer="Globex")
        decision = classify(request, make_contract(), invantive_standard_contract())
        assert decision.advisory
        assert decision.has("coverage.other_customer")
        assert "contract C-17 belongs to ACME, not to Globex" in decision.explain()

    def test_every_contract_fact_that_fails_is_reported(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        request = make_request(
            "bug", customer="Globex", product="Other", submitted_at=on(2030, 1, 1)
        )
        decision = classify(request, make_contract(), invantive_standard_contract())
        assert {
            "coverage.other_customer",
            "coverage.contract_inactive",
            "coverage.product_not_covered",
        } <= set(decision.codes)

    def test_an_unrequired_absent_product_is_not_held_against_the_request(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        policy = invantive_standard_contract().replace(
            default_required_fields=["customer", "description"]
        )
        decision = classify(make_request("consultation", product=None), make_contract(), policy)
        assert decision.covered
        assert not decision.has("coverage.product_covered")


class TestDecision:
    def test_a_covered_bug_gives_one_reason_per_step_in_order(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        decision = classify(make_request("bug"), make_contract(), invantive_standard_contract())
        assert decision.codes == (
            "coverage.complete",
            "intake.channel_allowed",
            "coverage.contract_active",
            "coverage.product_covered",
            "coverage.plan_covers",
        )
        assert all(reason.source for reason in decision.reasons)

    def test_the_explanation_reads_as_a_paragraph_with_the_figures(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        decision = classify(make_request("bug"), make_contract(), invantive_standard_contract())
        assert (
            str(decision)
            == decision.explain()
            == (
                "covered: the bug request carries every required field (customer, product, "
                "description, version, steps to reproduce); bug requests may arrive by email; "
                "contract C-17 is active on 2026-11-18 (period 2026-01-01 – 2026-12-31); "
                "contract C-17 covers Invantive Cloud; the standard plan covers bug requests."
            )
        )

    def test_a_billable_modification_is_accepted_but_not_covered(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        decision = classify(make_request("modification"), make_contract("paid"), onebox_paid_plan())
        assert (decision.billable, decision.accepted, decision.covered) == (True, True, False)
        assert decision.tracker_state == APPROVED_CALL
        assert "programmer hours" in decision.explain()

    def test_requires_paid_plan_is_not_accepted_and_stays_a_new_call(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        decision = classify(make_request("consultation"), make_contract("free"), onebox_free_plan())
        assert decision.requires_paid_plan
        assert not decision.accepted
        assert decision.tracker_state == NEW_CALL
        assert "the free plan does not handle consultation requests" in decision.explain()

    def test_an_advisory_request_says_a_proposal_follows(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        decision = classify(
            make_request("implementation_question"), make_contract(), invantive_standard_contract()
        )
        assert decision.advisory
        assert decision.explain().endswith(
            "the standard plan does not cover implementation question requests: they are work "
            "for implementation consultants; it becomes a request for advisory services, and a "
            "proposal follows before any billable work."
        )

    def test_a_decision_serializes_to_json(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        decision = classify(make_request("bug"), make_contract(), invantive_standard_contract())
        text = decision.model_dump_json()
        assert '"outcome":"covered"' in text
        assert '"tracker_state":{"category":"Call","status":"Approved"}' in text


class TestPolicyForPlan:
    def test_the_policy_of_the_contract_plan_is_picked_from_a_list(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        policies = [onebox_free_plan(), onebox_paid_plan()]
        contract = make_contract("Paid")
        decision = classify(
            make_request("consultation"), contract, policy_for_plan(contract.plan, policies)
        )
        assert decision.covered

    def test_an_unknown_plan_suggests_the_closest(self) -> None:
        with pytest.raises(
            UnknownValueError, match=r"plan: unknown value 'fre'; did you mean 'free'\?"
        ):
            policy_for_plan("fre", [onebox_free_plan(), onebox_paid_plan()])
