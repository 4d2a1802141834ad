"""Intake channels, and the rule of which kinds of request may arrive through which.

Shared by the SLA engine and coverage classification (SPEC §3.3, §4 step 2): the
Partner Support Manager service takes phone calls only for critical errors (seed 004).

>>> rule = ChannelRule(allowed={"critical_bug": ["phone", "portal"]}, default=["portal", "email"])
>>> rule.allows("critical_bug", "phone"), rule.allows("consultation", "phone")
(True, False)
>>> rule.check("consultation", "phone").code
'intake.channel_not_allowed'
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import field_serializer, field_validator

from supportrules._model import Frozen, Vocabulary, items_of, pairs_of
from supportrules._schema import Schemas, pairs_or_object, vocabulary
from supportrules.errors import InvalidPolicyError, UnknownValueError, shown
from supportrules.explain import Reason

__all__ = ["ALL_CHANNELS", "Channel", "ChannelRule"]


class Channel(Vocabulary):
    """How a request reached the vendor (SPEC §3.1)."""

    PORTAL = "portal"  # the partner's own system
    CLIENT_AREA = "client_area"
    EMAIL = "email"
    PHONE = "phone"


ALL_CHANNELS: tuple[Channel, ...] = tuple(Channel)


class ChannelRule(Frozen):
    """Allowed channels per kind of request; kinds not listed take ``default``.

    Kinds are plain strings so that the SLA ticket kinds and the coverage request
    kinds can share the rule.
    """

    allowed: Annotated[
        tuple[tuple[str, tuple[Channel, ...]], ...],
        Schemas(
            validation=pairs_or_object(
                {"type": "string"},
                {"type": "array", "items": vocabulary(Channel)},
                description="Allowed channels per kind of request: {kind: [channel, ...]}.",
            ),
        ),
    ] = ()
    default: tuple[Channel, ...] = ALL_CHANNELS

    @field_validator("allowed", mode="before")
    @classmethod
    def _from_mapping(cls, value: Any) -> Any:
        return tuple(
            (kind, tuple(items_of(channels, f"allowed[{shown(kind)}]", "channels")))
            for kind, channels in pairs_of(value, "allowed")
        )

    @field_serializer("allowed")
    def _as_mapping(self, allowed: tuple[tuple[str, tuple[Channel, ...]], ...]) -> dict[str, Any]:
        return {kind: [c.value for c in channels] for kind, channels in allowed}

    def channels_for(self, kind: str) -> tuple[Channel, ...]:
        """The channels a request of ``kind`` may arrive through."""
        for listed, channels in self.allowed:
            if listed == str(kind):
                return channels
        return self.default

    def allows(self, kind: str, channel: Channel | str) -> bool:
        """Whether ``kind`` may arrive through ``channel``."""
        return Channel(channel) in self.channels_for(kind)

    def for_kinds(self, kinds: type[Vocabulary], field: str = "channels.allowed") -> ChannelRule:
        """This rule with every listed kind checked against ``kinds`` and written in its
        canonical spelling: a typo such as ``'critcal_bug'`` would otherwise never match
        and silently fall back to ``default``.

        >>> from supportrules.sla import TicketKind
        >>> ChannelRule(allowed={"Critical Bug": ["phone"]}).for_kinds(TicketKind).allowed
        (('critical_bug', (<Channel.PHONE: 'phone'>,)),)
        >>> ChannelRule(allowed={"critcal_bug": ["phone"]}).for_kinds(TicketKind)
        Traceback (most recent call last):
        ...
        supportrules.errors.UnknownValueError: channels.allowed: unknown value 'critcal_bug'; ...
        """
        known = [member.value for member in kinds]
        canonical = []
        for kind, channels in self.allowed:
            try:
                canonical.append((kinds(kind).value, channels))
            except ValueError:
                raise UnknownValueError.for_value(field, kind, known) from None
        seen = [kind for kind, _ in canonical]
        twice = next((kind for kind in seen if seen.count(kind) > 1), None)
        if twice is not None:
            raise InvalidPolicyError(f"{field}: kind {twice!r} is listed twice")
        return self if tuple(canonical) == self.allowed else self.replace(allowed=canonical)

    def check(self, kind: str, channel: Channel | str, *, source: str = "ChannelRule") -> Reason:
        """A reason either way: ``intake.channel_allowed`` or ``intake.channel_not_allowed``."""
        channel = Channel(channel)
        channels = self.channels_for(kind)
        names = ", ".join(c.value for c in channels) or "none"
        if channel in channels:
            return Reason(
                code="intake.channel_allowed",
                message=f"{kind} requests may arrive by {channel.value}",
                facts={"kind": str(kind), "channel": channel.value},
                source=source,
            )
        return Reason(
            code="intake.channel_not_allowed",
            message=f"{kind} requests may not arrive by {channel.value} (allowed: {names})",
            facts={"kind": str(kind), "channel": channel.value, "allowed": tuple(channels)},
            source=source,
        )
