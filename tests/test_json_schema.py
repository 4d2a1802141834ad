"""Every exported JSON Schema accepts what validation accepts (SPEC §1: policies are data).

A config editor that refuses a document the library reads, or a schema check that passes
one the library refuses, is a silent wrong answer. So for every public model: the schema
is itself valid (Draft 2020-12, what pydantic emits); every dump of the presets and of
the documented examples validates against it; the short forms the validators accept
(a string for one interval, weekday names and numbers, holidays as an object, integer
amounts, vocabulary words in any case) validate against it; and documents validation
refuses are refused by the schema too, where a schema can say so. The patterns are
checked against the parsers they describe, character by character.
"""

from __future__ import annotations

import inspect
import json
import re
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import Any, Literal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import BaseModel, TypeAdapter, ValidationError

import supportrules
import supportrules.calendars
import supportrules.coverage
import supportrules.sla
from supportrules import (
    BusinessCalendar,
    ChannelRule,
    Decision,
    Money,
    Reason,
    RoundingPolicy,
    presets,
)
from supportrules._schema import (
    CLOCK_PATTERN,
    DATE_PATTERN,
    FOLDS_TO_ASCII,
    INTERVAL_PATTERN,
    SPACE,
    Fold,
    decimal_text_pattern,
)
from supportrules.calendars import CountryHolidays, SpecialDay
from supportrules.calendars._schedule import parse_clock, parse_interval, weekday_index
from supportrules.channels import Channel
from supportrules.coverage import (
    BudgetGuard,
    CoveragePolicy,
    RequestField,
    RequestKind,
    SupportContract,
    SupportRequest,
    TrackerState,
    classify,
    meaning_of,
)
from supportrules.errors import SupportRulesError
from supportrules.money import MAX_EXPONENT, MAX_MAGNITUDE
from supportrules.sla import (
    Acknowledged,
    ByTime,
    Event,
    Paused,
    Reopened,
    Resolved,
    Resumed,
    SlaPolicy,
    SlaTarget,
    Ticket,
    TicketKind,
    compliance,
)

KYIV = ZoneInfo("Europe/Kyiv")
K = BusinessCalendar.standard("Europe/Kyiv")
Mode = Literal["validation", "serialization"]
MODES: tuple[Mode, ...] = ("validation", "serialization")


def kyiv(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=KYIV)


def _public_models() -> list[type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}
    for module in (supportrules, supportrules.calendars, supportrules.coverage, supportrules.sla):
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value) and issubclass(value, BaseModel):
                found[value.__qualname__] = value
    return [found[name] for name in sorted(found)]


PUBLIC_MODELS = _public_models()


@cache
def schema_of(model: type[BaseModel], mode: Mode = "validation") -> Draft202012Validator:
    return Draft202012Validator(model.model_json_schema(mode=mode))


def accepts(model: type[BaseModel], document: Any, mode: Mode = "validation") -> bool:
    return schema_of(model, mode).is_valid(document)


def schema_errors(model: type[BaseModel], document: Any, mode: Mode = "validation") -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message[:300]}"
        for error in schema_of(model, mode).iter_errors(document)
    ]


# -- the examples: presets and documented values ------------------------------------------


