"""The public namespace is curated, and the package is pure (STYLE "Layout", SPEC §1).

Generic on purpose: every public package and module found under ``supportrules`` is
checked, so subpackages added later are covered without editing this file.
"""

from __future__ import annotations
import __future__

import ast
import importlib
import importlib.metadata
import importlib.resources
import io
import pkgutil
import tokenize
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

import supportrules

PACKAGE_DIR = Path(supportrules.__file__).parent


def _public_module_names() -> list[str]:
    names = ["supportrules"]
    for info in pkgutil.walk_packages(supportrules.__path__, prefix="supportrules."):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        names.append(info.name)
    return sorted(names)


PUBLIC_MODULES = _public_module_names()


def _module_all(name: str) -> list[str]:
    module = importlib.import_module(name)
    exported = getattr(module, "__all__", None)
    assert exported is not None
    assert isinstance(exported, list | tuple)
    return list(exported)


def _with_all() -> list[str]:
    return [name for name in PUBLIC_MODULES if hasattr(importlib.import_module(name), "__all__")]


def _packages_with_all() -> list[str]:
    return [name for name in _with_all() if hasattr(importlib.import_module(name), "__path__")]


MODULES_WITH_ALL = _with_all()
PACKAGES_WITH_ALL = _packages_with_all()


def _source_files() -> list[Path]:
    return sorted(PACKAGE_DIR.rglob("*.py"))


SOURCE_FILES = _source_files()
SOURCE_IDS = [str(path.relative_to(PACKAGE_DIR)) for path in SOURCE_FILES]


class TestDiscovery:
    def test_the_foundation_modules_are_found(self) -> None:
        assert {"supportrules", "supportrules.calendars", "supportrules.money"} <= set(
            PUBLIC_MODULES
        )

    def test_private_modules_are_skipped(self) -> None:
        assert not any("._" in name for name in PUBLIC_MODULES)

    def test_the_root_defines_all(self) -> None:
        assert "supportrules" in PACKAGES_WITH_ALL


class TestAll:
    @pytest.mark.parametrize("name", MODULES_WITH_ALL, ids=MODULES_WITH_ALL)
    def test_all_has_no_duplicates(self, name: str) -> None:
        exported = _module_all(name)
        duplicates = sorted({n for n in exported if exported.count(n) > 1})
        assert duplicates == []

    @pytest.mark.parametrize("name", MODULES_WITH_ALL, ids=MODULES_WITH_ALL)
    def test_every_name_in_all_is_importable(self, name: str) -> None:
        module = importlib.import_module(name)
        missing = [n for n in _module_all(name) if not hasattr(module, n)]
        assert missing == []

    @pytest.mark.parametrize("name", MODULES_WITH_ALL, ids=MODULES_WITH_ALL)
    def test_star_import_gives_exactly_all(self, name: str) -> None:
        namespace: dict[str, object] = {}
        exec(f"from {name} import *", namespace)
        namespace.pop("__builtins__", None)
        assert set(namespace) == set(_module_all(name))

    @pytest.mark.parametrize("name", PACKAGES_WITH_ALL, ids=PACKAGES_WITH_ALL)
    def test_every_public_name_of_a_package_is_in_all(self, name: str) -> None:
        module = importlib.import_module(name)
        public = {
            attr
            for attr, value in vars(module).items()
            if not attr.startswith("_")
            and not isinstance(value, types.ModuleType)
            and not isinstance(value, __future__._Feature)
        }
        assert sorted(public - set(_module_all(name))) == []

    @pytest.mark.parametrize("name", MODULES_WITH_ALL, ids=MODULES_WITH_ALL)
    def test_all_names_no_private_names(self, name: str) -> None:
        assert [n for n in _module_all(name) if n.startswith("_")] == []

    @pytest.mark.parametrize("name", PACKAGES_WITH_ALL, ids=PACKAGES_WITH_ALL)
    def test_all_is_sorted_within_its_commented_groups(self, name: str) -> None:
        module = importlib.import_module(name)
        assert module.__file__ is not None
        groups = all_groups(Path(module.__file__).read_text(encoding="utf-8"))
        for comment, names in groups:
            assert names in (sorted(names), sorted(names, key=_isort_key)), comment

    def test_the_spec_entry_points_are_exported(self) -> None:
        # SPEC §9: names the acceptance suite calls.
        exported = set(supportrules.__all__)
        assert {"BusinessCalendar", "Money", "SupportRulesError", "NaiveDatetimeError"} <= (
            exported
        )

    def test_version_matches_the_distribution(self) -> None:
        assert supportrules.__version__ == importlib.metadata.version("supportrules")


def _isort_key(name: str) -> tuple[int, str]:
    """Ruff's RUF022 order: SCREAMING_CASE, then CamelCase, then the rest."""
    if name.isupper():
        return (0, name)
    if name[:1].isupper():
        return (1, name)
    return (2, name)


