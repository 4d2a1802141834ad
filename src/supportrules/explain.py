"""Reasons, and the Decision base every rule returns.

A rule never answers with a bare boolean: it returns a :class:`Decision` whose
``outcome`` is a short word and whose ``reasons`` say why, each with a stable dotted
``code`` that services can match on, a ``message`` with the concrete figures, the
``facts`` behind the message, and the policy field (``source``) the rule came from.

>>> reason = Reason(
...     code="sla.same_day_cap",
...     message="capped at Wed 18:00, the close of that day",
...     facts={"cap": "18:00"},
...     source="SlaTarget.same_day_cap",
... )
>>> decision = Decision(outcome="due", reasons=(reason,))
>>> decision.codes
('sla.same_day_cap',)
>>> print(decision.explain())
due: capped at Wed 18:00, the close of that day.
>>> reason.fact("cap")
'18:00'
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Annotated, Any

from pydantic import GetJsonSchemaHandler, TypeAdapter, field_serializer, field_validator
from pydantic_core import CoreSchema

from supportrules._model import Frozen, items_of, trusted_from
from supportrules._schema import JsonDict, Schemas
from supportrules.errors import NaiveDatetimeError, UnknownValueError, shown
from supportrules.money import Money

__all__ = [
    "Decision",
    "FactValue",
    "Reason",
    "aware_instant_text",
    "format_duration",
    "format_instant",
    "rule_reason",
]

FactValue = (
    bool | int | Decimal | str | date | datetime | time | timedelta | Money | tuple[str, ...] | None
)
# Order matters: bool before int, datetime before date.
_FACT_KINDS: tuple[tuple[str, type | tuple[type, ...]], ...] = (
    ("null", type(None)),
    ("bool", bool),
    ("int", int),
    ("decimal", Decimal),
    ("str", str),
    ("datetime", datetime),
    ("date", date),
    ("time", time),
    ("timedelta", timedelta),
    ("money", Money),
    ("strings", tuple),
)
_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "bool": TypeAdapter(bool),
    "int": TypeAdapter(int),
    "decimal": TypeAdapter(Decimal),
    "str": TypeAdapter(str),
    "datetime": TypeAdapter(datetime),
    "date": TypeAdapter(date),
    "time": TypeAdapter(time),
    "timedelta": TypeAdapter(timedelta),
}


def _fact_tag(value: object) -> str:
    for tag, kind in _FACT_KINDS:
        if isinstance(value, kind):
            return tag
    raise TypeError(f"facts: {shown(value)} ({type(value).__name__}) is not a fact value")


def _encode_fact(value: FactValue) -> Any:
    if isinstance(value, Money):
        return value.model_dump(mode="json")
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, tuple):
        return list(value)
    return (
        _ADAPTERS["timedelta"].dump_python(value, mode="json")
        if isinstance(value, timedelta)
        else (str(value) if isinstance(value, Decimal) else value.isoformat())
    )


def _decode_fact(tag: str, value: Any) -> FactValue:
    if tag == "money":
        return Money.model_validate(value)
    if tag == "strings":
        return tuple(str(item) for item in items_of(value, "facts", "strings"))
    if tag == "null":
        return None
    adapter = _ADAPTERS.get(tag)
    if adapter is None:
        known = [kind for kind, _ in _FACT_KINDS]
        raise UnknownValueError.for_value("facts.type", tag, known)
    decoded: FactValue = adapter.validate_python(value)
    return decoded


# The JSON types each tagged fact's value is read from: the lax adapters above ("strings"
# takes any iterable, "null" ignores its value), and Money's own schema for "money".
_FACT_READ: dict[str, JsonDict] = {
    "bool": {"type": ["boolean", "number", "string"]},
    "int": {"type": ["boolean", "number", "string"]},
    "decimal": {"type": ["number", "string"]},
    "str": {"type": "string"},
    "datetime": {"type": ["number", "string"]},
    "date": {"type": ["number", "string"]},
    "time": {"type": ["number", "string"]},
    "timedelta": {"type": ["boolean", "number", "string"]},
    "strings": {"type": ["array", "object", "string"]},
    "null": {},
}


def _facts_schema(core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonDict:
    money: JsonDict = handler(Money.__pydantic_core_schema__)
    by_tag = {**_FACT_READ, "money": money}
    tagged = {
        "type": "object",
        "properties": {
            "name": {"description": "the fact's name (read as a string)"},
            "type": {"enum": list(by_tag)},
            "value": {},
        },
        "required": ["name", "type", "value"],
        "allOf": [
            {"if": {"properties": {"type": {"const": tag}}}, "then": {"properties": {"value": v}}}
            for tag, v in by_tag.items()
        ],
    }
    plain = {
        "anyOf": [
            {"type": ["null", "boolean", "number", "string"]},
            {"type": "array", "items": {"type": "string"}},
            money,
        ]
    }
    return {
        "description": "Facts as written, [{name, type, value}], or as an object "
        "{name: value}, or as [name, value] pairs.",
        "anyOf": [
            {"type": "array", "items": tagged},
            {"type": "object", "additionalProperties": plain},
            {
                "type": "array",
                "items": {
                    "type": "array",
                    "prefixItems": [{"type": "string"}, plain],
                    "minItems": 2,
                    "maxItems": 2,
                },
            },
        ],
    }


_FACT_SCHEMA = Schemas(validation=_facts_schema)


class Reason(Frozen):
    """One step of a decision: a stable code, a message with figures, and its source.

    In JSON each fact is ``{"name", "type", "value"}`` so that decimals, instants and
    amounts come back as what they were.
    """

    code: str
    message: str
    facts: Annotated[tuple[tuple[str, FactValue], ...], _FACT_SCHEMA] = ()
    source: str | None = None

    @field_validator("facts", mode="before")
    @classmethod
    def _facts_from_mapping(cls, value: Any) -> Any:
        if isinstance(value, Mapping):
            return tuple(value.items())
        if isinstance(value, list | tuple) and all(
            isinstance(item, Mapping) and {"name", "type", "value"} <= set(item) for item in value
        ):
            return tuple(
                (str(item["name"]), _decode_fact(str(item["type"]), item["value"]))
                for item in value
            )
        return value

    @field_serializer("facts", when_used="json")
    def _facts_tagged(self, facts: tuple[tuple[str, FactValue], ...]) -> list[dict[str, Any]]:
        return [
            {"name": name, "type": _fact_tag(value), "value": _encode_fact(value)}
            for name, value in facts
        ]

    def fact(self, name: str, default: FactValue = None) -> FactValue:
        """The value of fact ``name`` (``default`` when the reason has no such fact)."""
        for key, value in self.facts:
            if key == name:
                return value
        return default

    def facts_dict(self) -> dict[str, FactValue]:
        """The facts as a new ``dict`` (the reason itself stays immutable)."""
        return dict(self.facts)

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"

    @classmethod
    def make(cls, code: str, message: str, source: str | None, **facts: FactValue) -> Reason:
        """A reason built by the rules themselves, without re-validating trusted values
        (rules build many of them on hot paths).

        >>> Reason.make("sla.met", "resolved in time", "SlaTarget", late=False).fact("late")
        False
        """
        return rule_reason(code, message, source, tuple(facts.items()))


_REASON_FIELDS = {"code", "message", "facts", "source"}


def rule_reason(
    code: str, message: str, source: str | None, facts: tuple[tuple[str, FactValue], ...] = ()
) -> Reason:
    """:meth:`Reason.make` with the facts already a tuple of pairs: the cheapest way to a
    reason, for the rules' hot paths (a status builds half a dozen per ticket)."""
    values = {"code": code, "message": message, "facts": facts, "source": source}
    return trusted_from(Reason, values, _REASON_FIELDS.copy())