def _examples() -> Iterator[tuple[str, BaseModel]]:
    calendars = {
        "standard": K,
        "for-country-TR": BusinessCalendar.for_country(
            "TR", timezone="Europe/Istanbul", hours="09:00-18:00"
        ),
        "always-open": BusinessCalendar.always_open("Europe/Amsterdam"),
        "holidays-and-special-days": BusinessCalendar(
            timezone="Europe/Kyiv",
            weekly={d: ["09:00-12:00", "13:00-18:00"] for d in range(5)},
            holidays={"2026-12-25": "Christmas", "2026-12-31": "company day"},
            special_days={"2026-12-24": ["09:00-13:00"], "2026-12-26": []},
            name="Support desk",
        ),
        "seconds-and-24h": BusinessCalendar(
            timezone="UTC", weekly={"mon": "09:00:30-18:00", "sun": "22:00-24:00"}
        ),
    }
    for name, calendar in calendars.items():
        yield f"calendar-{name}", calendar
    for name in presets.__all__:
        build: Callable[..., BaseModel] = getattr(presets, name)
        takes_calendar = bool(inspect.signature(build).parameters)
        yield f"preset-{name}", build(K) if takes_calendar else build()

    tr = calendars["for-country-TR"]
    assert isinstance(tr, BusinessCalendar)
    yield "country-holidays", tr.sources[0]
    yield "holiday", K.replace(holidays={"2026-12-25": "Christmas"}).holidays[0]
    yield "special-day", SpecialDay(on="2026-12-24", hours=["9:00-13:00"])
    yield "day-schedule", tr.day(date(2026, 10, 28))
    yield "deadline", tr.explain_add(datetime(2026, 10, 28, 11, tzinfo=KYIV), timedelta(hours=8))

    policy = SlaPolicy(
        name="demo",
        calendar=K,
        channels={"allowed": {"critical_bug": ["phone"]}, "default": ["portal", "email"]},
        targets=[
            SlaTarget.business_time(
                "resolve", ["bug"], timedelta(hours=8), cutoff="16:00", same_day_cap=True
            ),
            SlaTarget.estimate(),
            SlaTarget.end_of_business_day("acknowledge", [], days=1),
            SlaTarget.by_time_of_day("resolve", ["consultation"], at="16:00", cutoff="10:00"),
        ],
    )
    yield "sla-policy", policy
    yield "sla-target", policy.targets[0]
    yield "by-time", ByTime(at="9:05", days=1)
    ticket = Ticket(
        id="T-4",
        kind="modification",
        opened_at=kyiv(16, 10),
        estimate=timedelta(hours=20, minutes=15, seconds=30),
    )
    history: list[Event] = [
        Acknowledged(at=kyiv(16, 10, 30)),
        Paused(at=kyiv(17, 11), reason="production"),
        Resumed(at=kyiv(18, 15)),
        Resolved(at=kyiv(19, 12)),
        Reopened(at=kyiv(19, 14)),
    ]
    yield "ticket", ticket
    yield "event", Event(at=kyiv(16, 10))
    for event in history:
        yield f"event-{type(event).__name__.lower()}", event
    psm = presets.onebox_partner_support_manager(K)
    yield "deadlines", psm.deadlines(ticket)
    yield (
        "deadlines-refused",
        psm.deadlines(
            Ticket(id="T-5", kind="consultation", opened_at=kyiv(18, 10), channel="phone")
        ),
    )
    status = psm.status(ticket, history, kyiv(19, 16))
    yield "sla-status", status
    yield "metric-status", status.resolve
    yield "compliance-report", compliance([status])
    yield "compliance-row", compliance([status]).rows[0]
    waiting = Ticket(id="T-1", kind="consultation", opened_at=kyiv(18, 10))
    risky = psm.at_risk([(waiting, [])], kyiv(18, 16, 12), timedelta(hours=8))
    assert risky, "the example needs a metric at risk"
    yield "at-risk", risky[0]

    contract = SupportContract(
        customer="Shop", plan="free", products=["OneBox"], periods=[("2026-01-01", None)]
    )
    request = SupportRequest(
        customer="Shop",
        product="OneBox",
        kind="consultation",
        channel="client_area",
        description="How do I add a warehouse?",
        submitted_at=kyiv(18, 15, 30),
        estimate=timedelta(hours=2),
    )
    yield "support-contract", contract
    yield "contract-period", contract.periods[0]
    yield "support-request", request
    yield "coverage-decision", classify(request, contract, presets.onebox_free_plan())
    yield "tracker-state", TrackerState(category="Call", status="Approved")
    yield "tracker-convention", presets.invantive_standard_contract().tracker
    yield "tracker-meaning", meaning_of("Call", "New")
    guard = BudgetGuard(
        monthly_budget=Money.of("1000.00", "EUR"), hourly_rate=Money.of("125.00", "EUR")
    )
    yield "budget-guard", guard
    yield "budget-decision", guard.check(Money.of("900.00", "EUR"), timedelta(hours=1))

    yield "money", Money.of("200000.00", "TRY")
    yield "money-negative-jpy", -Money.of("5", "JPY")
    yield "rounding-policy", RoundingPolicy(mode="half_even", places=0)
    yield "channel-rule", ChannelRule(allowed={"critical_bug": ["phone"]}, default=["email"])
    reason = Reason(
        code="example.every_fact",
        message="every kind of fact",
        facts={
            "flag": True,
            "count": 3,
            "fraction": Decimal("0.75"),
            "text": "words",
            "instant": kyiv(18, 10),
            "day": date(2026, 11, 18),
            "clock": time(16, 0),
            "remaining": timedelta(hours=1, minutes=48),
            "price": Money.of("0.10", "EUR"),
            "names": ("a", "b"),
            "nothing": None,
        },
        source="Example",
    )
    yield "reason", reason
    yield "decision", Decision(outcome="due", reasons=(reason,))


EXAMPLES = list(_examples())


