"""Policies, tickets, events and results of the SLA engine are data (SPEC §1): each one
round-trips through JSON and exports a JSON Schema, so a service can keep them in its
own config store and replay them later."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pydantic import BaseModel, TypeAdapter

from supportrules import BusinessCalendar
from supportrules.errors import (
    InvalidArgumentError,
    InvalidInputError,
    NaiveDatetimeError,
    SupportRulesError,
)
from supportrules.presets import (
    onebox_free_support,
    onebox_paid_support,
    onebox_partner_support_manager,
)
from supportrules.sla import (
    Acknowledged,
    Deadlines,
    Paused,
    Reopened,
    Resolved,
    Resumed,
    SlaEvent,
    SlaPolicy,
    SlaStatus,
    SlaTarget,
    Ticket,
    parse_events,
)

KYIV = ZoneInfo("Europe/Kyiv")
K = BusinessCalendar(timezone="Europe/Kyiv", weekly={d: ["09:00-18:00"] for d in range(5)})
UA = BusinessCalendar.for_country("UA", timezone="Europe/Kyiv")
TR = BusinessCalendar.for_country("TR", timezone="Europe/Istanbul")
A24 = BusinessCalendar.always_open("Europe/Amsterdam")
EVENTS: TypeAdapter[list[SlaEvent]] = TypeAdapter(list[SlaEvent])


def kyiv(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=KYIV)


def custom_policy() -> SlaPolicy:
    """Relative targets, a 24x7 target calendar, matching on channel and priority, the
    ticket's calendar, pause reasons and thresholds: every optional field set once."""
    return SlaPolicy(
        name="custom",
        source="tests",
        calendar=K,
        calendar_source="ticket",
        covered_kinds=["bug", "critical_bug", "consultation"],
        channels={"allowed": {"critical_bug": ["phone", "email"]}, "default": ["email"]},
        warnings=[Decimal("0.6"), Decimal("0.95")],
        targets=(
            SlaTarget.business_time(
                "acknowledge",
                ["critical_bug"],
                timedelta(minutes=30),
                calendar=A24,
                warnings=[Decimal("0.8")],
                name="page the on-call engineer",
            ),
            SlaTarget.by_time_of_day(
                "resolve", ["bug"], at="16:00", cutoff="10:00", days=1, priorities=["P1"]
            ),
            SlaTarget.end_of_business_day(
                "resolve", [], days=1, channels=["email"], pause_on=["customer"]
            ),
            SlaTarget.business_time(
                "resolve",
                ["consultation"],
                timedelta(hours=4, minutes=30),
                cutoff="16:00",
                same_day_cap=True,
            ),
        ),
    )


POLICIES: dict[str, Callable[[], SlaPolicy]] = {
    "free-on-K": lambda: onebox_free_support(K),
    "paid-on-K": lambda: onebox_paid_support(K),
    "psm-on-K": lambda: onebox_partner_support_manager(K),
    "paid-on-UA": lambda: onebox_paid_support(UA),
    "psm-on-TR": lambda: onebox_partner_support_manager(TR),
    "custom": custom_policy,
}
TICKETS = [
    Ticket(id="T-1", kind="bug", opened_at=kyiv(18, 15, 30)),
    Ticket(id="T-2", kind="critical_bug", opened_at=kyiv(20, 16), channel="phone", priority="P1"),
    Ticket(id="T-3", kind="compound", opened_at=kyiv(18, 10), parts=3, channel="email"),
    Ticket(
        id="T-4",
        kind="modification",
        opened_at=kyiv(16, 10),
        estimate=timedelta(hours=20, minutes=15, seconds=30),
    ),
    Ticket(id="T-5", kind="modification", opened_at=kyiv(16, 10)),
    Ticket(
        id="T-6",
        kind="consultation",
        opened_at=datetime.fromisoformat("2026-11-18T15:30:00+00:00"),
        channel="client_area",
        calendar=BusinessCalendar.standard("America/New_York"),
    ),
]
TICKET_IDS = ["bug", "critical-by-phone", "compound", "estimated", "no-estimate", "own-calendar"]
HISTORY: list[SlaEvent] = [
    Acknowledged(at=kyiv(16, 10, 30)),
    Paused(at=kyiv(17, 11), reason="production"),
    Resumed(at=kyiv(18, 15)),
    Resolved(at=kyiv(19, 12)),
    Reopened(at=kyiv(19, 14)),
    Paused(at=kyiv(19, 15)),
]


