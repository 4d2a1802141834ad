"""Junk for the fuzz tests, and their one contract: bad input raises only our errors.

SPEC §1: "Bad input gets a clear error, never a wrong answer", on every path in (Python
constructors, ``model_validate``, ``model_validate_json``), and every error derives from
``SupportRulesError``. So whatever a caller passes, a public constructor or function
either answers or raises a :class:`~supportrules.errors.SupportRulesError`: never a
``TypeError``/``AttributeError``/``KeyError`` from deep inside, a ``decimal`` trap, an
``OverflowError``, pydantic's own ``ValidationError``, a ``MemoryError``, a
``RecursionError``, or a hang. :func:`only_our_errors` checks one call against that.

The strategies draw:

- :func:`json_values`: what a config store or a web request can hold (``None``, bools,
  ints up to ``10**30``, floats with NaN and infinities, ISO-looking and domain words,
  nested lists and objects);
- :func:`python_values`: those plus what a notebook can pass (naive and aware datetimes
  down to year 1 and up to 9999, dates, times, timedeltas up to ``timedelta.max``,
  ``Decimal`` NaN/infinity/huge exponents, bytes, bare objects, containers of them);
- :func:`nearly_valid`: a valid payload with one field replaced, dropped or added, the
  input that gets furthest into validation;
- :func:`json_documents`: JSON text of payloads, with number tokens no Python ``json``
  writes (``1e999999999999999999``, a 5,000-digit integer, deep nesting) spliced in.
"""

from __future__ import annotations

import contextlib
import json
import reprlib
import signal
import threading
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import supportrules
from supportrules.calendars import BusinessCalendar
from supportrules.errors import SupportRulesError
from supportrules.money import Money

try:
    import resource
except ImportError:  # pragma: no cover - not on Windows
    resource = None  # type: ignore[assignment]

__all__ = [
    "AMOUNTS",
    "CURRENCIES",
    "DEADLINE",
    "HANG_SECONDS",
    "ISO_LOOKING",
    "aware_datetimes",
    "durations",
    "fuzz_settings",
    "json_documents",
    "json_values",
    "moneys",
    "nearly_valid",
    "only_our_errors",
    "python_values",
    "shown",
    "texts",
    "warm_up",
]

# -- the contract -------------------------------------------------------------------------

# A call that takes longer than this is a hang (SPEC §2.6: the engine never walks day by
# day). Hypothesis fails an example over DEADLINE; HANG_SECONDS stops a runaway call, so
# that a loop without end fails the test instead of stalling the suite.
DEADLINE = timedelta(seconds=1)
HANG_SECONDS = 3.0
# Address space one call may add: a call that asks for more (a list of 10**18 parts, a
# Decimal with a billion digits) fails with MemoryError instead of swapping the machine.
MEMORY_HEADROOM = 2 << 30

_PACKAGE = str(Path(supportrules.__file__).parent)


def fuzz_settings(max_examples: int) -> settings:
    """Settings of a fuzz test: few examples (the suite runs in about a minute), the hang
    deadline, and no health check about slow or large draws (junk is large on purpose)."""
    return settings(
        max_examples=max_examples,
        deadline=DEADLINE,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )


