"""The frozen base model every value object and policy derives from.

``Frozen`` models are immutable, reject unknown fields, round-trip through JSON and
export a JSON Schema. Every path in validates the same way and raises our errors: a
constructor, ``model_validate``, ``model_validate_json``, ``model_copy`` and unpickling.
A value that one of our validators rejects raises that validator's
:class:`~supportrules.errors.SupportRulesError` subclass (``UnknownTimezoneError``, with
the field's location in front); a value of the wrong shape raises
:class:`~supportrules.errors.InvalidInputError`. Both keep pydantic's detail in
``.errors()``.

Private attributes hold memos (a calendar's precomputed years, a policy's compiled
targets) built from the fields alone. A copy is made by validating the fields again
(``replace``), and a pickle carries the fields only, so no copy shares or carries a
memo, stale or not.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import Enum, EnumMeta, StrEnum
from typing import Annotated, Any, Self, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Strict,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
)

from supportrules.errors import (
    InvalidArgumentError,
    InvalidDurationError,
    InvalidInputError,
    NaiveDatetimeError,
    SupportRulesError,
    UnknownTimezoneError,
    UnknownValueError,
    shown,
)

__all__ = [
    "Aware",
    "Count",
    "Duration",
    "Flag",
    "Frozen",
    "Vocabulary",
    "as_date",
    "checked_duration",
    "items_of",
    "our_error",
    "pairs_of",
    "raising_ours",
    "require",
    "require_aware",
    "trusted",
    "trusted_from",
    "zone_key",
]


_M = TypeVar("_M", bound=BaseModel)
_T = TypeVar("_T")


def require_aware(value: object, field: str) -> datetime:
    """``value`` if it is an aware datetime; otherwise :class:`NaiveDatetimeError`.

    ISO strings with an offset are accepted (the JSON form).
    """
    given = value
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise NaiveDatetimeError(
                f"{field}: {shown(value)} is not an ISO datetime with an offset"
            ) from None
    if isinstance(value, datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            return value
        raise NaiveDatetimeError.for_field(field, given)
    if isinstance(value, date):
        raise NaiveDatetimeError(
            f"{field}: {shown(value)} is a date, not an instant; pass an aware datetime"
        )
    raise NaiveDatetimeError(f"{field}: {shown(value)} ({type(value).__name__}) is not a datetime")


# Keys the zone database answers to that mean something different on every machine:
# the machine's own zone, the POSIX default rules, tzdata's placeholder, and the copies
# under posix/ and right/ (the latter counts leap seconds).
_MACHINE_ZONES = frozenset({"localtime", "posixrules", "factory"})
_MACHINE_PREFIXES = ("posix/", "right/")


def zone_key(value: object, field: str = "timezone") -> str:
    """``value`` as a known IANA time zone key; otherwise :class:`UnknownTimezoneError`
    with close matches. Keys that depend on the machine (``localtime``, ``posixrules``)
    are refused: the same calendar must mean the same on every machine."""
    if not isinstance(value, str) or not value.strip():
        raise UnknownTimezoneError(f"{field}: {shown(value)} is not an IANA time zone key")
    key = value.strip()
    if key.casefold() in _MACHINE_ZONES or key.startswith(_MACHINE_PREFIXES):
        raise UnknownTimezoneError(
            f"{field}: {shown(key)} depends on the machine's zone files, not on the IANA zone "
            "of a place; name the place's zone, e.g. 'Europe/Kyiv' or 'UTC'"
        )
    try:
        zoneinfo.ZoneInfo(key)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        known = zoneinfo.available_timezones()
        raise UnknownTimezoneError.for_key(key, known) from None
    return key


def as_date(value: object, field: str, error: type[SupportRulesError], what: str) -> date:
    """A ``date`` from a date or an ISO string; a datetime is refused (it is an instant,
    and ``what`` — "a closed day", "a contract period" — is bounded by dates)."""
    if isinstance(value, datetime):
        raise error(f"{field}: {shown(value)} is a datetime; {what} is a date")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise error(f"{field}: {shown(value)} is not a date (YYYY-MM-DD)")


def items_of(value: object, field: str, of: str) -> list[Any]:
    """``value`` as a list, when it is a collection (a string or a mapping is not); else
    :class:`InvalidArgumentError` naming ``field``."""
    if isinstance(value, Iterable) and not isinstance(value, str | bytes | Mapping):
        return list(value)
    raise InvalidArgumentError.not_iterable(field, value, of)


def pairs_of(value: object, field: str) -> list[tuple[Any, Any]]:
    """A table written as a mapping ``{key: value}`` or as ``[key, value]`` pairs, as a
    list of pairs; anything else raises :class:`InvalidArgumentError` naming the entry
    (a two-key object is not a pair, however it unpacks).

    >>> pairs_of({"bug": "covered"}, "plan_table"), pairs_of([["bug", "covered"]], "t")
    ([('bug', 'covered')], [('bug', 'covered')])
    """
    if isinstance(value, Mapping):
        return list(value.items())
    pairs = []
    for n, item in enumerate(items_of(value, field, "[key, value] pairs or a mapping")):
        if not isinstance(item, list | tuple) or len(item) != 2:
            raise InvalidArgumentError(f"{field}[{n}]: {shown(item)} is not a [key, value] pair")
        pairs.append((item[0], item[1]))
    return pairs


def require(value: object, kind: type[_T], field: str) -> _T:
    """``value`` when it is a ``kind``; else :class:`InvalidArgumentError` naming ``field``
    (the rules' arguments get our error, never an ``AttributeError`` from inside).

    >>> require(None, int, "parts")
    Traceback (most recent call last):
    ...
    supportrules.errors.InvalidArgumentError: parts: None (NoneType) is not a int
    """
    if isinstance(value, kind):
        return value
    raise InvalidArgumentError(
        f"{field}: {shown(value)} ({type(value).__name__}) is not a {kind.__name__}"
    )


def _aware_field(value: object, info: ValidationInfo) -> datetime:
    field = info.field_name or "datetime"
    if info.mode != "json":
        return require_aware(value, field)
    try:  # JSON: the advice is about the text, not about tzinfo objects
        return require_aware(value, field)
    except NaiveDatetimeError:
        naive = isinstance(value, str) and _parses(value)
        raise NaiveDatetimeError(
            f"{field}: {shown(value)} "
            + ("is a naive datetime (no offset)" if naive else "is not an ISO 8601 instant")
            + '; write it with its UTC offset, e.g. "2026-11-18T10:00:00+02:00" (or "Z")'
        ) from None


def _parses(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


Count = Annotated[int, Strict()]
"""A whole-number field: a JSON integer or a Python ``int``; not ``"5"``, ``5.0`` or
``True`` (pydantic's lax mode would take them, and the JSON Schema says integer)."""

Flag = Annotated[bool, Strict()]
"""A yes/no field: ``true``/``false`` only, not ``"yes"``, ``1`` or ``"on"``."""

Aware = Annotated[datetime, BeforeValidator(_aware_field)]
"""An aware ``datetime`` field: a naive one raises :class:`NaiveDatetimeError`."""

_TIMEDELTA = TypeAdapter(timedelta)


def checked_duration(value: object, field: str) -> timedelta:
    """``value`` as a duration of zero or more; anything else raises
    :class:`InvalidDurationError` naming ``field``.

    A ``timedelta``, or an ISO 8601 string (the JSON form: ``"PT8H"``). The sign is checked
    after parsing, so ``"-PT5H"`` is as negative as ``timedelta(hours=-5)``; bare numbers
    are refused (seconds? hours?).

    >>> checked_duration("PT8H", "duration")
    datetime.timedelta(seconds=28800)
    >>> checked_duration("-PT5H", "estimate")
    Traceback (most recent call last):
    ...
    supportrules.errors.InvalidDurationError: estimate: -5 h is negative; ...
    """
    if isinstance(value, str):
        try:
            value = _TIMEDELTA.validate_python(value)
        except ValidationError:
            raise InvalidDurationError(
                f"{field}: {shown(value)} is not an ISO 8601 duration; write e.g. 'PT8H' or "
                "'P1DT2H30M'"
            ) from None
    if not isinstance(value, timedelta):
        raise InvalidDurationError.for_field(field, value)
    if value < timedelta(0):
        from supportrules.explain import format_duration

        raise InvalidDurationError(
            f"{field}: {format_duration(value)} is negative; a duration here is time still "
            "to be spent: give zero or more"
        )
    return value


def _duration_field(value: object, info: ValidationInfo) -> timedelta:
    if isinstance(value, bool | int | float | Decimal):
        raise InvalidDurationError.for_field(info.field_name or "duration", value)
    return checked_duration(value, info.field_name or "duration")


Duration = Annotated[
    timedelta,
    BeforeValidator(_duration_field),
    WithJsonSchema(
        {
            "type": "string",
            "format": "duration",
            "pattern": r"^\+?[^-+]",
            "description": "An ISO 8601 duration of zero or more, e.g. 'PT8H'.",
        }
    ),
]
"""A duration field of zero or more (see :func:`checked_duration`), in JSON an ISO 8601
string."""


class _VocabularyType(EnumMeta):
    def __call__(cls, value: Any, *args: Any, **kwargs: Any) -> Any:
        # Enum formats repr(value) for its own message before it asks _missing_, which
        # fails on an int of 5,000 digits: anything but text or a member is ours to refuse.
        if not args and not kwargs and not isinstance(value, str | Enum):
            raise cls._unknown(value)  # type: ignore[attr-defined]
        return super().__call__(value, *args, **kwargs)


class Vocabulary(StrEnum, metaclass=_VocabularyType):
    """A closed set of words (ticket kinds, channels, plans) that also accepts its values
    as strings, case-insensitively, and answers an unknown one with "did you mean".
    """

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if isinstance(value, str):
            folded = value.strip().casefold().replace("-", "_").replace(" ", "_")
            for member in cls:
                if member.value == folded:
                    return member
        raise cls._unknown(value)

    @classmethod
    def _unknown(cls, value: object) -> UnknownValueError:
        field = re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()
        return UnknownValueError.for_value(field, value, [member.value for member in cls])

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        """The values (``anyOf[0].enum``) and a pattern of every spelling ``_missing_``
        accepts: any case, ``-`` or a space for ``_``, padded with whitespace."""
        from supportrules._schema import vocabulary_json_schema

        return vocabulary_json_schema(cls, core_schema, handler)


def _location(parts: tuple[int | str, ...]) -> str:
    """``("targets", 0, "metric")`` as the JSON path people read: ``targets[0].metric``."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def our_error(error: ValidationError) -> SupportRulesError:
    """The :class:`SupportRulesError` to raise for a pydantic ``ValidationError``.

    The first of our own errors inside it, with the location in front of its message so
    that nested fields stay named; else :class:`InvalidInputError` listing every problem.
    Either way ``.errors()`` keeps pydantic's detail.
    """
    ours: SupportRulesError | None = None
    problems: list[str] = []
    for detail in error.errors():
        loc = _location(tuple(detail["loc"]))
        if detail["type"] == "enum":  # pydantic swallowed Vocabulary._missing_'s error
            known = re.findall(r"'([^']*)'", str((detail.get("ctx") or {}).get("expected", "")))
            ours = UnknownValueError.for_value(loc or "value", detail["input"], known)
            break
        inner = (detail.get("ctx") or {}).get("error")
        if isinstance(inner, SupportRulesError):
            message = str(inner)
            field = loc.split(".")[-1].split("[")[0]
            if loc and message.startswith(f"{field}:"):
                message = loc + message[len(field) :]  # name the nested field in full
            elif loc and not message.startswith(loc):
                message = f"{loc}: {message}"
            ours = type(inner)(message)
            break
        given = detail.get("input")
        got = "" if detail["type"] == "missing" else f" (got {shown(given)})"
        problems.append(f"{loc or 'value'}: {_advice(detail)}{got}")
    if ours is None:
        ours = InvalidInputError("; ".join(problems) or str(error))
    ours.validation = error
    ours.__cause__ = error
    return ours


@contextmanager
def raising_ours() -> Iterator[None]:
    """Turn a pydantic ``ValidationError`` raised inside into :func:`our_error`."""
    try:
        yield
    except ValidationError as error:
        raise our_error(error) from error


def _advice(detail: Any) -> str:
    """pydantic's message, said the way a JSON author needs it."""
    kind = detail["type"]
    if kind == "missing":
        return "required field missing"
    if kind == "extra_forbidden":
        return "unknown field; check its spelling against the model's JSON Schema"
    message: str = detail["msg"]
    return message[0].lower() + message[1:] if message else kind


class Frozen(BaseModel):
    """Immutable, strict-shaped base: frozen, ``extra="forbid"``, tuples for containers."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)

    def __init__(self, /, **data: Any) -> None:
        with raising_ours():
            super().__init__(**data)

    # Tell pydantic this __init__ adds nothing to validation, so that model_validate and
    # nested models keep pydantic's own path (one ValidationError with every location).
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_validate(cls, obj: Any, **options: Any) -> Self:
        """Pydantic's ``model_validate``, raising our errors (see the module docstring)."""
        with raising_ours():
            return super().model_validate(obj, **options)

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **options: Any) -> Self:
        """Pydantic's ``model_validate_json``, raising our errors."""
        with raising_ours():
            return super().model_validate_json(json_data, **options)

    @classmethod
    def model_validate_strings(cls, obj: Any, **options: Any) -> Self:
        """Pydantic's ``model_validate_strings``, raising our errors."""
        with raising_ours():
            return super().model_validate_strings(obj, **options)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with ``update`` applied, validated again like :meth:`replace` (pydantic's
        own ``model_copy`` skips validation and shares the memos of this instance)."""
        return self.replace(**(update or {}))

    def __copy__(self) -> Self:
        return self.replace()

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        return self.replace()  # the fields are immutable; the memos are built afresh

    def __reduce__(self) -> tuple[Any, ...]:
        # A pickle carries the definition (the fields), never the memos; unpickling
        # validates it again, like every other path in.
        return (_restore, (type(self), self._fields()))

    def _fields(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in type(self).model_fields}

    def __eq__(self, other: object) -> bool:
        # Fields only: private attributes hold memos (a calendar's precomputed years, a
        # policy's compiled targets) that must not make two equal values differ.
        if not isinstance(other, BaseModel):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *self.__dict__.values()))

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` applied and validated again; it builds its own memos."""
        unknown = sorted(set(changes) - set(type(self).model_fields))
        if unknown:
            raise InvalidInputError(
                f"{unknown[0]}: {type(self).__name__} has no such field; known fields: "
                + ", ".join(type(self).model_fields)
            )
        data = self._fields()
        data.update(changes)
        return type(self)(**data)


def _restore(model: type[_M], fields: dict[str, Any]) -> _M:
    """Unpickle: validate the pickled fields again (see :meth:`Frozen.__reduce__`)."""
    return model.model_validate(fields)


def trusted(model: type[_M], /, **values: Any) -> _M:
    """An instance of ``model`` from values the rules computed themselves, unvalidated.

    Only for results built on hot paths (reasons, deadlines, statuses) where every field
    is given and already of the right type; several times cheaper than
    ``model_construct``. Anything that comes from a caller goes through validation.
    """
    return trusted_from(model, values)


_SLOTS = BaseModel.__dict__
_SET_DICT = _SLOTS["__dict__"].__set__ if "__dict__" in _SLOTS else None
_SET_FIELDS = _SLOTS["__pydantic_fields_set__"].__set__
_SET_EXTRA = _SLOTS["__pydantic_extra__"].__set__
_SET_PRIVATE = _SLOTS["__pydantic_private__"].__set__
_new = object.__new__


def trusted_from(model: type[_M], values: dict[str, Any], fields_set: set[str] | None = None) -> _M:
    """:func:`trusted` with the values as a dict (which the instance then owns), and
    optionally the set of their names, when the caller has one ready."""
    instance = _new(model)
    if _SET_DICT is None:  # pragma: no cover - a pydantic without a __dict__ slot
        object.__setattr__(instance, "__dict__", values)
    else:
        _SET_DICT(instance, values)
    _SET_FIELDS(instance, set(values) if fields_set is None else fields_set)
    _SET_EXTRA(instance, None)
    _SET_PRIVATE(instance, None)
    return instance
