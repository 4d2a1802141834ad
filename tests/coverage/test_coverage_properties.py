"""Invariants of classification over any well-typed input (hypothesis)."""

from __future__ import annotations

import contextlib
from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from supportrules.channels import Channel, ChannelRule
from supportrules.coverage import (
    ContractPeriod,
    CoverageOutcome,
    CoveragePolicy,
    RequestField,
    RequestKind,
    SupportContract,
    SupportRequest,
    TrackerMeaningOutcome,
    Treatment,
    classify,
)
from supportrules.errors import SupportRulesError
from supportrules.presets.invantive import invantive_standard_contract
from supportrules.presets.onebox_support import onebox_free_plan, onebox_paid_plan

ZONES = ("Europe/Kyiv", "Europe/Amsterdam", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC")
maybe_text = st.none() | st.text(max_size=12)
names = st.text(min_size=1, max_size=12).filter(str.strip)
instants = st.datetimes(
    min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31), timezones=st.timezones()
)


@st.composite
def random_policies(draw: st.DrawFn) -> CoveragePolicy:
    kinds = list(RequestKind)
    fields = st.lists(st.sampled_from(list(RequestField)), unique=True)
    channels = st.lists(st.sampled_from(list(Channel)), unique=True)
    return CoveragePolicy(
        name="random",
        plan=draw(names),
        plan_table={kind: draw(st.sampled_from(list(Treatment))) for kind in kinds},
        required_fields=draw(st.dictionaries(st.sampled_from(kinds), fields, max_size=6)),
        default_required_fields=draw(fields),
        channels=ChannelRule(
            allowed=draw(st.dictionaries(st.sampled_from([k.value for k in kinds]), channels)),
            default=draw(channels),
        ),
        without_contract=draw(st.sampled_from(list(Treatment))),
    )


policies = (
    st.sampled_from([onebox_free_plan(), onebox_paid_plan(), invantive_standard_contract()])
    | random_policies()
)


@st.composite
def periods(draw: st.DrawFn) -> ContractPeriod:
    start = draw(st.dates())
    end = draw(st.none() | st.dates(min_value=start))
    return ContractPeriod(start=start, end=end)


def contracts(plan: str) -> st.SearchStrategy[SupportContract | None]:
    return st.none() | st.builds(
        SupportContract,
        customer=names,
        plan=st.just(plan),
        periods=st.lists(periods(), max_size=3),
        products=st.lists(names, max_size=3),
        timezone=st.none() | st.sampled_from(ZONES),
        id=st.none() | names,
    )


requests = st.builds(
    SupportRequest,
    kind=st.sampled_from(list(RequestKind)),
    channel=st.sampled_from(list(Channel)),
    submitted_at=instants,
    customer=maybe_text,
    product=maybe_text,
    version=maybe_text,
    description=maybe_text,
    steps_to_reproduce=maybe_text,
    estimate=st.none() | st.timedeltas(min_value=timedelta(0)),
)


class TestClassificationInvariants:
    @settings(max_examples=300, deadline=None)
    @given(data=st.data(), request=requests, policy=policies)
    def test_classify_never_raises_and_always_gives_a_reason(
        self, data: st.DataObject, request: SupportRequest, policy: CoveragePolicy
    ) -> None:
        contract = data.draw(contracts(policy.plan))
        decision = classify(request, contract, policy)
        assert decision.reasons
        assert all(reason.code and reason.message and reason.source for reason in decision.reasons)
        assert decision.explain().startswith(f"{decision.outcome.value}: ")
        decision.model_dump_json()

    @settings(max_examples=200, deadline=None)
    @given(data=st.data(), request=requests, policy=policies)
    def test_the_tracker_state_reads_back_as_the_outcome(
        self, data: st.DataObject, request: SupportRequest, policy: CoveragePolicy
    ) -> None:
        decision = classify(request, data.draw(contracts(policy.plan)), policy)
        meaning = decision.tracker_state.meaning(policy.tracker)
        if decision.accepted:
            assert meaning.outcome is TrackerMeaningOutcome.ACCEPTED
        elif decision.advisory:
            assert meaning.outcome is TrackerMeaningOutcome.ADVISORY
        else:
            assert meaning.outcome is TrackerMeaningOutcome.NOT_YET_ACCEPTED

    @settings(max_examples=200, deadline=None)
    @given(data=st.data(), request=requests, policy=policies)
    def test_missing_fields_are_listed_exactly_when_incomplete(
        self, data: st.DataObject, request: SupportRequest, policy: CoveragePolicy
    ) -> None:
        decision = classify(request, data.draw(contracts(policy.plan)), policy)
        assert bool(decision.missing_fields) is (decision.outcome is CoverageOutcome.INCOMPLETE)
        assert set(decision.missing_fields) <= set(policy.required_for(request.kind))

    @settings(max_examples=200, deadline=None)
    @given(request=requests, policy=policies)
    def test_without_a_contract_the_outcome_is_the_policy_fallback(
        self, request: SupportRequest, policy: CoveragePolicy
    ) -> None:
        decision = classify(request, None, policy)
        if decision.outcome not in (
            CoverageOutcome.INCOMPLETE,
            CoverageOutcome.CHANNEL_NOT_ALLOWED,
        ):
            assert decision.outcome.value == policy.without_contract.value

    @settings(max_examples=100, deadline=None)
    @given(start=st.dates(), days=st.integers(min_value=0, max_value=4000), probe=st.dates())
    def test_a_period_contains_exactly_its_dates(self, start: date, days: int, probe: date) -> None:
        try:
            end = start + timedelta(days=days)
        except OverflowError:
            return
        period = ContractPeriod(start=start, end=end)
        assert period.contains(probe) is (start <= probe <= end)


class TestFuzzedInput:
    @settings(max_examples=200, deadline=None)
    @given(
        kind=st.text(max_size=25),
        channel=st.text(max_size=12),
        estimate=st.one_of(st.none(), st.integers(), st.floats(), st.timedeltas(), st.text()),
        submitted_at=st.datetimes(timezones=st.none() | st.timezones()),
    )
    def test_a_request_from_junk_raises_only_value_errors(
        self, kind: str, channel: str, estimate: object, submitted_at: datetime
    ) -> None:
        # Anything but our errors or pydantic's ValidationError fails the test.
        with contextlib.suppress(SupportRulesError, ValidationError):
            SupportRequest(kind=kind, channel=channel, estimate=estimate, submitted_at=submitted_at)