class _Hang(BaseException):
    """Raised into a call that runs past HANG_SECONDS (a BaseException, so that no
    ``except Exception`` in the code under test swallows it)."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Hang


def _address_space() -> int | None:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    assert resource is not None
    return pages * resource.getpagesize()


@contextlib.contextmanager
def _guarded() -> Iterator[None]:
    """At most HANG_SECONDS of wall-clock time (in the main thread) and MEMORY_HEADROOM
    more address space (on Linux) for the code inside."""
    with contextlib.ExitStack() as stack:
        if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
            previous = signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)

            def disarm() -> None:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)

            stack.callback(disarm)
        used = _address_space() if resource is not None else None
        if resource is not None and used is not None:
            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            cap = used + MEMORY_HEADROOM
            if hard != resource.RLIM_INFINITY:
                cap = min(cap, hard)
            if soft == resource.RLIM_INFINITY or cap < soft:
                resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
                stack.callback(resource.setrlimit, resource.RLIMIT_AS, (soft, hard))
        yield


def warm_up(calendar: BusinessCalendar) -> BusinessCalendar:
    """``calendar`` with the years 2012–2038 computed (and its zone and holidays loaded).

    A calendar computes each year on first use, and a sparse one may look ten years ahead:
    on a busy machine that first call can pass the deadline, and its replay, fast now,
    would make Hypothesis report unreliable timings instead of a result.
    """
    for first, last in ((2012, 2021), (2021, 2030), (2030, 2039)):
        with contextlib.suppress(SupportRulesError):  # a calendar that never opens
            calendar.between(datetime(first, 1, 1, tzinfo=UTC), datetime(last, 1, 1, tzinfo=UTC))
    return calendar


_SHORT = reprlib.Repr()
_SHORT.maxstring = 60
_SHORT.maxother = 60
_SHORT.maxlong = 40
_SHORT.maxlevel = 3
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxdict = _SHORT.maxset = 4


def shown(value: object) -> str:
    """A short repr that never fails (a 5,000-digit int has no plain repr)."""
    if isinstance(value, int) and value.bit_length() > 10_000:
        return f"<int of about {int(value.bit_length() * 0.30103)} digits>"
    try:
        return _SHORT.repr(value)
    except Exception:  # the repr of junk may fail in any way; show the type instead
        return f"<{type(value).__name__} without a repr>"


def describe(function: Callable[..., object], *args: Any, **kwargs: Any) -> str:
    """``function(args...)`` as text, for the note on a failure."""
    owner = getattr(function, "__self__", None)
    if isinstance(owner, type):  # a classmethod: Money.of, not BaseModel.model_validate
        name = f"{owner.__name__}.{function.__name__}"
    elif owner is not None and not isinstance(owner, ModuleType):  # a bound method
        name = f"{shown(owner)}.{function.__name__}"
    else:
        name = getattr(function, "__qualname__", None) or shown(function)
    listed = [shown(arg) for arg in args] + [f"{k}={shown(v)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(listed)})"


def raised_inside_library(error: BaseException) -> bool:
    """Whether any frame of ``error``'s traceback lies in the supportrules package."""
    return any(_PACKAGE in frame.filename for frame in traceback.extract_tb(error.__traceback__))


def only_our_errors(function: Callable[..., object], *args: Any, **kwargs: Any) -> None:
    """Call ``function(*args, **kwargs)``: an answer or a ``SupportRulesError`` passes;
    any other exception is re-raised with the call shown (the original exception, so
    that Hypothesis tells distinct bugs apart by where they were raised); a call that
    does not return within HANG_SECONDS fails as a hang."""
    try:
        with _guarded():
            function(*args, **kwargs)
    except SupportRulesError:
        return
    except _Hang:
        raise AssertionError(
            f"{describe(function, *args, **kwargs)} did not return within {HANG_SECONDS} s"
        ) from None
    except Exception as error:
        error.add_note(
            f"{describe(function, *args, **kwargs)} raised {type(error).__name__}, "
            "not a SupportRulesError"
        )
        raise


# -- text -----------------------------------------------------------------------------------

ISO_LOOKING: tuple[str, ...] = (
    # durations, as ISO 8601 and as people write them
    "-PT5H",
    "PT8H",
    "PT0S",
    "P1D",
    "P999999999D",
    "-P999999999DT23H59M59.999999S",
    "PT1e999H",
    "8h",
    # instants
    "2026-11-18T10:00+02:00",
    "2026-11-18T10:00",
    "2026-11-18T10:00Z",
    "0001-01-01T00:00+14:00",
    "9999-12-31T23:59:59.999999-14:00",
    "2026-02-30T10:00+02:00",
    # dates and clocks
    "2026-11-18",
    "9999-12-31",
    "0001-01-01",
    "12-25",
    "09:00-18:00",
    "25:00-26:00",
    "00:00-24:00",
    "18:00-09:00",
    "09:00-09:00",
    "9:00 - 13:00",
    "24:00",
    "16:00",
    "23:59:59",
    "-01:00",
    # weekdays
    "mon",
    "Monday",
    "sun",
    "funday",
    "7",
    # currencies and amounts
    "EUR",
    "eur",
    "UAH",
    "JPY",
    "KWD",
    "XAU",
    "XXX",
    "1e999999999999999999",
    "1e99999999999999999999",
    "-1e-999999999999999999",
    "NaN",
    "sNaN",
    "Infinity",
    "-0",
    "1_000.50",
    "12,50",
    # zones and countries
    "UTC",
    "Europe/Kyiv",
    "Europe/Kiev",
    "Not/AZone",
    "../../etc/passwd",
    "TR",
    "UA",
    "XX",
    "public",
    "half_day",
    # blanks and controls
    "",
    " ",
    "\x00",
    "\ud800",
)


