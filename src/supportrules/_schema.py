"""JSON Schema fragments for the forms our validators accept beyond pydantic's defaults.

A policy's exported schema must accept every document ``model_validate_json`` accepts
(a config editor that refuses a file the library reads, or the reverse, is a silent
wrong answer), and say what it can: the ``HH:MM-HH:MM`` intervals, the words of a
vocabulary in any case, the tables written as objects. Patterns are ECMA-262 (what JSON
Schema speaks) and mean the same to Python's ``re``: no flags, explicit character classes,
``\\uXXXX`` escapes, and ``[...]`` for whitespace instead of ``\\s`` (whose meaning differs).

>>> import re
>>> [bool(re.search(INTERVAL_PATTERN, t)) for t in ("9:00-18:00", "22:00-24:00", "24:00-1:00")]
[True, True, False]
>>> bool(re.search(words_pattern(["critical_bug"], "casefold", also={"_": "- "}), " Critical-Bug"))
True
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any, Literal

from pydantic import GetJsonSchemaHandler
from pydantic_core import CoreSchema

__all__ = [
    "CLOCK",
    "CLOCK_PATTERN",
    "DATE",
    "DATE_PATTERN",
    "DAY_HOURS",
    "FOLDS_TO_ASCII",
    "INTERVAL",
    "INTERVAL_PATTERN",
    "SPACE",
    "DatedEntries",
    "Fold",
    "JsonDict",
    "Schemas",
    "decimal_text_pattern",
    "given",
    "is_true",
    "pairs_or_object",
    "vocabulary",
    "vocabulary_json_schema",
    "vocabulary_table",
    "words",
    "words_pattern",
]

JsonDict = dict[str, Any]
Fold = Literal["casefold", "upper", "lower"]

_SPACES = "\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
SPACE = f"[{_SPACES}]"
"""Exactly the characters ``str.strip()`` and Python's ``\\s`` take as whitespace
(``str.isspace``); ECMA-262's ``\\s`` differs (it has U+FEFF, lacks U+001C–U+001F)."""

# Non-ASCII characters whose case mapping is all ASCII: "ſ".casefold() == "s",
# "ﬆ".upper() == "ST". A validator that folds case accepts them, so the patterns must.
# Complete for the Unicode version of this Python (the tests scan every code point).
FOLDS_TO_ASCII: dict[Fold, dict[str, str]] = {
    "casefold": {
        "\u00df": "ss",
        "\u017f": "s",
        "\u1e9e": "ss",
        "\u212a": "k",
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    },
    "upper": {
        "\u00df": "SS",
        "\u0131": "I",
        "\u017f": "S",
        "\ufb00": "FF",
        "\ufb01": "FI",
        "\ufb02": "FL",
        "\ufb03": "FFI",
        "\ufb04": "FFL",
        "\ufb05": "ST",
        "\ufb06": "ST",
    },
    "lower": {"\u212a": "k"},
}

# -- times of day, intervals, dates (calendars/_schedule.py, date.fromisoformat) ------

_START = "(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?"
_END = f"(?:{_START}|24:00(?::00)?)"

CLOCK_PATTERN = f"^{SPACE}*{_START}{SPACE}*$"
"""A time of day as ``parse_clock`` reads it: ``H:MM`` or ``HH:MM[:SS]``, 00:00–23:59:59."""

INTERVAL_PATTERN = f"^{SPACE}*{_START}{SPACE}*[\\-\\u2013]{SPACE}*{_END}{SPACE}*$"
"""An open interval as ``parse_interval`` reads it; ``24:00`` only as the end. That the
end comes after the start is not stated (a pattern for it would be unreadable)."""

_MONTH = "(?:0[1-9]|1[0-2])"
_DAY = "(?:0[1-9]|[12][0-9]|3[01])"
_WEEK = "(?:0[1-9]|[1-4][0-9]|5[0-3])"
DATE_PATTERN = (
    f"^{SPACE}*[0-9]{{4}}(?:-(?:{_MONTH}-{_DAY}|W{_WEEK}(?:-[1-7])?)"
    f"|{_MONTH}{_DAY}|W{_WEEK}[1-7]?){SPACE}*$"
)
"""A date as ``date.fromisoformat`` reads it (after a strip): ``2026-12-25``,
``20261225``, and the ISO week forms ``2026-W52-5`` / ``2026W525`` / ``2026-W52``."""