class TestEverySchemaIsValid:
    @pytest.mark.parametrize("mode", MODES)
    @pytest.mark.parametrize("model", PUBLIC_MODELS, ids=lambda model: model.__name__)
    def test_the_schema_is_valid_draft_2020_12_json(
        self, model: type[BaseModel], mode: Mode
    ) -> None:
        schema = model.model_json_schema(mode=mode)
        Draft202012Validator.check_schema(schema)
        assert json.loads(json.dumps(schema)) == schema

    def test_every_public_model_has_an_example(self) -> None:
        shown = {type(example) for _, example in EXAMPLES}
        assert [model.__name__ for model in PUBLIC_MODELS if model not in shown] == []

    def test_the_shared_fragments_are_not_changed_by_use(self) -> None:
        from supportrules import _schema

        before = json.dumps([_schema.CLOCK, _schema.INTERVAL, _schema.DATE, _schema.DAY_HOURS])
        for model in PUBLIC_MODELS:
            for mode in MODES:
                model.model_json_schema(mode=mode)
        after = json.dumps([_schema.CLOCK, _schema.INTERVAL, _schema.DATE, _schema.DAY_HOURS])
        assert after == before


class TestDumpsValidate:
    @pytest.mark.parametrize("mode", MODES)
    @pytest.mark.parametrize(
        "example", [value for _, value in EXAMPLES], ids=[name for name, _ in EXAMPLES]
    )
    def test_the_dump_validates_against_the_schema(self, example: BaseModel, mode: Mode) -> None:
        dumped = example.model_dump(mode="json")
        assert json.loads(example.model_dump_json()) == dumped
        assert schema_errors(type(example), dumped, mode) == []

    @pytest.mark.parametrize(
        "example", [value for _, value in EXAMPLES], ids=[name for name, _ in EXAMPLES]
    )
    def test_the_dump_reads_back(self, example: BaseModel) -> None:
        assert type(example).model_validate_json(example.model_dump_json()) == example


# -- short forms: both accept ----------------------------------------------------------------

TZ = {"timezone": "Europe/Kyiv"}
AT = "2026-11-18T10:00:00+02:00"
TABLE = {
    "bug": "covered",
    "consultation": "covered",
    "upgrade": "covered",
    "configuration_howto": "advisory",
    "implementation_question": "advisory",
    "modification": "billable",
}


def _policy(**fields: Any) -> dict[str, Any]:
    return {"name": "Example", "plan": "basic", "plan_table": TABLE, **fields}


def _fact(tag: str, value: Any) -> dict[str, Any]:
    return {"code": "x.y", "message": "m", "facts": [{"name": "f", "type": tag, "value": value}]}


