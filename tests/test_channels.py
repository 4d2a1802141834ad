"""Intake channels and which kinds of request may arrive through which (SPEC §3.3, §4)."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from supportrules import UnknownValueError
from supportrules.channels import ALL_CHANNELS, Channel, ChannelRule
from supportrules.errors import SupportRulesError

# seed 004: the Partner Support Manager takes phone calls for critical errors only.
PSM = ChannelRule(
    allowed={"critical_bug": ["phone", "portal", "client_area", "email"]},
    default=["portal", "client_area", "email"],
)

KIND_CHANNELS: list[tuple[str, Channel]] = [
    (kind, channel) for kind in ("bug", "critical_bug", "other") for channel in Channel
]


class TestChannel:
    def test_the_four_channels_of_the_spec(self) -> None:
        assert [c.value for c in Channel] == ["portal", "client_area", "email", "phone"]
        assert tuple(Channel) == ALL_CHANNELS

    @pytest.mark.parametrize(
        ("text", "channel"),
        [
            ("phone", Channel.PHONE),
            ("PHONE", Channel.PHONE),
            ("Client-Area", Channel.CLIENT_AREA),
            ("client area", Channel.CLIENT_AREA),
            (" Email ", Channel.EMAIL),
        ],
        ids=["exact", "upper", "hyphen", "space", "padded"],
    )
    def test_channels_are_read_leniently(self, text: str, channel: Channel) -> None:
        assert Channel(text) is channel

    def test_unknown_channel_suggests_a_close_one(self) -> None:
        with pytest.raises(UnknownValueError) as caught:
            Channel("phon")
        assert str(caught.value).startswith("channel: unknown value 'phon'; did you mean 'phone'?")

    def test_unknown_channel_lists_the_known_ones(self) -> None:
        with pytest.raises(UnknownValueError, match="Known values: 'portal', 'client_area'"):
            Channel("fax")


class TestAllows:
    @pytest.mark.parametrize(
        ("kind", "channel", "allowed"),
        [
            ("critical_bug", "phone", True),
            ("critical_bug", "portal", True),
            ("consultation", "phone", False),
            ("consultation", "portal", True),
            ("bug", "phone", False),
            ("bug", "email", True),
            ("modification", Channel.CLIENT_AREA, True),
            ("consultation", Channel.PHONE, False),
        ],
        ids=[
            "listed-kind-listed-channel",
            "listed-kind-other-channel",
            "default-kind-refused-channel",
            "default-kind-default-channel",
            "bug-by-phone",
            "bug-by-email",
            "enum-allowed",
            "enum-refused",
        ],
    )
    def test_listed_kinds_use_their_list_others_the_default(
        self, kind: str, channel: Channel | str, allowed: bool
    ) -> None:
        assert PSM.allows(kind, channel) is allowed

    def test_a_listed_kind_does_not_fall_back_to_the_default(self) -> None:
        rule = ChannelRule(allowed={"bug": ["email"]}, default=["portal"])
        assert not rule.allows("bug", "portal")
        assert rule.allows("consultation", "portal")

    def test_an_empty_list_allows_nothing(self) -> None:
        rule = ChannelRule(allowed={"bug": []})
        assert not any(rule.allows("bug", channel) for channel in Channel)

    def test_the_default_rule_allows_every_channel(self) -> None:
        rule = ChannelRule()
        assert all(rule.allows("anything", channel) for channel in Channel)

    def test_channels_for(self) -> None:
        assert PSM.channels_for("consultation") == (
            Channel.PORTAL,
            Channel.CLIENT_AREA,
            Channel.EMAIL,
        )
        assert Channel.PHONE in PSM.channels_for("critical_bug")

    def test_channel_text_is_read_leniently(self) -> None:
        assert PSM.allows("critical_bug", "PHONE")

    def test_unknown_channel_is_an_error_not_a_refusal(self) -> None:
        with pytest.raises(UnknownValueError, match="'fax'"):
            PSM.allows("bug", "fax")


class TestCheck:
    def test_allowed_channel_gives_the_allowed_reason(self) -> None:
        reason = PSM.check("critical_bug", "phone", source="PsmPolicy.channels")
        assert reason.code == "intake.channel_allowed"
        assert reason.facts_dict() == {"kind": "critical_bug", "channel": "phone"}
        assert reason.source == "PsmPolicy.channels"
        assert "critical_bug" in reason.message
        assert "phone" in reason.message

    def test_refused_channel_gives_the_not_allowed_reason_with_the_allowed_list(self) -> None:
        reason = PSM.check("consultation", "phone")
        assert reason.code == "intake.channel_not_allowed"
        assert reason.fact("kind") == "consultation"
        assert reason.fact("channel") == "phone"
        assert reason.fact("allowed") == ("portal", "client_area", "email")
        assert reason.message == (
            "consultation requests may not arrive by phone (allowed: portal, client_area, email)"
        )

    def test_source_defaults_to_the_rule(self) -> None:
        assert PSM.check("bug", "email").source == "ChannelRule"

    def test_nothing_allowed_reads_none(self) -> None:
        reason = ChannelRule(allowed={"bug": []}).check("bug", "phone")
        assert reason.code == "intake.channel_not_allowed"
        assert reason.fact("allowed") == ()
        assert reason.message.endswith("(allowed: none)")

    @pytest.mark.parametrize(
        ("kind", "channel"), KIND_CHANNELS, ids=[f"{k}-{c}" for k, c in KIND_CHANNELS]
    )
    def test_check_agrees_with_allows(self, kind: str, channel: Channel) -> None:
        allowed = PSM.allows(kind, channel)
        code = PSM.check(kind, channel).code
        assert code == ("intake.channel_allowed" if allowed else "intake.channel_not_allowed")

    def test_reasons_round_trip_through_json(self) -> None:
        reason = PSM.check("consultation", "phone")
        assert type(reason).model_validate_json(reason.model_dump_json()) == reason


class TestJson:
    def test_allowed_serializes_as_a_json_object(self) -> None:
        data = json.loads(PSM.model_dump_json())
        assert data == {
            "allowed": {"critical_bug": ["phone", "portal", "client_area", "email"]},
            "default": ["portal", "client_area", "email"],
        }

    def test_default_rule_serializes_every_channel(self) -> None:
        assert json.loads(ChannelRule().model_dump_json()) == {
            "allowed": {},
            "default": ["portal", "client_area", "email", "phone"],
        }

    @pytest.mark.parametrize(
        "rule",
        [PSM, ChannelRule(), ChannelRule(allowed={"bug": [], "consultation": ["email"]})],
        ids=["psm", "default", "empty-list"],
    )
    def test_round_trip(self, rule: ChannelRule) -> None:
        back = ChannelRule.model_validate_json(rule.model_dump_json())
        assert back == rule
        assert back.allows("critical_bug", "phone") is rule.allows("critical_bug", "phone")

    def test_round_trip_through_python_dump(self) -> None:
        assert ChannelRule.model_validate(PSM.model_dump()) == PSM

    def test_hand_written_json_is_read_leniently(self) -> None:
        rule = ChannelRule.model_validate_json(
            '{"allowed": {"critical_bug": ["Phone"]}, "default": ["EMAIL"]}'
        )
        assert rule.allows("critical_bug", Channel.PHONE)
        assert rule.channels_for("bug") == (Channel.EMAIL,)

    def test_unknown_channel_in_json_is_a_validation_error(self) -> None:
        with pytest.raises(SupportRulesError, match="'fax'"):
            ChannelRule.model_validate_json('{"allowed": {"bug": ["fax"]}}')

    def test_unknown_channel_in_python_is_our_error(self) -> None:
        with pytest.raises(UnknownValueError, match="'fax'"):
            ChannelRule(default=["fax"])

    def test_extra_fields_are_refused(self) -> None:
        with pytest.raises(SupportRulesError, match="channels"):
            ChannelRule.model_validate_json('{"channels": []}')

    def test_the_schema_describes_allowed_as_the_object_it_is_written_as(self) -> None:
        # SPEC §1: policies export a JSON Schema so a service can keep them in its config
        # store; the JSON we write must be valid against the schema we export.
        schema = ChannelRule.model_json_schema()
        allowed = schema["properties"]["allowed"]["anyOf"]
        assert [option["type"] for option in allowed] == ["object", "array"]  # or pairs
        assert schema["properties"]["default"]["type"] == "array"
        written = ChannelRule.model_json_schema(mode="serialization")
        assert written["properties"]["allowed"]["type"] == "object"

    def test_rule_is_immutable_and_hashable(self) -> None:
        with pytest.raises(ValidationError, match="frozen"):
            PSM.default = ()  # type: ignore[misc]
        assert hash(PSM) == hash(ChannelRule.model_validate_json(PSM.model_dump_json()))