def texts(words: Sequence[str] = ()) -> st.SearchStrategy[str]:
    """ISO-looking strings, the caller's domain ``words``, and arbitrary text."""
    return st.one_of(st.sampled_from((*ISO_LOOKING, *words)), st.text(max_size=24))


# -- numbers ---------------------------------------------------------------------------------

BIG_INTS: tuple[int, ...] = (
    0,
    1,
    -1,
    7,
    -7,
    24,
    2**31,
    2**63,
    -(2**63) - 1,
    2**64,
    10**6,
    10**7,
    10**9,
    10**18,
    -(10**18),
    10**30,
    -(10**30),
)


def huge_int() -> int:
    """An int past Python's int-to-str limit (4,300 digits): even ``repr()`` of it raises
    ``ValueError``. (Drawn with ``st.builds``: ``st.just`` would show it in its repr.)"""
    return 10**5000


_FLOATS: tuple[float, ...] = (
    float("nan"),
    float("inf"),
    float("-inf"),
    -0.0,
    0.5,
    1e308,
    5e-324,
)

_DECIMALS: tuple[Decimal, ...] = (
    Decimal("NaN"),
    Decimal("-NaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
    Decimal("1E+999999999999999999"),
    Decimal("-1E+999999999999999999"),
    Decimal("1E-999999999999999999"),
    Decimal("1E+999999"),
    Decimal("1E-999999"),
    Decimal("-0"),
    Decimal("0E-1000"),
    Decimal("123456789.123456789"),
    Decimal("0.005"),
)


def integers() -> st.SearchStrategy[int]:
    """Any int, leaning to the boundaries (2**63, 10**18, 10**30, negative)."""
    return st.one_of(st.sampled_from(BIG_INTS), st.integers())


def floats() -> st.SearchStrategy[float]:
    """Any float, NaN and infinities included."""
    return st.one_of(st.sampled_from(_FLOATS), st.floats())


def decimals(*, hashable: bool = False) -> st.SearchStrategy[Decimal]:
    """Any Decimal: NaN, signalling NaN (unhashable, so not when ``hashable``), infinities,
    exponents at the limits of the decimal module."""
    drawn = st.one_of(st.sampled_from(_DECIMALS), st.decimals())
    if hashable:
        return drawn.filter(lambda d: not d.is_snan())
    return st.one_of(drawn, st.just(Decimal("sNaN")))


CURRENCIES: tuple[str, ...] = ("EUR", "UAH", "JPY", "KWD", "TRY")

# Amounts the library may accept, out to the exponents the decimal module allows.
AMOUNTS = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False),
    st.integers(),
    st.sampled_from(
        [
            Decimal("1E+999999999999999999"),
            Decimal("-1E+999999999999999999"),
            Decimal("1E-999999999999999999"),
            Decimal("1E+999999"),
            Decimal("99999999999999999999999999999999.5"),
            Decimal("0.005"),
            Decimal("-0"),
        ]
    ),
)


def _money(amount: Decimal | int, currency: str) -> Money:
    """``Money.of(amount, currency)``, or the largest round amount when the library
    refuses ``amount`` as out of range: the strategy draws valid Money only."""
    for tried in (amount, Decimal("-1E+30") if amount < 0 else Decimal("1E+30")):
        try:
            return Money.of(tried, currency)
        except SupportRulesError:
            continue
    return Money.zero(currency)


def moneys() -> st.SearchStrategy[Money]:
    """Valid ``Money``: amounts as large, small and precise as the library accepts."""
    return st.builds(_money, AMOUNTS, st.sampled_from(CURRENCIES))


# -- time ------------------------------------------------------------------------------------