ACCEPTED = [
    # calendars: the weekly schedule
    pytest.param(BusinessCalendar, {**TZ, "weekly": {"mon": "09:00-18:00"}}, id="weekly-string"),
    pytest.param(
        BusinessCalendar,
        {**TZ, "weekly": {"0": ["09:00-18:00"], "6": "10:00-14:00", "04": []}},
        id="weekly-number-keys",
    ),
    pytest.param(
        BusinessCalendar,
        {**TZ, "weekly": {"Monday": "9:00-18:00", " TUE ": ["9:00 – 13:00", "14:00-18:00"]}},
        id="weekly-full-names-any-case",
    ),
    pytest.param(
        BusinessCalendar,
        {**TZ, "weekly": {"wed": "09:00:30-18:00", "sun": "22:00-24:00:00"}},
        id="weekly-seconds-and-24h",
    ),
    pytest.param(
        BusinessCalendar,
        {**TZ, "weekly": [["09:00-18:00"], "09:00-18:00", [], [], [], [], []]},
        id="weekly-seven-days",
    ),
    pytest.param(BusinessCalendar, {**TZ, "weekly": {}}, id="weekly-closed"),
    # calendars: holidays and special days
    pytest.param(
        BusinessCalendar, {**TZ, "holidays": {"2026-12-25": "Christmas"}}, id="holidays-object"
    ),
    pytest.param(
        BusinessCalendar,
        {**TZ, "holidays": ["2026-12-25", "20261231", " 2026-W53-5 "]},
        id="holidays-dates",
    ),
    pytest.param(
        BusinessCalendar,
        {**TZ, "holidays": [{"on": "2026-12-25", "name": "Christmas"}, "2026-12-26"]},
        id="holidays-mixed",
    ),
    pytest.param(
        BusinessCalendar,
        {**TZ, "special_days": {"2026-12-24": ["09:00-13:00"], "2026-12-31": "10:00-12:00"}},
        id="special-days-object",
    ),
    pytest.param(
        BusinessCalendar, {**TZ, "special_days": {"2026-12-26": []}}, id="special-day-closed"
    ),
    pytest.param(
        BusinessCalendar,
        {**TZ, "special_days": [{"on": "2026-12-24", "hours": "9:00-13:00", "name": "eve"}]},
        id="special-days-list",
    ),
    pytest.param(SpecialDay, {"on": "2026-12-24", "hours": " 9:00 - 13:00 "}, id="special-day"),
    pytest.param(CountryHolidays, {"country": "tr", "half_day_close": "12:30"}, id="half-day"),
    # money
    pytest.param(Money, {"amount": 10, "currency": "EUR"}, id="amount-integer"),
    pytest.param(Money, {"amount": -(10**30), "currency": "JPY"}, id="amount-big-integer"),
    pytest.param(Money, {"amount": "1_000.50", "currency": " usd "}, id="amount-underscores"),
    pytest.param(Money, {"amount": ".5", "currency": "eur"}, id="amount-leading-point"),
    pytest.param(Money, {"amount": "+5.", "currency": "Eur"}, id="amount-trailing-point"),
    pytest.param(Money, {"amount": "1.5e3", "currency": "KWD"}, id="amount-exponent"),
    pytest.param(Money, {"amount": " -0.00 ", "currency": "EUR"}, id="amount-padded"),
    pytest.param(Money, {"amount": 10**31 - 1, "currency": "EUR"}, id="amount-largest-int"),
    pytest.param(Money, {"amount": "9" * 31 + "." + "9" * 100, "currency": "EUR"}, id="longest"),
    pytest.param(Money, {"amount": "0." + "0" * 200, "currency": "EUR"}, id="long-zero"),
    # vocabularies and channel rules
    pytest.param(
        Ticket,
        {"id": "T-1", "kind": " Critical-Bug ", "opened_at": AT, "channel": "Client Area"},
        id="vocabulary-spellings",
    ),
    pytest.param(
        ChannelRule,
        {"allowed": {"critical_bug": ["Phone", "client-area"]}, "default": ["EMAIL"]},
        id="channel-rule-object",
    ),
    pytest.param(ChannelRule, {"allowed": [["bug", ["email"]]]}, id="channel-rule-pairs"),
    pytest.param(ChannelRule, {"allowed": {"bug": []}}, id="channel-rule-no-channel"),
    # coverage tables
    pytest.param(
        CoveragePolicy,
        _policy(plan_table={**TABLE, "configuration_howto": "Advisory"}),
        id="plan-table-object",
    ),
    pytest.param(
        CoveragePolicy,
        _policy(
            plan_table=[[kind.replace("_", " ").title(), cell] for kind, cell in TABLE.items()]
        ),
        id="plan-table-pairs",
    ),
    pytest.param(
        CoveragePolicy,
        _policy(required_fields={"Bug": ["customer", "steps to reproduce"], "upgrade": []}),
        id="required-fields-object",
    ),
    pytest.param(
        CoveragePolicy,
        _policy(required_fields=[["bug", ["customer"]], ["modification", ["estimate"]]]),
        id="required-fields-pairs",
    ),
    # reasons
    pytest.param(Reason, _fact("decimal", "0.75"), id="facts-tagged"),
    pytest.param(Reason, _fact("money", {"amount": 5, "currency": "eur"}), id="facts-money"),
    pytest.param(Reason, _fact("strings", ["a", "b"]), id="facts-strings"),
    pytest.param(
        Reason,
        {"code": "x.y", "message": "m", "facts": {"n": 1.5, "s": ["a"], "z": None}},
        id="facts-object",
    ),
    pytest.param(
        Reason, {"code": "x.y", "message": "m", "facts": [["n", 1], ["s", "t"]]}, id="facts-pairs"
    ),
    # SLA targets: exactly one way to set the due time
    pytest.param(
        SlaTarget,
        {"metric": "Resolve", "kinds": ["Bug"], "duration": "PT8H", "cutoff": "9:30"},
        id="target-duration",
    ),
    pytest.param(
        SlaTarget,
        {"metric": "resolve", "use_estimate": True, "same_day_cap": True},
        id="target-estimate",
    ),
    pytest.param(SlaTarget, {"metric": "acknowledge", "end_of_day": 1}, id="target-end-of-day"),
    pytest.param(
        SlaTarget,
        {"metric": "resolve", "by": {"at": "16:00", "days": 1}, "cutoff": " 10:00 "},
        id="target-by",
    ),
    pytest.param(
        SlaTarget,
        {
            "metric": "resolve",
            "duration": "PT8H",
            "use_estimate": False,
            "end_of_day": None,
            "by": None,
            "cutoff": None,
        },
        id="target-nulls-and-false-are-not-given",
    ),
    pytest.param(ByTime, {"at": "9:05:30"}, id="by-time-seconds"),
    # contracts: periods as pairs or one period, one product on its own
    pytest.param(
        SupportContract,
        {"customer": "A", "plan": "p", "periods": [["2026-01-01", None]]},
        id="contract-period-pairs",
    ),
    pytest.param(
        SupportContract,
        {"customer": "A", "plan": "p", "periods": {"start": "2026-01-01"}},
        id="contract-one-period",
    ),
    pytest.param(
        SupportContract,
        {"customer": "A", "plan": "p", "periods": [{"start": "2026-01-01"}], "products": "X"},
        id="contract-one-product",
    ),
]


