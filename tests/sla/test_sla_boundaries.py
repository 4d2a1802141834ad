"""Boundaries that used to give a silent wrong answer (issue: no silent wrong answer).

A pause that begins exactly at the due, durations that are negative only once parsed,
channel rules with a misspelt kind, absurd part counts, junk arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from supportrules import BusinessCalendar
from supportrules.errors import (
    InvalidArgumentError,
    InvalidDurationError,
    InvalidEventSequenceError,
    NaiveDatetimeError,
    SupportRulesError,
    UnknownValueError,
)
from supportrules.presets import onebox_paid_support, onebox_partner_support_manager
from supportrules.sla import (
    MetricState,
    Paused,
    Resumed,
    SlaPolicy,
    SlaTarget,
    Ticket,
    at_risk,
    compliance,
    deadlines,
    status,
)

KYIV = ZoneInfo("Europe/Kyiv")
K = BusinessCalendar.standard("Europe/Kyiv")
PSM = onebox_partner_support_manager(K)
PAID = onebox_paid_support(K)


def kyiv(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=KYIV)


# A PSM consultation opened Wed 10:00 must be acknowledged within 1 h: due 11:00.
CONSULTATION = Ticket(id="C-1", kind="consultation", opened_at=kyiv(18, 10))


class TestAPauseThatBeginsAtTheDue:
    def test_the_due_is_eleven(self) -> None:
        assert PSM.deadlines(CONSULTATION).acknowledge_by == kyiv(18, 11)

    @pytest.mark.parametrize(
        "paused_at",
        [kyiv(18, 10, 59, 59), kyiv(18, 11)],
        ids=["one-second-before-the-due", "exactly-at-the-due"],
    )
    @pytest.mark.parametrize(
        "now", [kyiv(18, 11), kyiv(18, 11, 0, 1), kyiv(18, 17), kyiv(19, 8)], ids=str
    )
    def test_is_paused_while_it_lasts_never_breached(
        self, paused_at: datetime, now: datetime
    ) -> None:
        result = PSM.status(CONSULTATION, [Paused(at=paused_at)], now).acknowledge
        assert result.state is MetricState.PAUSED
        assert result.breached_at is None

    def test_one_second_before_the_due_leaves_one_second_after_the_pause(self) -> None:
        events = [Paused(at=kyiv(18, 10, 59, 59)), Resumed(at=kyiv(19, 10))]
        result = PSM.status(CONSULTATION, events, kyiv(19, 12)).acknowledge
        assert result.due_at == kyiv(19, 10, 0, 1)
        assert result.state is MetricState.BREACHED

    def test_exactly_at_the_due_leaves_nothing_so_it_is_due_as_the_pause_ends(self) -> None:
        events = [Paused(at=kyiv(18, 11)), Resumed(at=kyiv(19, 10))]
        at_resume = PSM.status(CONSULTATION, events, kyiv(19, 10)).acknowledge
        assert at_resume.due_at == kyiv(19, 10)
        assert at_resume.state is MetricState.RUNNING  # done at the due is in time
        later = PSM.status(CONSULTATION, events, kyiv(19, 10, 0, 1)).acknowledge
        assert later.state is MetricState.BREACHED
        assert later.breached_at == kyiv(19, 10)
        reason = PSM.status(CONSULTATION, events, kyiv(19, 12)).reason("sla.pause_moved_due")
        assert reason is not None
        assert "moves the due from Wed 2026-11-18 11:00+02:00 to Thu 2026-11-19 10:00+02:00" in (
            reason.message
        )

    def test_a_pause_after_the_due_is_too_late(self) -> None:
        result = PSM.status(CONSULTATION, [Paused(at=kyiv(18, 11, 0, 1))], kyiv(18, 12))
        assert result.acknowledge.state is MetricState.BREACHED
        assert result.acknowledge.breached_at == kyiv(18, 11)

    def test_a_pause_over_the_close_that_ends_before_the_opening(self) -> None:
        # A bug registered Wed 10:00 on the paid plan is due Wed 18:00 (8 h).
        bug = Ticket(id="B-1", kind="bug", opened_at=kyiv(18, 10))
        assert PAID.deadlines(bug).resolve_by == kyiv(18, 18)
        events = [Paused(at=kyiv(18, 18)), Resumed(at=kyiv(19, 8))]
        night = PAID.status(bug, events[:1], kyiv(18, 23)).resolve
        assert night.state is MetricState.PAUSED
        morning = PAID.status(bug, events, kyiv(19, 8, 30)).resolve
        assert morning.due_at == kyiv(19, 8)  # nothing was left: due as the pause ended
        assert morning.state is MetricState.BREACHED

    def test_a_pause_that_ends_before_the_due_in_closed_time_changes_nothing(self) -> None:
        by_four = SlaPolicy(
            name="by 16:00",
            calendar=BusinessCalendar.standard("Europe/Kyiv", "09:00-13:00"),
            targets=[SlaTarget.by_time_of_day("resolve", ["bug"], "16:00", cutoff="10:00")],
        )
        bug = Ticket(id="B-2", kind="bug", opened_at=kyiv(18, 9))
        assert by_four.deadlines(bug).resolve_by == kyiv(18, 16)
        events = [Paused(at=kyiv(18, 14)), Resumed(at=kyiv(18, 15))]
        result = by_four.status(bug, events, kyiv(18, 15, 30)).resolve
        assert result.due_at == kyiv(18, 16)
        assert result.state is MetricState.RUNNING


class TestDurationsAreCheckedAfterParsing:
    @pytest.mark.parametrize("text", ["-PT5H", "-PT0.000001S", "-P1D", "-08:00:00"])
    def test_a_negative_estimate_is_refused_on_every_path(self, text: str) -> None:
        payload = {"id": "T", "kind": "modification", "opened_at": "2026-11-18T10:00:00+02:00"}
        builds: tuple[Callable[[], object], ...] = (
            lambda: Ticket(**payload, estimate=text),
            lambda: Ticket.model_validate({**payload, "estimate": text}),
            lambda: Ticket.model_validate_json(
                f'{{"id": "T", "kind": "modification", '
                f'"opened_at": "2026-11-18T10:00:00+02:00", "estimate": "{text}"}}'
            ),
        )
        for build in builds:
            with pytest.raises(InvalidDurationError, match=r"^estimate: .* is negative"):
                build()

    @pytest.mark.parametrize("value", ["-PT8H", timedelta(hours=-8)], ids=["iso", "timedelta"])
    def test_a_negative_target_duration_is_refused(self, value: Any) -> None:
        with pytest.raises(InvalidDurationError, match=r"^duration: -8 h is negative"):
            SlaTarget(metric="resolve", duration=value)
        with pytest.raises(InvalidDurationError, match=r"targets\[0\]\.duration: -8 h"):
            SlaPolicy.model_validate_json(
                '{"name": "x", "calendar": {"timezone": "UTC"}, '
                '"targets": [{"metric": "resolve", "duration": "-PT8H"}]}'
            )

    @pytest.mark.parametrize("value", [28800, 8.0, True], ids=["int", "float", "bool"])
    def test_a_bare_number_is_not_a_duration(self, value: Any) -> None:
        with pytest.raises(InvalidDurationError, match="not a duration"):
            SlaTarget(metric="resolve", duration=value)

    def test_zero_and_iso_durations_are_fine(self) -> None:
        assert SlaTarget(metric="resolve", duration="PT0S").duration == timedelta(0)
        assert SlaTarget(metric="resolve", duration="P1DT2H").duration == timedelta(hours=26)


class TestChannelRulesNameRealKinds:
    def test_a_misspelt_kind_is_refused(self) -> None:
        data = PSM.model_dump(mode="json")
        data["channels"] = {"allowed": {"critcal_bug": ["phone", "portal"]}}
        with pytest.raises(UnknownValueError, match=r"critcal_bug.*did you mean 'critical_bug'"):
            SlaPolicy.model_validate(data)

    def test_another_spelling_of_a_kind_is_written_canonically_and_applies(self) -> None:
        data = PSM.model_dump(mode="json")
        data["channels"] = {"allowed": {"Critical Bug": ["phone"]}, "default": ["portal"]}
        policy = SlaPolicy.model_validate(data)
        assert policy.channels.allowed[0][0] == "critical_bug"
        phoned = Ticket(id="P", kind="critical_bug", channel="phone", opened_at=kyiv(18, 10))
        assert policy.deadlines(phoned).accepted


class TestPartsAreBounded:
    def test_more_parts_than_the_policy_allows_are_refused_at_once(self) -> None:
        huge = Ticket(id="X", kind="compound", parts=10**18, opened_at=kyiv(18, 10))
        with pytest.raises(InvalidArgumentError, match=r"parts: .*max_parts \(100\)"):
            PSM.deadlines(huge)
        with pytest.raises(InvalidArgumentError, match="max_parts"):
            PSM.status(huge, [], kyiv(18, 11))

    def test_the_bound_is_policy_data(self) -> None:
        many = Ticket(id="X", kind="compound", parts=150, opened_at=kyiv(18, 10))
        assert len(PSM.replace(max_parts=150).deadlines(many).parts) == 150


def junk(value: object) -> Any:
    """A value of the wrong type, passed on purpose."""
    return value


class TestJunkArgumentsGetOurErrors:
    @pytest.mark.parametrize(
        ("call", "error", "named"),
        [
            (
                lambda: status(PSM, CONSULTATION, junk(None), kyiv(18, 11)),
                InvalidArgumentError,
                "events",
            ),
            (
                lambda: status(PSM, CONSULTATION, junk("[]"), kyiv(18, 11)),
                InvalidArgumentError,
                "events",
            ),
            (
                lambda: status(PSM, CONSULTATION, junk([17]), kyiv(18, 11)),
                InvalidEventSequenceError,
                None,
            ),
            (lambda: status(PSM, junk(None), [], kyiv(18, 11)), InvalidArgumentError, "ticket"),
            (
                lambda: status(junk(None), CONSULTATION, [], kyiv(18, 11)),
                InvalidArgumentError,
                "policy",
            ),
            (lambda: status(PSM, CONSULTATION, [], junk(None)), NaiveDatetimeError, "now"),
            (lambda: deadlines(PSM, junk({"id": "T"})), InvalidArgumentError, "ticket"),
            (lambda: compliance(junk(None)), InvalidArgumentError, "statuses"),
            (lambda: compliance(junk([17])), InvalidArgumentError, r"statuses\[0\]"),
            (
                lambda: at_risk(junk(None), kyiv(18, 11), timedelta(1)),
                InvalidArgumentError,
                "items",
            ),
            (
                lambda: at_risk(junk([(PSM,)]), kyiv(18, 11), timedelta(1)),
                InvalidArgumentError,
                "items",
            ),
            (
                lambda: PSM.at_risk(junk(None), kyiv(18, 11), timedelta(1)),
                InvalidArgumentError,
                "items",
            ),
            (
                lambda: PSM.at_risk(junk([1]), kyiv(18, 11), timedelta(1)),
                InvalidArgumentError,
                "items",
            ),
        ],
    )
    def test_is_refused_naming_the_argument(
        self, call: Any, error: type[SupportRulesError], named: str | None
    ) -> None:
        with pytest.raises(error, match=named):
            call()