def decimal_text_pattern(integer_digits: int, places: int) -> str:
    """A finite decimal as ``Decimal(text.strip().replace("_", ""))`` reads it (sign,
    digits with an optional point, an optional exponent; underscores anywhere), with at
    most ``integer_digits`` significant digits before the point and ``places`` after it
    unless the value is zero. With an exponent the bounds are not stated: a pattern
    cannot weigh the exponent against the digits.

    >>> import re
    >>> pattern = decimal_text_pattern(3, 2)
    >>> [bool(re.search(pattern, t)) for t in ("999.99", "1_000", "0.001", "0.000", "1e9")]
    [True, False, False, True, True]
    """
    pad = f"[_{_SPACES}]*"
    digit, zero = "[0-9]_*", "0_*"
    whole = f"(?:(?:{zero})*[1-9]_*(?:{digit}){{0,{integer_digits - 1}}}|(?:{zero})+)"
    bounded = f"(?:{whole}(?:\\._*(?:{digit}){{0,{places}}})?|\\._*(?:{digit}){{1,{places}}})"
    zeros = f"(?:(?:{zero})+(?:\\._*(?:{zero})*)?|\\._*(?:{zero})+)"
    exponent = (
        f"(?:(?:{digit})+(?:\\._*(?:{digit})*)?|\\._*(?:{digit})+)[eE]_*(?:[+\\-]_*)?(?:{digit})+"
    )
    return f"^{pad}(?:[+\\-]_*)?(?:{bounded}|{zeros}|{exponent}){pad}$"


CLOCK: JsonDict = {
    "type": "string",
    "pattern": CLOCK_PATTERN,
    "description": "A time of day, 'HH:MM' from 00:00 to 23:59 (seconds optional).",
}
INTERVAL: JsonDict = {
    "type": "string",
    "pattern": INTERVAL_PATTERN,
    "description": "An open interval 'HH:MM-HH:MM' (end 24:00 allowed; the end must "
    "come after the start).",
}
DATE: JsonDict = {
    "type": "string",
    "pattern": DATE_PATTERN,
    "description": "An ISO 8601 date: 2026-12-25 (also 20261225 or 2026-W52-5).",
}
DAY_HOURS: JsonDict = {
    "description": "One day's open intervals (they must not overlap); one interval may "
    "be given as a string.",
    "anyOf": [INTERVAL, {"type": "array", "items": INTERVAL}],
}


# -- words: vocabularies, currency codes, weekday names --------------------------------


def _char(c: str) -> str:
    if c.isascii() and (c.isalnum() or c in "_ "):
        return c
    if c.isascii():
        return "\\" + c
    return f"\\u{ord(c):04x}"


def _spelled(target: str, fold: Fold, also: Mapping[str, str]) -> str:
    """A regex for the strings whose characters, each mapped by ``fold``, spell ``target``."""
    mapping = getattr(str, fold)
    extra = FOLDS_TO_ASCII[fold]

    @cache
    def rest(i: int) -> str:
        if i == len(target):
            return ""
        wanted = target[i]
        chars = sorted(
            {chr(n) for n in range(128) if mapping(chr(n)) == wanted}
            | {c for c, folded in extra.items() if folded == wanted}
            | set(also.get(wanted, ""))
        )
        options = [
            (_char(chars[0]) if len(chars) == 1 else "[" + "".join(map(_char, chars)) + "]")
            + rest(i + 1)
        ]
        for c, folded in sorted(extra.items()):
            if len(folded) > 1 and target.startswith(folded, i):
                options.append(_char(c) + rest(i + len(folded)))
        return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"

    return rest(0)


def words_pattern(
    values: Iterable[str],
    fold: Fold,
    *,
    also: Mapping[str, str] | None = None,
    alternatives: Iterable[str] = (),
) -> str:
    """A pattern for ``values`` as ``text.strip()`` then ``fold`` reads them (``also``:
    more characters that count as a target character, ``{"_": "- "}`` for vocabularies;
    ``alternatives``: more regexes for the stripped text, such as ``0*[0-6]``).

    >>> import re
    >>> pattern = words_pattern(["USD"], "upper")
    >>> [bool(re.search(pattern, text)) for text in ("usd", " Usd ", "u\u017fd", "us d")]
    [True, True, True, False]
    """
    body = "|".join([*(_spelled(value, fold, also or {}) for value in values), *alternatives])
    return f"^{SPACE}*(?:{body}){SPACE}*$"


def words(values: Sequence[str], fold: Fold, *, also: Mapping[str, str] | None = None) -> JsonDict:
    """A string that is one of ``values`` (listed as they are written) in any spelling
    the validator folds to one of them."""
    return {
        "type": "string",
        "anyOf": [{"enum": list(values)}, {"pattern": words_pattern(values, fold, also=also)}],
    }


_VOCABULARY_SPELLINGS = {"_": "- "}  # Vocabulary._missing_: '-' and ' ' stand for '_'