class TestShortForms:
    @pytest.mark.parametrize(("model", "document"), ACCEPTED)
    def test_validation_and_schema_both_accept(self, model: type[BaseModel], document: Any) -> None:
        model.model_validate_json(json.dumps(document))
        assert schema_errors(model, document) == []


# -- bad documents: both refuse -------------------------------------------------------------

REJECTED = [
    # counts and flags take JSON integers and booleans only (pydantic's lax mode would
    # read "3", 3.0 and "yes", which the schema does not say)
    pytest.param(
        Ticket,
        {"id": "T", "kind": "compound", "opened_at": "2026-11-18T10:00Z", "parts": "3"},
        id="parts-as-text",
    ),
    pytest.param(
        SlaTarget,
        {"metric": "resolve", "duration": "PT8H", "same_day_cap": "yes"},
        id="flag-as-text",
    ),
    pytest.param(BusinessCalendar, {**TZ, "weekly": {"mon": "25:00-26:00"}}, id="hour-25"),
    pytest.param(BusinessCalendar, {**TZ, "weekly": {"mon": "24:00-24:30"}}, id="start-24"),
    pytest.param(BusinessCalendar, {**TZ, "weekly": {"mon": "09:60-18:00"}}, id="minute-60"),
    pytest.param(BusinessCalendar, {**TZ, "weekly": {"mon": "24:30"}}, id="end-24-30"),
    pytest.param(BusinessCalendar, {**TZ, "weekly": {"mon": ["09:00"]}}, id="not-an-interval"),
    pytest.param(BusinessCalendar, {**TZ, "weekly": {"mon": 9}}, id="hours-a-number"),
    pytest.param(BusinessCalendar, {**TZ, "weekly": {"funday": []}}, id="weekday-unknown"),
    pytest.param(BusinessCalendar, {**TZ, "weekly": {"7": []}}, id="weekday-7"),
    pytest.param(BusinessCalendar, {**TZ, "weekly": [[], [], [], [], [], []]}, id="six-days"),
    pytest.param(BusinessCalendar, {**TZ, "holidays": {"2026-13-01": "x"}}, id="month-13"),
    pytest.param(BusinessCalendar, {**TZ, "holidays": ["2026-12-25T00:00"]}, id="a-datetime"),
    pytest.param(BusinessCalendar, {**TZ, "holidays": [20261225]}, id="a-number-date"),
    pytest.param(BusinessCalendar, {**TZ, "holidays": {"2026-12-25": None}}, id="no-name"),
    pytest.param(BusinessCalendar, {**TZ, "special_days": ["2026-12-24"]}, id="special-date"),
    pytest.param(BusinessCalendar, {**TZ, "special_days": {"2026-12-24": None}}, id="no-hours"),
    pytest.param(CountryHolidays, {"country": "TR", "half_day_close": "24:00"}, id="close-24"),
    pytest.param(SlaTarget, {"metric": "resolve", "duration": "PT8H", "cutoff": "24:00"}, id="c24"),
    pytest.param(SlaTarget, {"metric": "resolve", "by": {"at": "16:60"}}, id="by-16-60"),
    pytest.param(SlaTarget, {"metric": "resolve"}, id="no-way-to-set-due"),
    pytest.param(
        SlaTarget, {"metric": "resolve", "duration": "PT8H", "end_of_day": 0}, id="duration-and-eod"
    ),
    pytest.param(
        SlaTarget,
        {"metric": "resolve", "use_estimate": True, "by": {"at": "16:00"}},
        id="estimate-and-by",
    ),
    pytest.param(
        SlaTarget,
        {"metric": "resolve", "end_of_day": 0, "same_day_cap": True},
        id="cap-on-end-of-day",
    ),
    pytest.param(
        SlaTarget, {"metric": "resolve", "end_of_day": 0, "cutoff": "10:00"}, id="cutoff-on-eod"
    ),
    pytest.param(Money, {"amount": 10.5, "currency": "EUR"}, id="amount-float"),
    pytest.param(Money, {"amount": True, "currency": "EUR"}, id="amount-bool"),
    pytest.param(Money, {"amount": "1.5.0", "currency": "EUR"}, id="amount-two-points"),
    pytest.param(Money, {"amount": "NaN", "currency": "EUR"}, id="amount-nan"),
    pytest.param(Money, {"amount": "Infinity", "currency": "EUR"}, id="amount-infinity"),
    pytest.param(Money, {"amount": "", "currency": "EUR"}, id="amount-empty"),
    pytest.param(Money, {"amount": "1" + "0" * 31, "currency": "EUR"}, id="amount-32-digits"),
    pytest.param(Money, {"amount": "0." + "0" * 100 + "1", "currency": "EUR"}, id="101-places"),
    pytest.param(Money, {"amount": "1", "currency": "EUX"}, id="currency-unknown"),
    pytest.param(Money, {"amount": "1", "currency": "XAU"}, id="currency-without-minor-unit"),
    pytest.param(Ticket, {"id": "T", "kind": "bgu", "opened_at": AT}, id="vocabulary-typo"),
    pytest.param(Ticket, {"id": "T", "kind": "critical\tbug", "opened_at": AT}, id="inner-tab"),
    pytest.param(Ticket, {"id": "T", "kind": "critical__bug", "opened_at": AT}, id="two-unders"),
    pytest.param(ChannelRule, {"allowed": {"bug": ["fax"]}}, id="channel-unknown"),
    pytest.param(ChannelRule, {"allowed": {"bug": "phone"}}, id="channels-a-string"),
    pytest.param(
        CoveragePolicy,
        _policy(plan_table={k: v for k, v in TABLE.items() if k != "upgrade"}),
        id="plan-table-incomplete",
    ),
    pytest.param(
        CoveragePolicy,
        _policy(plan_table=[*([k, v] for k, v in TABLE.items()), ["BUG", "billable"]]),
        id="plan-table-pairs-repeat-a-kind",
    ),
    pytest.param(
        CoveragePolicy,
        _policy(plan_table={**TABLE, "bug": "free"}),
        id="plan-table-unknown-treatment",
    ),
    pytest.param(
        CoveragePolicy,
        _policy(required_fields=[["bug", ["customer"]], ["Bug", ["version"]]]),
        id="required-fields-pairs-repeat-a-kind",
    ),
    pytest.param(
        CoveragePolicy, _policy(required_fields={"bug": ["colour"]}), id="required-field-unknown"
    ),
    pytest.param(Reason, _fact("int", None), id="fact-int-null"),
    pytest.param(
        Reason,
        _fact("bogus", 1),
        id="fact-type-unknown",
    ),
    pytest.param(Money, {"amount": 10**31, "currency": "EUR"}, id="integer-amount-too-large"),
    pytest.param(Money, {"amount": -(10**31), "currency": "EUR"}, id="integer-amount-too-small"),
    pytest.param(
        Reason, {"code": "x.y", "message": "m", "facts": {"n": [1]}}, id="facts-object-non-strings"
    ),
]


