"""Every path in validates the same way, and no copy shares or carries a memo (SPEC §1).

Constructors, ``model_validate``, ``model_validate_json``, ``model_copy``, ``copy``,
``deepcopy`` and pickling; and ``except SupportRulesError`` catches the bad input of
every one of them.
"""

from __future__ import annotations

import copy
import pickle
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from supportrules import BusinessCalendar, Money
from supportrules.errors import (
    InvalidDurationError,
    InvalidInputError,
    SupportRulesError,
    UnknownTimezoneError,
)
from supportrules.presets import onebox_partner_support_manager
from supportrules.sla import Paused, SlaPolicy, SlaTarget, Ticket

KYIV = ZoneInfo("Europe/Kyiv")
K = BusinessCalendar.standard("Europe/Kyiv")
OPENED = datetime(2026, 11, 18, 10, tzinfo=KYIV)
CONSULTATION = Ticket(id="C-1", kind="consultation", opened_at=OPENED)


def used_policy() -> SlaPolicy:
    """A policy that has compiled its targets and built calendar years."""
    policy = onebox_partner_support_manager(K)
    policy.deadlines(CONSULTATION)
    policy.status(CONSULTATION, [], OPENED + timedelta(days=400))
    return policy


def copies(policy: SlaPolicy, **update: Any) -> list[SlaPolicy]:
    found = [policy.model_copy(update=update), policy.replace(**update)]
    if not update:
        found += [copy.copy(policy), copy.deepcopy(policy), pickle.loads(pickle.dumps(policy))]
    return found


class TestCopiesNeverShareAMemo:
    def test_a_copy_with_new_targets_leaves_the_original_alone(self) -> None:
        original = used_policy()
        before = original.deadlines(CONSULTATION).resolve_by
        twelve = SlaTarget.business_time("resolve", ["consultation"], timedelta(hours=12))
        changed = original.model_copy(update={"targets": (twelve,)})
        assert changed.deadlines(CONSULTATION).resolve_by == K.add(OPENED, timedelta(hours=12))
        assert original.deadlines(CONSULTATION).resolve_by == before  # unchanged

    def test_a_copy_is_validated_again(self) -> None:
        with pytest.raises(InvalidDurationError, match="negative"):
            used_policy().targets[0].model_copy(update={"duration": timedelta(hours=-1)})
        with pytest.raises(InvalidInputError, match="colour"):
            used_policy().model_copy(update={"colour": "red"})

    def test_a_copied_event_has_its_own_instant(self) -> None:
        event = Paused(at=OPENED)
        later = OPENED + timedelta(hours=1)
        moved = event.model_copy(update={"at": later})
        policy = used_policy()
        status = policy.status(CONSULTATION, [moved], later + timedelta(minutes=1))
        paused = status.reason("sla.paused")
        assert paused is not None
        assert paused.fact("since") == later

    @pytest.mark.parametrize("which", range(5))
    def test_plain_copies_answer_the_same_and_build_their_own_memos(self, which: int) -> None:
        original = used_policy()
        duplicate = copies(original)[which]
        assert duplicate == original
        assert duplicate._route_memo is not original._route_memo
        # (the calendar inside may be the same object: a value, safe to share)
        assert duplicate.deadlines(CONSULTATION) == original.deadlines(CONSULTATION)


class TestPicklesCarryTheDefinition:
    def test_a_used_policy_pickles_small(self) -> None:
        fresh = len(pickle.dumps(onebox_partner_support_manager(K)))
        used = len(pickle.dumps(used_policy()))
        assert used == fresh
        assert used < 20_000  # was about 0.9 MB with the caches

    def test_a_country_calendar_pickles_and_works(self) -> None:
        tr = BusinessCalendar.for_country("TR", timezone="Europe/Istanbul")
        start = datetime.fromisoformat("2026-10-28T11:00+03:00")
        expected = tr.add(start, timedelta(hours=8))
        loaded = pickle.loads(pickle.dumps(tr))
        assert loaded == tr
        assert loaded.add(start, timedelta(hours=8)) == expected

    def test_results_pickle_too(self) -> None:
        status = used_policy().status(CONSULTATION, [], OPENED + timedelta(hours=1))
        assert pickle.loads(pickle.dumps(status)) == status
        assert pickle.loads(pickle.dumps(Money.of("10.00", "EUR"))) == Money.of("10.00", "EUR")

    def test_a_tampered_pickle_is_validated(self) -> None:
        data = pickle.dumps(Money.of("10.00", "EUR")).replace(b"EUR", b"EUX")
        with pytest.raises(SupportRulesError, match="EUX"):
            pickle.loads(data)


class TestOneErrorFamily:
    @pytest.mark.parametrize(
        "build",
        [
            lambda: Ticket(id=17, kind="bug", opened_at=OPENED),
            lambda: Ticket(id="T", kind="compound", parts=0, opened_at=OPENED),
            lambda: Ticket(id="T", kind="bug", opened_at=OPENED, colour="red"),  # type: ignore[call-arg]
            lambda: Ticket.model_validate({"id": "T", "kind": "bug"}),
            lambda: Ticket.model_validate_json('{"id": "T", "kind": "bgu"}'),
            lambda: Ticket.model_validate_json("not json"),
            lambda: SlaPolicy.model_validate({"name": "x", "calendar": {}, "targets": []}),
            lambda: Money.model_validate_json('{"amount": 1.5, "currency": "EUR"}'),
        ],
        ids=[
            "id-an-int",
            "zero-parts",
            "extra-field",
            "missing-field",
            "kind-typo-json",
            "not-json",
            "nested-missing",
            "json-float-amount",
        ],
    )
    def test_except_support_rules_error_catches_it(self, build: Any) -> None:
        with pytest.raises(SupportRulesError) as caught:
            build()
        assert isinstance(caught.value.__cause__, ValidationError)
        assert caught.value.errors()

    def test_model_validate_suggests_like_the_constructor(self) -> None:
        with pytest.raises(SupportRulesError, match=r"^kind: unknown value 'bgu'; did you mean"):
            Ticket.model_validate_json(
                '{"id": "T", "kind": "bgu", "opened_at": "2026-11-18T10:00Z"}'
            )

    def test_locations_read_as_json_paths(self) -> None:
        with pytest.raises(InvalidInputError, match=r"^targets\[0\]\.metric: required"):
            SlaPolicy.model_validate_json(
                '{"name": "x", "calendar": {"timezone": "UTC"}, "targets": [{"duration": "PT1H"}]}'
            )

    def test_json_advice_for_a_naive_instant(self) -> None:
        with pytest.raises(
            SupportRulesError, match=r"opened_at: .*naive.*2026-11-18T10:00:00\+02:00"
        ):
            Ticket.model_validate_json(
                '{"id": "T", "kind": "bug", "opened_at": "2026-11-18T10:00"}'
            )


class TestMachineDependentZones:
    @pytest.mark.parametrize(
        "key", ["localtime", "posixrules", "Factory", "posix/Europe/Kyiv", "right/UTC"]
    )
    def test_are_refused(self, key: str) -> None:
        with pytest.raises(UnknownTimezoneError, match="depends on the machine"):
            BusinessCalendar.standard(key)
