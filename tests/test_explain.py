"""Reasons and decisions explain themselves (SPEC §1, STYLE "Decisions carry reasons")."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from supportrules import Decision, Money, NaiveDatetimeError, Reason, format_duration
from supportrules import format_instant as fmt
from supportrules.errors import SupportRulesError
from supportrules.explain import FactValue

KYIV = ZoneInfo("Europe/Kyiv")

CAP = Reason(
    code="sla.same_day_cap",
    message="capped at Wed 18:00, the close of that day",
    facts={"cap": "18:00", "hours": 8},
    source="SlaTarget.same_day_cap",
)
CUTOFF = Reason(code="sla.cutoff", message="registered before the 16:00 cutoff")
SECOND_CAP = Reason(code="sla.same_day_cap", message="a second cap")
DUE = Decision(outcome="due", reasons=(CUTOFF, CAP, SECOND_CAP))


class TestReason:
    def test_facts_from_a_mapping_become_ordered_pairs(self) -> None:
        assert CAP.facts == (("cap", "18:00"), ("hours", 8))

    def test_facts_from_pairs_are_kept(self) -> None:
        reason = Reason(code="a.b", message="m", facts=[("x", 1), ("y", "z")])
        assert reason.facts == (("x", 1), ("y", "z"))

    def test_fact_reads_a_value(self) -> None:
        assert CAP.fact("cap") == "18:00"
        assert CAP.fact("hours") == 8

    def test_missing_fact_gives_the_default(self) -> None:
        assert CAP.fact("nope") is None
        assert CAP.fact("nope", "fallback") == "fallback"

    def test_a_fact_that_is_none_is_not_the_default(self) -> None:
        reason = Reason(code="a.b", message="m", facts={"estimate": None})
        assert reason.fact("estimate", "fallback") is None

    def test_facts_dict_is_a_copy(self) -> None:
        facts = CAP.facts_dict()
        assert facts == {"cap": "18:00", "hours": 8}
        facts["cap"] = "changed"
        assert CAP.fact("cap") == "18:00"

    def test_source_is_optional(self) -> None:
        assert CUTOFF.source is None
        assert CAP.source == "SlaTarget.same_day_cap"

    def test_str_shows_code_and_message(self) -> None:
        assert str(CAP) == "[sla.same_day_cap] capped at Wed 18:00, the close of that day"

    def test_reason_is_immutable(self) -> None:
        with pytest.raises(ValidationError, match="frozen"):
            CAP.code = "other"  # type: ignore[misc]

    def test_reason_refuses_unknown_fields(self) -> None:
        with pytest.raises(SupportRulesError, match="figures"):
            Reason(code="a.b", message="m", figures={})  # type: ignore[call-arg]

    def test_reason_needs_a_code_and_a_message(self) -> None:
        with pytest.raises(SupportRulesError, match="message"):
            Reason(code="a.b")  # type: ignore[call-arg]

    def test_reasons_with_equal_fields_are_equal_and_hashable(self) -> None:
        twin = Reason(
            code="sla.same_day_cap",
            message="capped at Wed 18:00, the close of that day",
            facts=(("cap", "18:00"), ("hours", 8)),
            source="SlaTarget.same_day_cap",
        )
        assert twin == CAP
        assert hash(twin) == hash(CAP)


class TestReasonMake:
    """``Reason.make`` skips validation on hot paths; the result must be indistinguishable."""

    def made(self) -> Reason:
        return Reason.make(
            "sla.met", "resolved in time", "SlaTarget.resolve", late=False, hours=Decimal("2.5")
        )

    def validated(self) -> Reason:
        return Reason(
            code="sla.met",
            message="resolved in time",
            facts={"late": False, "hours": Decimal("2.5")},
            source="SlaTarget.resolve",
        )

    def test_made_reason_equals_the_validated_one(self) -> None:
        assert self.made() == self.validated()
        assert hash(self.made()) == hash(self.validated())

    def test_keyword_facts_keep_their_order(self) -> None:
        assert self.made().facts == (("late", False), ("hours", Decimal("2.5")))

    def test_source_may_be_none(self) -> None:
        assert Reason.make("a.b", "m", None).source is None

    def test_made_reason_serializes_like_the_validated_one(self) -> None:
        assert self.made().model_dump_json() == self.validated().model_dump_json()

    def test_made_reason_is_immutable(self) -> None:
        with pytest.raises(ValidationError, match="frozen"):
            self.made().message = "changed"  # type: ignore[misc]

    def test_replace_on_a_made_reason_validates(self) -> None:
        changed = self.made().replace(facts={"late": True})
        assert changed.facts == (("late", True),)


class TestDecision:
    def test_codes_are_in_order(self) -> None:
        assert DUE.codes == ("sla.cutoff", "sla.same_day_cap", "sla.same_day_cap")

    @pytest.mark.parametrize(
        ("code", "present"),
        [("sla.cutoff", True), ("sla.same_day_cap", True), ("sla.same_day", False), ("", False)],
        ids=["first", "repeated", "prefix-is-not-a-match", "empty"],
    )
    def test_has_matches_whole_codes(self, code: str, present: bool) -> None:
        assert DUE.has(code) is present

    def test_reason_returns_the_first_with_the_code(self) -> None:
        assert DUE.reason("sla.same_day_cap") is CAP

    def test_reason_of_an_absent_code_is_none(self) -> None:
        assert DUE.reason("sla.paused") is None

    def test_a_decision_without_reasons(self) -> None:
        bare = Decision(outcome="met")
        assert bare.reasons == ()
        assert bare.codes == ()
        assert not bare.has("sla.cutoff")

    def test_reasons_may_be_given_as_a_list(self) -> None:
        assert Decision(outcome="due", reasons=[CAP]).reasons == (CAP,)

    def test_decision_is_immutable(self) -> None:
        with pytest.raises(ValidationError, match="frozen"):
            DUE.outcome = "other"  # type: ignore[misc]


class TestExplain:
    @pytest.mark.parametrize(
        ("decision", "text"),
        [
            (Decision(outcome="met"), "met."),
            (
                Decision(outcome="due", reasons=(CAP,)),
                "due: capped at Wed 18:00, the close of that day.",
            ),
            (
                Decision(outcome="due", reasons=(CUTOFF, CAP)),
                "due: registered before the 16:00 cutoff; capped at Wed 18:00, the close of that"
                " day.",
            ),
        ],
        ids=["no-reasons", "one-reason", "two-reasons"],
    )
    def test_explain_is_one_paragraph(self, decision: Decision, text: str) -> None:
        assert decision.explain() == text

    def test_str_is_the_explanation(self) -> None:
        assert str(DUE) == DUE.explain()

    def test_explanation_has_no_line_breaks_or_codes(self) -> None:
        assert "\n" not in DUE.explain()
        assert "sla." not in DUE.explain()


# One value of every FactValue type, as a rule would put it in a reason.
FACTS: list[tuple[str, FactValue]] = [
    ("flag", True),
    ("count", 3),
    ("rate", Decimal("0.15")),
    ("score", Decimal("3.666666666666666666666666667")),
    ("kind", "bug"),
    ("on", date(2026, 11, 18)),
    ("at", datetime(2026, 11, 18, 15, 30, tzinfo=KYIV)),
    ("at_utc", datetime(2026, 11, 18, 13, 30, 0, 500, tzinfo=UTC)),
    ("cutoff", time(16, 0)),
    ("duration", timedelta(hours=8, minutes=30)),
    ("negative", timedelta(hours=-2)),
    ("price", Money.of("180.00", "UAH")),
    ("channels", ("portal", "email")),
    ("nothing", None),
]
FACT_IDS = [name for name, _ in FACTS]


def round_trip(decision: Decision) -> Decision:
    return Decision.model_validate_json(decision.model_dump_json())


class TestJsonRoundTrip:
    @pytest.mark.parametrize(("name", "value"), FACTS, ids=FACT_IDS)
    def test_each_fact_keeps_its_value_and_type(self, name: str, value: FactValue) -> None:
        decision = Decision(
            outcome="o", reasons=(Reason(code="a.b", message="m", facts={name: value}),)
        )
        back = round_trip(decision).reasons[0].fact(name)
        assert back == value
        assert type(back) is type(value)

    def test_decision_with_every_fact_type_round_trips(self) -> None:
        reason = Reason(code="a.b", message="m", facts=FACTS, source="Policy.field")
        decision = Decision(outcome="due", reasons=(reason, CAP))
        assert round_trip(decision) == decision

    def test_json_shape(self) -> None:
        data = json.loads(Decision(outcome="due", reasons=(CAP,)).model_dump_json())
        assert data == {
            "outcome": "due",
            "reasons": [
                {
                    "code": "sla.same_day_cap",
                    "message": "capped at Wed 18:00, the close of that day",
                    "facts": [
                        {"name": "cap", "type": "str", "value": "18:00"},
                        {"name": "hours", "type": "int", "value": 8},
                    ],
                    "source": "SlaTarget.same_day_cap",
                }
            ],
        }

    def test_money_fact_is_serialized_exactly(self) -> None:
        reason = Reason(code="a.b", message="m", facts={"price": Money.of("0.10", "EUR")})
        data = json.loads(reason.model_dump_json())
        assert data["facts"] == [
            {"name": "price", "type": "money", "value": {"amount": "0.10", "currency": "EUR"}}
        ]

    def test_json_schema_is_exported(self) -> None:
        schema = Decision.model_json_schema()
        assert schema["properties"]["outcome"]["type"] == "string"
        assert "Reason" in schema["$defs"]


class TestFormatInstant:
    @pytest.mark.parametrize(
        ("moment", "text"),
        [
            (datetime(2026, 11, 18, 15, 30, tzinfo=KYIV), "Wed 2026-11-18 15:30+02:00"),
            (datetime(2026, 7, 1, 9, 0, tzinfo=KYIV), "Wed 2026-07-01 09:00+03:00"),
            (datetime(2026, 11, 18, 15, 30, tzinfo=UTC), "Wed 2026-11-18 15:30+00:00"),
            (
                datetime(2026, 11, 18, 15, 30, tzinfo=ZoneInfo("Asia/Kathmandu")),
                "Wed 2026-11-18 15:30+05:45",
            ),
            (
                datetime(2026, 11, 18, 15, 30, tzinfo=ZoneInfo("America/St_Johns")),
                "Wed 2026-11-18 15:30-03:30",
            ),
            (
                datetime(2026, 11, 18, 15, 30, tzinfo=timezone(-timedelta(hours=10))),
                "Wed 2026-11-18 15:30-10:00",
            ),
            (datetime(2026, 11, 18, 15, 30, 7, tzinfo=UTC), "Wed 2026-11-18 15:30:07+00:00"),
            (
                datetime(2026, 11, 18, 15, 30, 0, 5, tzinfo=UTC),
                "Wed 2026-11-18 15:30:00.000005+00:00",
            ),
            (
                datetime(2026, 11, 18, 15, 30, 7, 250000, tzinfo=UTC),
                "Wed 2026-11-18 15:30:07.250000+00:00",
            ),
            (datetime(2026, 11, 21, 0, 0, tzinfo=KYIV), "Sat 2026-11-21 00:00+02:00"),
        ],
        ids=[
            "kyiv-winter",
            "kyiv-summer",
            "utc",
            "kathmandu-+05:45",
            "st-johns--03:30",
            "fixed--10:00",
            "seconds",
            "microseconds-only",
            "seconds-and-microseconds",
            "midnight",
        ],
    )
    def test_weekday_date_time_and_offset(self, moment: datetime, text: str) -> None:
        assert fmt(moment) == text

    def test_same_instant_reads_in_its_own_zone(self) -> None:
        kyiv = datetime(2026, 11, 18, 15, 30, tzinfo=KYIV)
        assert fmt(kyiv.astimezone(UTC)) == "Wed 2026-11-18 13:30+00:00"

    def test_naive_datetime_is_refused(self) -> None:
        # SPEC §1: every datetime that goes in must be aware; a naive one raises.
        with pytest.raises(NaiveDatetimeError):
            fmt(datetime(2026, 11, 18, 15, 30))


class TestFormatDuration:
    @pytest.mark.parametrize(
        ("duration", "text"),
        [
            (timedelta(0), "0 min"),
            (timedelta(hours=8), "8 h"),
            (timedelta(hours=12, minutes=30), "12 h 30 min"),
            (timedelta(minutes=45), "45 min"),
            (timedelta(seconds=90), "1 min 30 s"),
            (timedelta(hours=1, seconds=5), "1 h 5 s"),
            (timedelta(seconds=1), "1 s"),
            (timedelta(microseconds=1), "0.000001 s"),
            (timedelta(seconds=2, microseconds=250000), "2.250000 s"),
            (timedelta(days=2), "48 h"),
            (timedelta(days=41, hours=16), "1000 h"),
            (timedelta(hours=-2), "-2 h"),
            (timedelta(minutes=-90), "-1 h 30 min"),
            (timedelta(seconds=-1), "-1 s"),
            (timedelta(microseconds=-1), "-0.000001 s"),
        ],
        ids=[
            "zero",
            "hours",
            "hours-and-minutes",
            "minutes",
            "minutes-and-seconds",
            "hours-and-seconds",
            "one-second",
            "one-microsecond",
            "fractional-seconds",
            "days-are-hours",
            "1000-hours",
            "negative-hours",
            "negative-mixed",
            "negative-second",
            "negative-microsecond",
        ],
    )
    def test_hours_minutes_seconds(self, duration: timedelta, text: str) -> None:
        assert format_duration(duration) == text

    def test_negative_is_the_mirror_of_positive(self) -> None:
        for minutes in (1, 59, 61, 600, 1439):
            duration = timedelta(minutes=minutes, seconds=7)
            assert format_duration(-duration) == "-" + format_duration(duration)