def round_trip(value: BaseModel) -> Any:
    return type(value).model_validate_json(value.model_dump_json())


class TestPolicies:
    @pytest.mark.parametrize("build", POLICIES.values(), ids=POLICIES.keys())
    def test_a_policy_round_trips(self, build: Callable[[], SlaPolicy]) -> None:
        policy = build()
        again = round_trip(policy)
        assert again == policy
        assert again.model_dump_json() == policy.model_dump_json()

    @pytest.mark.parametrize("build", POLICIES.values(), ids=POLICIES.keys())
    def test_a_reloaded_policy_gives_the_same_answers(self, build: Callable[[], SlaPolicy]) -> None:
        policy = build()
        again = round_trip(policy)
        for ticket in TICKETS:
            assert again.deadlines(ticket) == policy.deadlines(ticket)
            assert again.status(ticket, [], kyiv(23, 12)) == policy.status(ticket, [], kyiv(23, 12))

    def test_durations_and_thresholds_travel_as_iso_8601_and_decimal_strings(self) -> None:
        data = json.loads(custom_policy().model_dump_json())
        assert data["targets"][0]["duration"] == "PT30M"
        assert data["targets"][0]["warnings"] == ["0.8"]
        assert data["targets"][0]["calendar"]["timezone"] == "Europe/Amsterdam"
        assert data["targets"][1]["by"] == {"at": "16:00", "days": 1}
        assert data["targets"][2]["end_of_day"] == 1
        assert data["warnings"] == ["0.6", "0.95"]
        assert data["channels"]["allowed"] == {"critical_bug": ["phone", "email"]}
        assert data["calendar_source"] == "ticket"

    def test_a_policy_written_by_hand_in_json_loads(self) -> None:
        policy = SlaPolicy.model_validate_json(
            json.dumps(
                {
                    "name": "by hand",
                    "calendar": {"timezone": "Europe/Kyiv", "weekly": {"mon": ["09:00-18:00"]}},
                    "targets": [
                        {
                            "metric": "resolve",
                            "kinds": ["bug"],
                            "duration": "PT8H",
                            "cutoff": "16:00",
                            "same_day_cap": True,
                        },
                    ],
                }
            )
        )
        result = policy.deadlines(Ticket(id="T-1", kind="bug", opened_at=kyiv(16, 15, 30)))
        assert result.resolve_by == kyiv(16, 18)

    def test_a_bad_policy_in_json_is_a_validation_error_naming_the_field(self) -> None:
        bad = json.loads(onebox_paid_support(K).model_dump_json())
        bad["targets"][0]["metric"] = "resolved"
        with pytest.raises(SupportRulesError, match=r"targets\[0\]\.metric"):
            SlaPolicy.model_validate_json(json.dumps(bad))

    def test_the_schema_describes_every_field(self) -> None:
        schema = SlaPolicy.model_json_schema()
        assert set(schema["properties"]) == set(SlaPolicy.model_fields)
        assert set(schema["required"]) == {"name", "calendar", "targets"}
        target = schema["$defs"]["SlaTarget"]
        assert set(target["properties"]) == set(SlaTarget.model_fields)
        assert schema["$defs"]["Metric"]["anyOf"][0]["enum"] == ["acknowledge", "resolve"]
        assert "consultation" in schema["$defs"]["TicketKind"]["anyOf"][0]["enum"]
        json.dumps(schema)  # plain JSON, ready for a config store


