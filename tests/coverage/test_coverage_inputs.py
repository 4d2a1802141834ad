"""Bad input gets a clear error naming the field and the value; good input round-trips."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from supportrules.coverage import (
    ContractPeriod,
    CoveragePolicy,
    RequestKind,
    SupportContract,
    SupportRequest,
    classify,
)
from supportrules.errors import (
    InvalidDurationError,
    InvalidPeriodError,
    InvalidPolicyError,
    NaiveDatetimeError,
    SupportRulesError,
    UnknownTimezoneError,
    UnknownValueError,
)
from supportrules.presets.invantive import invantive_standard_contract

MakeRequest = Callable[..., SupportRequest]
MakeContract = Callable[..., SupportContract]
KYIV = ZoneInfo("Europe/Kyiv")


class TestRequestInput:
    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            pytest.param(
                "kind", "bgu", r"kind: unknown value 'bgu'; did you mean 'bug'\?", id="kind"
            ),
            pytest.param("kind", "upgarde", r"did you mean 'upgrade'\?", id="kind-transposed"),
            pytest.param(
                "channel",
                "emial",
                r"channel: unknown value 'emial'; did you mean 'email'\?",
                id="channel",
            ),
        ],
    )
    def test_an_unknown_word_suggests_the_closest(
        self, field: str, value: str, message: str, make_request: MakeRequest
    ) -> None:
        with pytest.raises(UnknownValueError, match=message):
            make_request(**{field: value})

    def test_kinds_are_read_case_insensitively(self, make_request: MakeRequest) -> None:
        assert make_request("Implementation Question").kind is RequestKind.IMPLEMENTATION_QUESTION

    def test_a_naive_submission_time_is_refused(self, make_request: MakeRequest) -> None:
        with pytest.raises(NaiveDatetimeError, match=r"submitted_at: datetime\.datetime\(2026"):
            make_request(submitted_at=datetime(2026, 11, 18, 10))

    def test_a_date_is_not_a_submission_time(self, make_request: MakeRequest) -> None:
        with pytest.raises(NaiveDatetimeError, match="is a date, not an instant"):
            make_request(submitted_at=date(2026, 11, 18))

    def test_a_naive_time_in_json_is_refused_too(self) -> None:
        text = '{"kind": "bug", "channel": "email", "submitted_at": "2026-11-18T10:00:00"}'
        with pytest.raises(SupportRulesError, match="naive datetime"):
            SupportRequest.model_validate_json(text)

    def test_a_negative_estimate_is_refused(self, make_request: MakeRequest) -> None:
        with pytest.raises(InvalidDurationError, match=r"estimate: .* is negative"):
            make_request(estimate=timedelta(hours=-2))

    def test_a_bare_number_is_not_an_estimate(self, make_request: MakeRequest) -> None:
        # 8 what? pydantic would read seconds; people mean hours.
        with pytest.raises(InvalidDurationError, match="estimate: 8 "):
            make_request(estimate=8)

    def test_a_request_round_trips_through_json(self, make_request: MakeRequest) -> None:
        request = make_request(estimate=timedelta(hours=3, minutes=30), id="T-1")
        assert SupportRequest.model_validate_json(request.model_dump_json()) == request
        json.dumps(SupportRequest.model_json_schema())

    def test_a_request_is_immutable(self, make_request: MakeRequest) -> None:
        request = make_request()
        with pytest.raises(ValidationError, match="frozen"):
            request.kind = RequestKind.UPGRADE  # type: ignore[misc]
        assert request.replace(kind="upgrade").kind is RequestKind.UPGRADE


class TestContractInput:
    def test_a_period_that_ends_before_it_starts_is_refused(self) -> None:
        with pytest.raises(InvalidPeriodError, match="end: 2026-01-01 is before start 2026-02-01"):
            ContractPeriod(start="2026-02-01", end="2026-01-01")

    def test_a_one_day_period_is_fine(self) -> None:
        assert ContractPeriod(start="2026-02-01", end="2026-02-01").contains(date(2026, 2, 1))

    @pytest.mark.parametrize(
        ("periods", "message"),
        [
            pytest.param([("2026-02-01",)], "is not a pair", id="not-a-pair"),
            pytest.param([("2026-13-01", None)], "'2026-13-01' is not a date", id="bad-date"),
            pytest.param(
                [(datetime(2026, 1, 1, tzinfo=KYIV), None)], "is a datetime", id="datetime"
            ),
            pytest.param("2026-01-01", "is not a list of periods", id="a-string"),
        ],
    )
    def test_malformed_periods_are_refused(
        self, periods: Any, message: str, make_contract: MakeContract
    ) -> None:
        with pytest.raises(InvalidPeriodError, match=message):
            make_contract(periods=periods)

    def test_an_unknown_time_zone_suggests_the_closest(self, make_contract: MakeContract) -> None:
        with pytest.raises(UnknownTimezoneError, match="did you mean 'Europe/Amsterdam'"):
            make_contract(timezone="Europe/Amsterdan")

    def test_periods_are_kept_in_date_order(self, make_contract: MakeContract) -> None:
        contract = make_contract(periods=[("2027-01-01", None), ("2025-01-01", "2025-12-31")])
        assert [p.start.year for p in contract.periods] == [2025, 2027]

    def test_a_contract_round_trips_through_json(self, make_contract: MakeContract) -> None:
        contract = make_contract(
            periods=[("2025-01-01", "2025-12-31"), ("2026-03-01", None)], timezone="Europe/Kyiv"
        )
        assert SupportContract.model_validate_json(contract.model_dump_json()) == contract
        json.dumps(SupportContract.model_json_schema())

    def test_a_contract_on_another_plan_than_the_policy_is_a_usage_error(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        with pytest.raises(
            UnknownValueError, match=r"contract\.plan: 'standrad'.*did you mean 'standard'"
        ):
            classify(make_request(), make_contract("standrad"), invantive_standard_contract())

    def test_plan_names_match_regardless_of_case(
        self, make_request: MakeRequest, make_contract: MakeContract
    ) -> None:
        assert classify(
            make_request(), make_contract("Standard"), invantive_standard_contract()
        ).covered


PLAN_TABLE = {kind.value: "covered" for kind in RequestKind}


class TestPolicyInput:
    def test_a_plan_table_without_every_kind_is_refused(self) -> None:
        with pytest.raises(InvalidPolicyError, match="plan_table: no treatment for 'modification'"):
            CoveragePolicy(
                name="x",
                plan="y",
                plan_table={k: v for k, v in PLAN_TABLE.items() if k != "modification"},
            )

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            pytest.param(
                {"plan_table": {**PLAN_TABLE, "bgu": "covered"}},
                "did you mean 'bug'",
                id="kind-in-table",
            ),
            pytest.param(
                {"plan_table": {**PLAN_TABLE, "bug": "coverd"}},
                "did you mean 'covered'",
                id="treatment",
            ),
            pytest.param(
                {"required_fields": {"bug": ["versoin"]}}, "did you mean 'version'", id="field"
            ),
            pytest.param(
                {"required_fields": {"consultaton": []}},
                "did you mean 'consultation'",
                id="kind-in-fields",
            ),
            pytest.param(
                {"channels": {"allowed": {"bgu": ["phone"]}}},
                "did you mean 'bug'",
                id="kind-in-channels",
            ),
            pytest.param(
                {"without_contract": "advisroy"}, "did you mean 'advisory'", id="without-contract"
            ),
        ],
    )
    def test_an_unknown_word_in_a_policy_suggests_the_closest(
        self, changes: dict[str, Any], message: str
    ) -> None:
        with pytest.raises(UnknownValueError, match=message):
            CoveragePolicy(**{"name": "x", "plan": "y", "plan_table": PLAN_TABLE, **changes})

    def test_a_kind_listed_twice_is_refused(self) -> None:
        pairs = [*PLAN_TABLE.items(), ("bug", "advisory")]
        with pytest.raises(InvalidPolicyError, match="plan_table: kind 'bug' is listed twice"):
            CoveragePolicy(name="x", plan="y", plan_table=pairs)

    def test_a_policy_from_json_reports_the_field(self) -> None:
        text = json.dumps(
            {"name": "x", "plan": "y", "plan_table": {**PLAN_TABLE, "bgu": "covered"}}
        )
        with pytest.raises(
            ValueError, match=r"(?s)plan_table.*unknown value 'bgu'; did you mean 'bug'"
        ):
            CoveragePolicy.model_validate_json(text)

    def test_every_error_is_a_support_rules_error(self) -> None:
        with pytest.raises(SupportRulesError):
            CoveragePolicy(name="x", plan="y", plan_table={})