class NoOffset(tzinfo):
    """A tzinfo that does not know its offset: Python treats such datetimes as naive."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str | None:
        return None

    def __repr__(self) -> str:
        return "NoOffset()"


ZONES: tuple[tzinfo, ...] = (
    UTC,
    ZoneInfo("Europe/Kyiv"),
    ZoneInfo("America/Santiago"),
    ZoneInfo("Pacific/Apia"),
    ZoneInfo("Australia/Lord_Howe"),
    timezone(timedelta(hours=14)),
    timezone(-timedelta(hours=23, minutes=59, seconds=59, microseconds=999999)),
    timezone(timedelta(hours=5, minutes=45)),
)

_EDGE_INSTANTS: tuple[datetime, ...] = (
    datetime.min.replace(tzinfo=UTC),
    datetime.max.replace(tzinfo=UTC),
    datetime.min.replace(tzinfo=timezone(timedelta(hours=14))),
    datetime.max.replace(tzinfo=timezone(timedelta(hours=-14))),
    datetime(1, 1, 2, tzinfo=ZoneInfo("Europe/Kyiv")),
    datetime(9999, 12, 30, tzinfo=ZoneInfo("Pacific/Apia")),
    datetime(2026, 10, 25, 2, 30, tzinfo=ZoneInfo("Europe/Kyiv")),
    datetime(2026, 3, 29, 3, 30, tzinfo=ZoneInfo("Europe/Kyiv")),
)


def aware_datetimes() -> st.SearchStrategy[datetime]:
    """Aware instants: mostly near today (where calendars open), also year 1 to 9999 and
    the edges of ``datetime``, in zones with DST, date-line jumps and odd offsets."""
    zones = st.sampled_from(ZONES)
    return st.one_of(
        st.datetimes(datetime(2024, 1, 1), datetime(2028, 12, 31), timezones=zones),
        st.datetimes(timezones=zones),
        st.sampled_from(_EDGE_INSTANTS),
    )


def naive_datetimes() -> st.SearchStrategy[datetime]:
    """Naive datetimes, and ones whose tzinfo does not know its offset."""
    return st.one_of(
        st.datetimes(),
        st.datetimes(datetime(2024, 1, 1), datetime(2028, 12, 31)),
        st.datetimes().map(lambda moment: moment.replace(tzinfo=NoOffset())),
    )


def durations() -> st.SearchStrategy[timedelta]:
    """Timedeltas: hours, negative ones, decades of business time (where a walk day by day
    would hang), a century and one day past it, and ``timedelta.min``/``max``."""
    return st.one_of(
        st.timedeltas(timedelta(days=-30), timedelta(days=30)),
        st.timedeltas(),
        st.integers(1_000, 36_530).map(lambda days: timedelta(days=days)),
        st.integers(1_000, 36_530).map(lambda days: -timedelta(days=days)),
        st.sampled_from(
            (
                timedelta(0),
                timedelta(microseconds=1),
                timedelta(microseconds=-1),
                timedelta(hours=8),
                timedelta(days=36_525),
                timedelta(days=36_526),
                timedelta.min,
                timedelta.max,
            )
        ),
    )


# -- odd Python objects ------------------------------------------------------------------------


class Deep(list[Any]):
    """A list nested ``depth`` levels deep: past the interpreter's recursion limit, with a
    short repr so that reports can still show it."""

    def __init__(self, depth: int) -> None:
        super().__init__()
        inner: list[Any] = self
        for _ in range(depth):
            child: list[Any] = []
            inner.append(child)
            inner = child
        self.depth = depth

    def __repr__(self) -> str:
        return f"Deep({self.depth})"


def _cyclic_list() -> list[Any]:
    cycle: list[Any] = [1]
    cycle.append(cycle)
    return cycle


def _cyclic_dict() -> dict[str, Any]:
    cycle: dict[str, Any] = {"on": "2026-11-18"}
    cycle["self"] = cycle
    return cycle


class Opaque:
    """An object of a class nobody expects."""

    def __repr__(self) -> str:
        return "Opaque()"


def odd_objects() -> st.SearchStrategy[Any]:
    """Objects no field expects: bare objects, complex numbers, fractions, ranges,
    iterators (used up after one pass), cycles, nesting past the recursion limit."""
    return st.one_of(
        st.builds(object),
        st.builds(Opaque),
        st.sampled_from([Ellipsis, NotImplemented, 1 + 2j, Fraction(1, 3), int, str, print]),
        st.builds(range, st.integers(-3, 3)),
        st.builds(bytearray, st.binary(max_size=4)),
        st.lists(st.integers(-3, 3), max_size=3).map(iter),
        st.builds(_cyclic_list),
        st.builds(_cyclic_dict),
        st.builds(Deep, st.sampled_from([50, 3000])),
    )


# -- JSON-like and Python values -----------------------------------------------------------------

# Strings in a payload that json_documents replaces by bare JSON tokens.
_RAW = "\x00raw:"
RAW_JSON_TOKENS: tuple[str, ...] = (
    "1e999999999999999999",
    "-1e999999999999999999",
    "1e-999999999999999999",
    "1E400",
    "-0",
    "NaN",
    "Infinity",
    "-Infinity",
    "1" + "0" * 5000,
    "123456789012345678901234567890.5",
    "[" * 3000 + "]" * 3000,
    '"\\ud800"',
)


def _raw_token(index: int) -> str:
    return _RAW + RAW_JSON_TOKENS[index]


def json_scalars(words: Sequence[str] = ()) -> st.SearchStrategy[Any]:
    """``None``, bools, ints, floats, strings (ISO-looking, ``words``, arbitrary)."""
    return st.one_of(
        st.none(),
        st.booleans(),
        integers(),
        floats(),
        texts(words),
        # Indices, not the tokens: a strategy's repr shows what it samples from.
        st.integers(0, len(RAW_JSON_TOKENS) - 1).map(_raw_token),
    )


def json_values(words: Sequence[str] = ()) -> st.SearchStrategy[Any]:
    """Anything ``json.loads`` can return, nested a few levels."""
    return st.recursive(
        json_scalars(words),
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(texts(words), children, max_size=4),
        ),
        max_leaves=8,
    )


def _hashable_leaves(words: Sequence[str]) -> st.SearchStrategy[Any]:
    return st.one_of(
        json_scalars(words),
        st.builds(huge_int),
        aware_datetimes(),
        naive_datetimes(),
        st.dates(),
        st.times(),
        st.times(timezones=st.sampled_from(ZONES)),
        durations(),
        decimals(hashable=True),
        st.binary(max_size=8),
    )


def python_values(
    words: Sequence[str] = (), *, extra: st.SearchStrategy[Any] | None = None
) -> st.SearchStrategy[Any]:
    """JSON values plus what Python code can pass: datetimes (naive, aware, year 1 to 9999),
    dates, times, timedeltas, Decimals, bytes, odd objects, ``extra`` (the library's own
    values in the wrong place), and lists, tuples, dicts, sets and frozensets of them."""
    hashable = _hashable_leaves(words)
    leaves = st.one_of(hashable, decimals(), odd_objects(), *(() if extra is None else (extra,)))
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.lists(children, max_size=4).map(tuple),
            st.dictionaries(hashable, children, max_size=3),
            st.sets(hashable, max_size=3),
            st.frozensets(hashable, max_size=3),
        ),
        max_leaves=6,
    )


# -- nearly valid payloads ---------------------------------------------------------------------

_Path = tuple[Any, ...]


def _paths(value: Any, prefix: _Path = ()) -> Iterator[_Path]:
    """Paths to every value inside nested dicts, lists and tuples."""
    if isinstance(value, Mapping):
        for key, child in value.items():
            yield (*prefix, key)
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list | tuple):
        for index, child in enumerate(value):
            yield (*prefix, index)
            yield from _paths(child, (*prefix, index))


def _objects(value: Any, prefix: _Path = ()) -> Iterator[_Path]:
    """Paths to every dict inside ``value``, itself included."""
    if isinstance(value, Mapping):
        yield prefix
    for path in _paths(value, prefix):
        if isinstance(_at(value, path[len(prefix) :]), Mapping):
            yield path


def _at(value: Any, path: _Path) -> Any:
    for step in path:
        value = value[step]
    return value


def _edited(value: Any, path: _Path, edit: Callable[[Any, Any], Any]) -> Any:
    """A copy of ``value`` whose container at ``path[:-1]`` is ``edit(container, key)``."""
    key = path[0]
    if len(path) == 1:
        return edit(value, key)
    if isinstance(value, Mapping):
        return {**value, key: _edited(value[key], path[1:], edit)}
    items = list(value)
    items[key] = _edited(items[key], path[1:], edit)
    return type(value)(items) if isinstance(value, tuple) else items


def _replace(container: Any, key: Any, new: Any) -> Any:
    if isinstance(container, Mapping):
        return {**container, key: new}
    items = list(container)
    items[key] = new
    return items


def _drop(container: Any, key: Any) -> Any:
    if isinstance(container, Mapping):
        return {k: v for k, v in container.items() if k != key}
    return [item for index, item in enumerate(container) if index != key]


UNKNOWN_FIELDS: tuple[str, ...] = ("extra", "Timezone", "__class__", "model_config", "", "id ")


@st.composite
def nearly_valid(
    draw: st.DrawFn, valid: Sequence[Mapping[str, Any]], values: st.SearchStrategy[Any]
) -> dict[str, Any]:
    """One of ``valid`` with one change: a field (at any depth) replaced by one of
    ``values``, a field or list item dropped, or an unknown field added."""
    base = dict(draw(st.sampled_from(valid)))
    paths = list(_paths(base))
    action = draw(st.sampled_from(("replace", "drop", "add")))
    if action == "replace" and paths:
        path = draw(st.sampled_from(paths))
        new = draw(values)
        result = _edited(base, path, lambda container, key: _replace(container, key, new))
    elif action == "drop" and paths:
        path = draw(st.sampled_from(paths))
        result = _edited(base, path, _drop)
    else:
        where = draw(st.sampled_from(list(_objects(base))))
        name = draw(st.one_of(st.sampled_from(UNKNOWN_FIELDS), st.text(max_size=8)))
        new = draw(values)
        if where:
            result = _edited(base, where, lambda c, k: _replace(c, k, {**c[k], name: new}))
        else:
            result = {**base, name: new}
    assert isinstance(result, dict)
    return result


def json_documents(payloads: st.SearchStrategy[Any]) -> st.SearchStrategy[str | bytes]:
    """JSON text of ``payloads`` (raw tokens spliced in), sometimes cut short, sometimes
    not JSON at all, sometimes bytes that are not UTF-8."""

    def dumped(payload: Any) -> str:
        text = json.dumps(payload)
        for token in RAW_JSON_TOKENS:
            text = text.replace(json.dumps(_RAW + token), token)
        return text

    documents = payloads.map(dumped)

    @st.composite
    def cut(draw: st.DrawFn) -> str:
        text = draw(documents)
        return text[: draw(st.integers(0, max(len(text) - 1, 0)))]

    return st.one_of(
        documents,
        documents,
        documents,
        cut(),
        texts(),
        documents.map(lambda text: text.encode()),
        st.binary(max_size=16),
    )


def model_suite(
    values: Mapping[type[Any], Sequence[Any]],
    junk: st.SearchStrategy[Any],
    words: Sequence[str],
    per_model: Callable[[Any], Any],
) -> type:
    """A test class that builds each model of ``values`` (valid instances per model) from
    fuzzed payloads on the three paths in (constructor, ``model_validate``,
    ``model_validate_json``): the valid dumps with one field spoiled by ``junk``, or junk
    alone; allowing only our errors. Bind it to a ``Test...`` name in the family's module
    for pytest to collect."""
    models = list(values)
    payloads = {
        model: st.one_of(
            nearly_valid([value.model_dump() for value in values[model]], junk),
            nearly_valid([value.model_dump(mode="json") for value in values[model]], junk),
            junk,
        )
        for model in models
    }
    documents = {
        model: json_documents(
            st.one_of(
                nearly_valid(
                    [value.model_dump(mode="json") for value in values[model]], json_values(words)
                ),
                json_values(words),
            )
        )
        for model in models
    }

    def name(model: type[Any]) -> str:
        return model.__name__

    class ModelSuite:
        @pytest.mark.parametrize("model", models, ids=name)
        @per_model
        @given(data=st.data())
        def test_constructor_raises_only_our_errors(
            self, model: type[Any], data: st.DataObject
        ) -> None:
            payload = data.draw(payloads[model], label="payload")
            if isinstance(payload, dict) and all(isinstance(key, str) for key in payload):
                only_our_errors(model, **payload)
            else:
                only_our_errors(model, **{next(iter(model.model_fields)): payload})

        @pytest.mark.parametrize("model", models, ids=name)
        @per_model
        @given(data=st.data())
        def test_model_validate_raises_only_our_errors(
            self, model: type[Any], data: st.DataObject
        ) -> None:
            only_our_errors(model.model_validate, data.draw(payloads[model], label="payload"))

        @pytest.mark.parametrize("model", models, ids=name)
        @per_model
        @given(data=st.data())
        def test_model_validate_json_raises_only_our_errors(
            self, model: type[Any], data: st.DataObject
        ) -> None:
            document = data.draw(documents[model], label="document")
            only_our_errors(model.model_validate_json, document)

    return ModelSuite