class TestTicketsAndEvents:
    @pytest.mark.parametrize("ticket", TICKETS, ids=TICKET_IDS)
    def test_a_ticket_round_trips(self, ticket: Ticket) -> None:
        assert round_trip(ticket) == ticket

    def test_an_estimate_travels_as_an_iso_8601_duration(self) -> None:
        data = json.loads(TICKETS[3].model_dump_json())
        assert data["estimate"] == "PT20H15M30S"
        assert data["opened_at"] == "2026-11-16T10:00:00+02:00"

    def test_a_mixed_list_of_events_round_trips_through_a_type_adapter(self) -> None:
        text = EVENTS.dump_json(HISTORY)
        assert EVENTS.validate_json(text) == HISTORY
        assert [event["type"] for event in json.loads(text)] == [
            "acknowledged",
            "paused",
            "resumed",
            "resolved",
            "reopened",
            "paused",
        ]

    def test_events_from_json_replay_the_same_status(self) -> None:
        policy = onebox_partner_support_manager(K)
        loaded = EVENTS.validate_json(EVENTS.dump_json(HISTORY))
        ticket = TICKETS[3]
        assert policy.status(ticket, loaded, kyiv(19, 16)) == policy.status(
            ticket, HISTORY, kyiv(19, 16)
        )

    def test_an_unknown_event_type_is_refused(self) -> None:
        with pytest.raises(InvalidInputError, match=r"^\[0\]: .*'escalated'"):
            parse_events('[{"type": "escalated", "at": "2026-11-18T10:00:00+02:00"}]')

    def test_parse_events_reads_json_and_python_alike(self) -> None:
        text = EVENTS.dump_json(HISTORY)
        assert parse_events(text) == tuple(HISTORY)
        assert parse_events(json.loads(text)) == tuple(HISTORY)
        assert parse_events(HISTORY) == tuple(HISTORY)

    @pytest.mark.parametrize(
        ("data", "error"),
        [
            ('[{"type": "paused", "at": "2026-11-18T10:00:00"}]', NaiveDatetimeError),
            ('{"type": "paused"}', InvalidInputError),
            ("not json", InvalidInputError),
            (None, InvalidArgumentError),
            ([17], InvalidInputError),
        ],
        ids=["naive", "an-object-not-a-list", "not-json", "none", "junk-item"],
    )
    def test_parse_events_raises_only_our_errors(self, data: Any, error: type[Exception]) -> None:
        with pytest.raises(error):
            parse_events(data)

    def test_a_naive_instant_in_json_is_refused(self) -> None:
        with pytest.raises(SupportRulesError, match="opened_at"):
            Ticket.model_validate_json(
                '{"id": "T-1", "kind": "bug", "opened_at": "2026-11-18T10:00:00"}'
            )

    def test_the_event_and_ticket_schemas(self) -> None:
        events = EVENTS.json_schema()
        assert events["type"] == "array"
        assert set(events["items"]["discriminator"]["mapping"]) == {
            "acknowledged",
            "paused",
            "resumed",
            "resolved",
            "reopened",
        }
        ticket = Ticket.model_json_schema()
        assert set(ticket["properties"]) == set(Ticket.model_fields)
        assert set(ticket["required"]) == {"id", "kind", "opened_at"}


class TestResults:
    @pytest.mark.parametrize("build", POLICIES.values(), ids=POLICIES.keys())
    @pytest.mark.parametrize("ticket", TICKETS, ids=TICKET_IDS)
    def test_deadlines_round_trip(self, build: Callable[[], SlaPolicy], ticket: Ticket) -> None:
        result = build().deadlines(ticket)
        again = round_trip(result)
        assert again == result
        assert again.explain() == result.explain()
        assert again.codes == result.codes

    @pytest.mark.parametrize("build", POLICIES.values(), ids=POLICIES.keys())
    @pytest.mark.parametrize(
        "now",
        [kyiv(16, 10, 45), kyiv(17, 12), kyiv(19, 13), kyiv(19, 16), kyiv(27, 9)],
        ids=["acknowledging", "paused", "resolved", "reopened-and-paused", "a-week-on"],
    )
    def test_status_round_trips(self, build: Callable[[], SlaPolicy], now: datetime) -> None:
        result = build().status(TICKETS[3], HISTORY, now)
        again = round_trip(result)
        assert again == result
        assert again.explain() == result.explain()

    def test_reason_facts_come_back_as_what_they_were(self) -> None:
        status = onebox_partner_support_manager(K).status(
            Ticket(id="T-1", kind="consultation", opened_at=kyiv(18, 10)), [], kyiv(18, 16, 12)
        )
        again: SlaStatus = round_trip(status)
        warning = again.reason("sla.warning")
        assert warning is not None
        assert warning.fact("remaining") == timedelta(hours=1, minutes=48)
        assert isinstance(warning.fact("fraction"), Decimal)
        moved = onebox_paid_support(K).deadlines(
            Ticket(id="T-1", kind="bug", opened_at=kyiv(18, 15, 30))
        )
        cap = round_trip(moved).reason("sla.same_day_cap")
        assert cap.fact("uncapped") == kyiv(19, 14, 30)

    @pytest.mark.parametrize("model", [Deadlines, SlaStatus], ids=["Deadlines", "SlaStatus"])
    def test_result_schemas(self, model: type[BaseModel]) -> None:
        schema = model.model_json_schema()
        assert set(schema["properties"]) == set(model.model_fields)
        assert "reasons" in schema["properties"]
        json.dumps(schema)