class TestBadDocuments:
    @pytest.mark.parametrize(("model", "document"), REJECTED)
    def test_validation_and_schema_both_refuse(self, model: type[BaseModel], document: Any) -> None:
        with pytest.raises(ValueError, match=r"."):
            model.model_validate_json(json.dumps(document))
        assert not accepts(model, document)

    def test_a_count_written_as_a_float_is_refused_though_json_schema_calls_it_integer(
        self,
    ) -> None:
        # JSON Schema counts 3.0 as an integer; validation does not guess: a looser
        # schema is fine, a stricter one would not be.
        with pytest.raises(ValueError, match="parts"):
            Ticket.model_validate_json(
                '{"id": "T", "kind": "compound", "opened_at": "2026-11-18T10:00Z", "parts": 3.0}'
            )
        with pytest.raises(ValueError, match="days"):
            ByTime.model_validate_json('{"at": "16:00", "days": 1.0}')

    def test_an_integer_amount_has_the_bounds_of_a_decimal_string(self) -> None:
        with pytest.raises(ValueError, match="out of range"):
            Money.model_validate_json(json.dumps({"amount": 10**31, "currency": "EUR"}))
        largest = {"amount": 10**31 - 1, "currency": "EUR"}
        assert Money.model_validate_json(json.dumps(largest)).amount == 10**31 - 1
        assert accepts(Money, largest)


# -- the patterns, against the parsers they describe ----------------------------------------


def matches(pattern: str, text: str) -> bool:
    return re.search(pattern, text) is not None


def passes(
    check: Callable[[], object],
    refusals: tuple[type[Exception], ...] = (SupportRulesError, ValidationError),
) -> bool:
    try:
        check()
    except refusals:
        return False
    return True


def code_points(start: int = 0) -> Iterator[str]:
    return (chr(n) for n in range(start, sys.maxunicode + 1))


class TestCharacterTables:
    def test_space_is_what_strip_and_python_s_take(self) -> None:
        spaces = [c for c in code_points() if c.isspace()]
        assert [c for c in code_points() if re.fullmatch(SPACE, c)] == spaces
        assert [c for c in code_points() if re.fullmatch(r"\s", c)] == spaces

    @pytest.mark.parametrize("fold", ["casefold", "upper", "lower"])
    def test_every_non_ascii_fold_to_ascii_is_listed(self, fold: Fold) -> None:
        mapping: Callable[[str], str] = getattr(str, fold)
        found = {c: mapping(c) for c in code_points(128) if mapping(c).isascii()}
        assert found == FOLDS_TO_ASCII[fold]


