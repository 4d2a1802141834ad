"""The frozen base model every value object and policy derives from.

``Frozen`` models are immutable, reject unknown fields, round-trip through JSON and
export a JSON Schema. Constructing one in Python with a value that one of our own
validators rejects raises that validator's :class:`~supportrules.errors.SupportRulesError`
subclass directly (a notebook user sees ``UnknownTimezoneError``, not a wrapper);
``model_validate`` / ``model_validate_json`` keep pydantic's ``ValidationError``, the
contract services expect from their config loaders. Both are ``ValueError``.
"""

from __future__ import annotations

import re
import zoneinfo
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Self, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, ValidationInfo

from supportrules.errors import (
    NaiveDatetimeError,
    SupportRulesError,
    UnknownTimezoneError,
    UnknownValueError,
)

__all__ = [
    "Aware",
    "Frozen",
    "Vocabulary",
    "as_date",
    "require_aware",
    "trusted",
    "trusted_from",
    "unwrap_validation_error",
    "zone_key",
]


_M = TypeVar("_M", bound=BaseModel)


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
                f"{field}: {value!r} is not an ISO datetime with an offset"
            ) from None
    if isinstance(value, datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            return value
        raise NaiveDatetimeError.for_field(field, given)
    if isinstance(value, date):
        raise NaiveDatetimeError(
            f"{field}: {value!r} is a date, not an instant; pass an aware datetime"
        )
    raise NaiveDatetimeError(f"{field}: {value!r} ({type(value).__name__}) is not a datetime")


def zone_key(value: object, field: str = "timezone") -> str:
    """``value`` as a known IANA time zone key; otherwise :class:`UnknownTimezoneError`
    with close matches."""
    if not isinstance(value, str) or not value.strip():
        raise UnknownTimezoneError(f"{field}: {value!r} is not an IANA time zone key")
    key = value.strip()
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
        raise error(f"{field}: {value!r} is a datetime; {what} is a date")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise error(f"{field}: {value!r} is not a date (YYYY-MM-DD)")


def _aware_field(value: object, info: ValidationInfo) -> datetime:
    return require_aware(value, info.field_name or "datetime")


Aware = Annotated[datetime, BeforeValidator(_aware_field)]
"""An aware ``datetime`` field: a naive one raises :class:`NaiveDatetimeError`."""


class Vocabulary(StrEnum):
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
        raise UnknownValueError.for_value(
            re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower(), value, [m.value for m in cls]
        )


def unwrap_validation_error(error: ValidationError) -> SupportRulesError | None:
    """The first of our own errors inside a pydantic ``ValidationError``, if any.

    Pydantic wraps a ``ValueError`` raised by a validator in ``ctx["error"]``; the
    location is added in front of the message so that nested fields stay named.
    """
    for detail in error.errors():
        loc = ".".join(str(part) for part in detail["loc"])
        if detail["type"] == "enum":  # pydantic swallowed Vocabulary._missing_'s error
            known = re.findall(r"'([^']*)'", str((detail.get("ctx") or {}).get("expected", "")))
            unknown = UnknownValueError.for_value(loc or "value", detail["input"], known)
            unknown.__cause__ = error
            return unknown
        inner = (detail.get("ctx") or {}).get("error")
        if isinstance(inner, SupportRulesError):
            message = str(inner)
            field = loc.split(".")[-1]
            if loc and message.startswith(f"{field}:"):
                message = loc + message[len(field) :]  # name the nested field in full
            elif loc and not message.startswith(field):
                message = f"{loc}: {message}"
            unwrapped = type(inner)(message)
            unwrapped.__cause__ = error
            return unwrapped
    return None


class Frozen(BaseModel):
    """Immutable, strict-shaped base: frozen, ``extra="forbid"``, tuples for containers."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as error:
            ours = unwrap_validation_error(error)
            if ours is None:
                raise
            raise ours from error

    # Tell pydantic this __init__ adds nothing to validation, so model_validate and
    # model_validate_json keep pydantic's own path (ValidationError with locations)
    # instead of calling it.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    def __eq__(self, other: object) -> bool:
        # Fields only: private attributes hold memos (a calendar's precomputed years, a
        # policy's compiled targets) that must not make two equal values differ.
        if not isinstance(other, BaseModel):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *self.__dict__.values()))

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` applied and validated again (unlike ``model_copy``)."""
        data = {name: getattr(self, name) for name in type(self).model_fields}
        data.update(changes)
        return type(self)(**data)


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