def all_groups(source: str) -> list[tuple[str, list[str]]]:
    """The string entries of the ``__all__ = [...]`` literal, split at comment lines."""
    tree = ast.parse(source)
    target: ast.AST | None = None
    for node in tree.body:
        if (
            isinstance(node, ast.Assign | ast.AnnAssign)
            and any(
                isinstance(t, ast.Name) and t.id == "__all__"
                for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
            )
            and isinstance(node.value, ast.List | ast.Tuple)
        ):
            target = node.value
    assert target is not None, "__all__ is a list or tuple literal"
    assert isinstance(target, ast.List | ast.Tuple)
    assert target.end_lineno is not None
    first, last = target.lineno, target.end_lineno
    groups: list[tuple[str, list[str]]] = [("(top)", [])]
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if not first <= token.start[0] <= last:
            continue
        if token.type == tokenize.COMMENT:
            groups.append((token.string, []))
        elif token.type == tokenize.STRING:
            value = ast.literal_eval(token.string)
            assert isinstance(value, str)
            groups[-1][1].append(value)
    return [group for group in groups if group[1]]


class TestAllGroupsHelper:
    """The sorting check above must be able to fail."""

    def test_groups_split_at_comments(self) -> None:
        source = '__all__ = [\n    # b\n    "B",\n    "A",\n    # a\n    "c",\n]\n'
        assert all_groups(source) == [("# b", ["B", "A"]), ("# a", ["c"])]

    def test_an_unsorted_group_is_detected(self) -> None:
        (_, names), *_ = all_groups('__all__ = [\n    "Money",\n    "Decision",\n]\n')
        assert names not in (sorted(names), sorted(names, key=_isort_key))


# Purity (SPEC §1): no file, network, environment, clock, randomness or logging.
BANNED_MODULES = frozenset(
    {"logging", "random", "os", "time", "urllib", "socket", "requests", "subprocess", "http"}
)
CLOCK_READS = frozenset({"now", "utcnow", "today"})
BANNED_CALLS = frozenset({"print", "open", "input"})


def impurities(source: str) -> Iterator[str]:
    """Every import of a banned module, clock read or I/O builtin call in ``source``."""
    tree = ast.parse(source)
    clock_names = {"datetime", "date"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in BANNED_MODULES:
                    yield f"line {node.lineno}: import {alias.name}"
                if alias.name == "datetime":
                    clock_names.add(alias.asname or alias.name)
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in BANNED_MODULES:
                yield f"line {node.lineno}: from {node.module} import ..."
            if node.module == "datetime":
                clock_names.update(a.asname or a.name for a in node.names)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in CLOCK_READS:
            receiver = node.value
            name = receiver.attr if isinstance(receiver, ast.Attribute) else None
            if isinstance(receiver, ast.Name):
                name = receiver.id
            if name in clock_names:
                yield f"line {node.lineno}: {name}.{node.attr}"
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in BANNED_CALLS
        ):
            yield f"line {node.lineno}: {node.func.id}()"


class TestPurity:
    def test_there_is_source_to_scan(self) -> None:
        assert PACKAGE_DIR / "money.py" in SOURCE_FILES

    @pytest.mark.parametrize("path", SOURCE_FILES, ids=SOURCE_IDS)
    def test_module_never_reads_the_clock_environment_network_or_logs(self, path: Path) -> None:
        assert list(impurities(path.read_text(encoding="utf-8"))) == []

    @pytest.mark.parametrize(
        "source",
        [
            "import logging",
            "import os.path",
            "from os import environ",
            "import random as r",
            "from time import monotonic",
            "import urllib.request",
            "import socket",
            "import requests",
            "from datetime import datetime\nx = datetime.now()",
            "from datetime import datetime as dt\nx = dt.utcnow()",
            "import datetime\nx = datetime.date.today()",
            "import datetime as d\nx = d.datetime.now",
            "from datetime import date\nf = date.today",
            "print('hi')",
            "open('f')",
        ],
        ids=[
            "logging",
            "os.path",
            "from-os",
            "random-alias",
            "from-time",
            "urllib",
            "socket",
            "requests",
            "datetime.now",
            "aliased-utcnow",
            "date.today",
            "now-as-a-reference",
            "today-as-a-reference",
            "print",
            "open",
        ],
    )
    def test_the_scanner_catches_impure_code(self, source: str) -> None:
        assert list(impurities(source)) != []

    @pytest.mark.parametrize(
        "source",
        [
            "from datetime import datetime, timedelta\nx = datetime(2026, 1, 1)",
            "def now(at): return at",
            "import zoneinfo\nz = zoneinfo.ZoneInfo('UTC')",
            "x = calendar.today_close",
        ],
        ids=["datetime-constructor", "parameter-named-now", "zoneinfo", "similar-name"],
    )
    def test_the_scanner_passes_pure_code(self, source: str) -> None:
        assert list(impurities(source)) == []


class TestTyped:
    def test_py_typed_ships_with_the_package(self) -> None:
        marker = PACKAGE_DIR / "py.typed"
        assert marker.is_file()
        # A "partial" marker would tell type checkers to look for stubs elsewhere.
        assert "partial" not in marker.read_text(encoding="utf-8")

    def test_py_typed_is_a_package_resource(self) -> None:
        assert importlib.resources.files("supportrules").joinpath("py.typed").is_file()