PADDING = st.sampled_from(["", " ", "\t", "\u00a0", "\u3000", "\n"])
CLOCK_TEXT = st.text(alphabet="0123456789:", max_size=9)


def _clock_texts() -> st.SearchStrategy[str]:
    parts = st.tuples(
        st.integers(0, 30), st.integers(0, 70), st.one_of(st.none(), st.integers(0, 70))
    )
    return st.one_of(
        CLOCK_TEXT,
        st.builds(
            lambda hms, pad_h: (
                f"{hms[0]:0{pad_h}d}:{hms[1]:02d}" + ("" if hms[2] is None else f":{hms[2]:02d}")
            ),
            parts,
            st.sampled_from([1, 2]),
        ),
    )


def _padded(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(lambda a, text, b: a + text + b, PADDING, inner, PADDING)


class TestClockAndIntervalPatterns:
    @settings(max_examples=400)
    @given(_padded(_clock_texts()))
    def test_the_clock_pattern_is_parse_clock(self, text: str) -> None:
        assert matches(CLOCK_PATTERN, text) == passes(lambda: parse_clock(text, "at"))

    @settings(max_examples=400)
    @given(_padded(_clock_texts()), PADDING, st.sampled_from(["-", "\u2013", "--", ":"]))
    def test_the_interval_pattern_is_parse_interval_but_for_the_order(
        self, start: str, pad: str, dash: str
    ) -> None:
        for end in (start.strip(), "24:00", "24:00:00", "23:59:59", "24:01", "9:00"):
            text = start + dash + pad + end
            try:
                parse_interval(text, "hours")
                parsed = True
            except SupportRulesError as error:
                parsed = "ends before it starts" in str(error)  # not stated by a pattern
            assert matches(INTERVAL_PATTERN, text) == parsed, text


class TestDatePattern:
    @settings(max_examples=300)
    @given(
        _padded(
            st.one_of(
                st.text(alphabet="0123456789-W", min_size=6, max_size=11),
                st.dates().map(date.isoformat),
                st.dates().map(lambda day: day.strftime("%G-W%V-%u")),
                st.dates().map(lambda day: day.strftime("%Y%m%d")),
            )
        )
    )
    def test_every_date_fromisoformat_reads_matches(self, text: str) -> None:
        if passes(lambda: date.fromisoformat(text.strip()), (ValueError,)):
            assert matches(DATE_PATTERN, text)


def _long_numbers(draw: st.DrawFn) -> str:
    """Numbers near the bounds: 29–33 digits before the point, 98–102 after, zeros."""
    whole = draw(st.sampled_from(["", "0", "00", "1", "9" * 29, "9" * 31, "1" + "0" * 31]))
    fraction = draw(st.sampled_from(["", "0" * 101, "5" * 100, "0" * 99 + "1", "0" * 100 + "1"]))
    return whole + ("." + fraction if fraction or not whole else "")


class TestDecimalPattern:
    PATTERN = decimal_text_pattern(MAX_MAGNITUDE + 1, MAX_EXPONENT)

    @settings(max_examples=500)
    @given(
        _padded(
            st.one_of(
                st.text(alphabet="0123456789_+-. ", max_size=10),
                st.sampled_from(["Inf", "-Infinity", "NaN", "sNaN", "."]),
                st.decimals(allow_nan=False, allow_infinity=False).map(lambda d: f"{d:f}"),
                st.composite(_long_numbers)(),
            )
        )
    )
    def test_without_an_exponent_the_pattern_is_what_money_reads(self, text: str) -> None:
        read = passes(lambda: Money.model_validate({"amount": text, "currency": "EUR"}))
        assert matches(self.PATTERN, text) == read

    @settings(max_examples=300)
    @given(
        _padded(
            st.one_of(
                st.text(alphabet="0123456789_+-.eE ", max_size=10),
                st.decimals(allow_nan=False, allow_infinity=False).map(str),
            )
        )
    )
    def test_with_an_exponent_whatever_money_reads_matches(self, text: str) -> None:
        # The bounds are not stated for exponent forms (1e31 matches, money refuses it).
        if passes(lambda: Money.model_validate({"amount": text, "currency": "EUR"})):
            assert matches(self.PATTERN, text)


def _respelled(value: str, fold: Fold, draw: st.DrawFn) -> str:
    """``value`` with each character in a random spelling that ``fold`` reads as it (or,
    now and then, a wrong one: a dash, a space, a tab, a doubled or dropped character)."""
    mapping: Callable[[str], str] = getattr(str, fold)
    out = []
    for c in value:
        if draw(st.integers(0, 11)) == 0:
            out.append(draw(st.sampled_from(["-", " ", "_", "\t", "", c + c])))
            continue
        options = [c, c.upper(), c.lower(), *("- " if c == "_" else "")]
        options += [s for s, folded in FOLDS_TO_ASCII[fold].items() if mapping(folded) == c]
        out.append(draw(st.sampled_from(options)))
    if draw(st.booleans()):  # ligatures over two or three characters
        for s, folded in FOLDS_TO_ASCII[fold].items():
            if len(folded) > 1 and folded.lower() in value.lower():
                spelled = value.lower().replace(folded.lower(), s)
                return draw(PADDING) + spelled + draw(PADDING)
    return draw(PADDING) + "".join(out) + draw(PADDING)


@st.composite
def _spellings(draw: st.DrawFn, values: list[str], fold: Fold) -> str:
    return _respelled(draw(st.sampled_from(values)), fold, draw)


VOCABULARIES = [TicketKind, Channel, RequestKind, RequestField]


@cache
def _vocabulary_schema(vocabulary: type[StrEnum]) -> tuple[TypeAdapter[Any], Draft202012Validator]:
    adapter: TypeAdapter[Any] = TypeAdapter(vocabulary)
    schema = adapter.json_schema()
    assert schema["anyOf"][0]["enum"] == [m.value for m in vocabulary]  # still listed
    assert adapter.json_schema(mode="serialization")["enum"] == [m.value for m in vocabulary]
    return adapter, Draft202012Validator(schema)


class TestWordPatterns:
    @pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
    @settings(max_examples=300)
    @given(data=st.data())
    def test_a_vocabulary_pattern_is_what_missing_reads(
        self, vocabulary: type[StrEnum], data: st.DataObject
    ) -> None:
        text = data.draw(_spellings([str(m.value) for m in vocabulary], "casefold"))
        adapter, schema = _vocabulary_schema(vocabulary)
        read = passes(lambda: adapter.validate_json(json.dumps(text)))
        assert schema.is_valid(text) == read, text

    @settings(max_examples=300)
    @given(_spellings(["USD", "EUR", "STN", "SSP", "KWD", "JPY", "XAU"], "upper"))
    def test_the_currency_pattern_is_what_money_reads(self, text: str) -> None:
        document = {"amount": "1", "currency": text}
        read = passes(lambda: Money.model_validate_json(json.dumps(document)))
        assert accepts(Money, document) == read, text

    @settings(max_examples=300)
    @given(
        st.one_of(
            _spellings(["mon", "sun", "monday", "tuesday", "friday", "saturday"], "lower"),
            _padded(st.text(alphabet="0123456789", min_size=1, max_size=4)),
        )
    )
    def test_the_weekday_key_pattern_is_weekday_index(self, text: str) -> None:
        document = {**TZ, "weekly": {text: []}}
        assert accepts(BusinessCalendar, document) == passes(lambda: weekday_index(text))


# -- random calendars -------------------------------------------------------------------------

_MINUTES = st.integers(0, 24 * 60)


@st.composite
def _day(draw: st.DrawFn) -> list[tuple[int, int]]:
    points = sorted(draw(st.lists(_MINUTES, min_size=0, max_size=6, unique=True)))
    if len(points) % 2:
        points = points[:-1]
    return [(points[i], points[i + 1]) for i in range(0, len(points), 2)]


def _clock(minutes: int, draw: st.DrawFn) -> str:
    hours, rest = divmod(minutes, 60)
    seconds = draw(st.sampled_from(["", ":00"])) if minutes < 24 * 60 else ""
    return f"{hours:0{draw(st.sampled_from([1, 2])) if hours < 10 else 2}d}:{rest:02d}{seconds}"


@st.composite
def _weekly_documents(draw: st.DrawFn) -> dict[str, Any] | list[Any]:
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    full = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    days: list[Any] = []
    for _ in range(7):
        intervals = [
            _clock(a, draw)
            + draw(PADDING)
            + draw(st.sampled_from(["-", "\u2013"]))
            + _clock(b, draw)
            for a, b in draw(_day())
            if a < 24 * 60
        ]
        days.append(intervals[0] if len(intervals) == 1 and draw(st.booleans()) else intervals)
    if draw(st.booleans()):
        return days
    document: dict[str, Any] = {}
    for i, hours in enumerate(days):
        if hours or draw(st.booleans()):
            key = draw(st.sampled_from([names[i], full[i], str(i), names[i].upper()]))
            document[draw(PADDING) + key] = hours
    return document


class TestRandomCalendars:
    @settings(max_examples=150, deadline=None)
    @given(_weekly_documents())
    def test_a_calendar_document_and_its_dump_both_validate(self, weekly: Any) -> None:
        document = {**TZ, "weekly": weekly}
        calendar = BusinessCalendar.model_validate_json(json.dumps(document))
        assert schema_errors(BusinessCalendar, document) == []
        dumped = calendar.model_dump(mode="json")
        for mode in MODES:
            assert schema_errors(BusinessCalendar, dumped, mode) == []