class Decision(Frozen):
    """An outcome and the reasons for it; every rule's result derives from this."""

    outcome: str
    reasons: tuple[Reason, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        """The reason codes in order, for matching in services and tests."""
        return tuple(reason.code for reason in self.reasons)

    def has(self, code: str) -> bool:
        """Whether any reason carries ``code``."""
        return code in self.codes

    def reason(self, code: str) -> Reason | None:
        """The first reason with ``code``, or ``None``."""
        for reason in self.reasons:
            if reason.code == code:
                return reason
        return None

    def explain(self) -> str:
        """The outcome followed by every reason's message, as a short paragraph."""
        messages = "; ".join(reason.message for reason in self.reasons)
        return f"{self.outcome}: {messages}." if messages else f"{self.outcome}."

    def __str__(self) -> str:
        return self.explain()


def format_instant(moment: datetime) -> str:
    """A short, unambiguous reading of an instant for messages: weekday, then ISO 8601
    to the minute (seconds only when there are any) with the UTC offset.

    >>> from zoneinfo import ZoneInfo
    >>> format_instant(datetime(2026, 11, 18, 15, 30, tzinfo=ZoneInfo("Europe/Kyiv")))
    'Wed 2026-11-18 15:30+02:00'
    """
    if moment.utcoffset() is None:
        raise NaiveDatetimeError.for_field("moment", moment)
    return aware_instant_text(moment)


def aware_instant_text(moment: datetime) -> str:
    """:func:`format_instant` for an instant the rules made themselves (known aware)."""
    spec = "auto" if moment.second or moment.microsecond else "minutes"
    return f"{_WEEKDAYS[moment.weekday()]} {moment.isoformat(' ', spec)}"


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def format_duration(duration: timedelta) -> str:
    """A duration in hours and minutes, as people write business time.

    >>> format_duration(timedelta(hours=12, minutes=30)), format_duration(timedelta(hours=-2))
    ('12 h 30 min', '-2 h')
    >>> format_duration(timedelta(0)), format_duration(timedelta(seconds=90))
    ('0 min', '1 min 30 s')
    """
    seconds = duration.days * 86_400 + duration.seconds
    micro = duration.microseconds
    sign = ""
    if seconds < 0:  # timedelta keeps microseconds positive: fold the sign out first
        sign, seconds, micro = "-", -seconds - (1 if micro else 0), (1_000_000 - micro) % 1_000_000
    hours, rest = divmod(seconds, 3600)
    if not rest and not micro:  # the common case: whole hours
        return f"{sign}{hours} h" if hours else "0 min"
    minutes, seconds = divmod(rest, 60)
    parts = [f"{hours} h"] if hours else []
    if minutes:
        parts.append(f"{minutes} min")
    if seconds or micro:
        parts.append(f"{seconds}.{micro:06d} s" if micro else f"{seconds} s")
    return sign + " ".join(parts)