def vocabulary(values: type[Enum] | Iterable[str]) -> JsonDict:
    """The schema of a :class:`~supportrules._model.Vocabulary` (inline, for the keys of
    a table), or of some of its values: each in any case, with ``-`` or a space for
    ``_``, padded with whitespace."""
    texts = [str(m.value) for m in values] if isinstance(values, type) else list(values)
    return words(texts, "casefold", also=_VOCABULARY_SPELLINGS)


def vocabulary_json_schema(
    enum: type[Enum], core_schema: CoreSchema, handler: GetJsonSchemaHandler
) -> JsonDict:
    """``Vocabulary.__get_pydantic_json_schema__``: in validation mode the canonical
    values stay listed (``anyOf[0].enum``) beside the pattern of every accepted spelling;
    in serialization mode, only the values (a dump writes nothing else)."""
    json_schema: JsonDict = handler(core_schema)
    if handler.mode == "validation":
        original = handler.resolve_ref_schema(json_schema)
        original.pop("enum", None)
        original.update(vocabulary(enum))
    return json_schema


# -- composite forms ----------------------------------------------------------------------


def given(name: str) -> JsonDict:
    """``name`` is present and not null."""
    return {"required": [name], "properties": {name: {"not": {"type": "null"}}}}


def is_true(name: str) -> JsonDict:
    """``name`` is present and ``true``."""
    return {"required": [name], "properties": {name: {"const": True}}}


def pairs_or_object(
    key: JsonDict,
    value: JsonDict,
    *,
    each_once: Sequence[JsonDict] = (),
    at_most_once: Sequence[JsonDict] = (),
    description: str = "",
) -> JsonDict:
    """A table written as an object ``{key: value}`` or as a list of ``[key, value]`` pairs.

    ``each_once``: schemas of keys that must each appear exactly once (a complete table;
    then no other key may appear). ``at_most_once``: keys that may not repeat, stated
    for the list form (an object cannot state it across spellings of one key).
    """
    as_object: JsonDict = {"type": "object", "propertyNames": key, "additionalProperties": value}
    pair = {
        "type": "array",
        "prefixItems": [key, value],
        "minItems": 2,
        "maxItems": 2,
    }
    as_pairs: JsonDict = {"type": "array", "items": pair}
    if each_once:
        as_object["maxProperties"] = len(each_once)
        as_object["allOf"] = [{"not": {"propertyNames": {"not": one}}} for one in each_once]
    once = [*each_once, *at_most_once]
    if once:
        as_pairs["allOf"] = [
            {
                "contains": {"type": "array", "prefixItems": [one]},
                "minContains": 1 if n < len(each_once) else 0,
                "maxContains": 1,
            }
            for n, one in enumerate(once)
        ]
    schema: JsonDict = {"anyOf": [as_object, as_pairs]}
    if description:
        schema["description"] = description
    return schema


def vocabulary_table(
    keys: type[Enum], value: JsonDict, *, complete: bool, description: str = ""
) -> JsonDict:
    """:func:`pairs_or_object` keyed by a vocabulary: every key once when ``complete``,
    else each key at most once (stated for the list form)."""
    each = [vocabulary([str(member.value)]) for member in keys]
    return pairs_or_object(
        vocabulary(keys),
        value,
        each_once=each if complete else (),
        at_most_once=() if complete else each,
        description=description,
    )


Part = JsonDict | Callable[[CoreSchema, GetJsonSchemaHandler], JsonDict]


@dataclass(frozen=True, eq=False)
class Schemas:
    """Annotated metadata: the JSON Schema of a field per mode; ``None`` keeps pydantic's.

    Unlike ``WithJsonSchema`` each part may be a function of pydantic's own schema of
    the field (``handler(core_schema)``), which keeps ``$defs`` and references intact.
    """

    validation: Part | None = None
    serialization: Part | None = None

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonDict:
        part = self.validation if handler.mode == "validation" else self.serialization
        if part is None:
            own: JsonDict = handler(core_schema)
            return own
        if callable(part):
            return part(core_schema, handler)
        return copy.deepcopy(part)


@dataclass(frozen=True, eq=False)
class DatedEntries:
    """Annotated metadata for a tuple of dated models (holidays, special days) that is
    also accepted as an object ``{date: value}`` and, with ``bare_dates``, as a list
    mixing objects and date strings."""

    value: JsonDict
    bare_dates: bool = False
    description: str = ""

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonDict:
        as_list: JsonDict = handler(core_schema)
        if handler.mode != "validation":
            return as_list
        if self.bare_dates:
            as_list = {**as_list, "items": {"anyOf": [as_list["items"], DATE]}}
        as_object = {
            "type": "object",
            "propertyNames": DATE,
            "additionalProperties": copy.deepcopy(self.value),
        }
        schema: JsonDict = {"anyOf": [as_list, as_object]}
        if self.description:
            schema["description"] = self.description
        return schema
