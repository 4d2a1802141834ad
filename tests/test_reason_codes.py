"""The reason-code catalogue (docs/reference/reason-codes.md) matches the code.

Services match on reason codes, so a code must never appear or vanish unannounced:
every code a rule can emit is listed in the catalogue, and every code the catalogue
lists can still be emitted.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "supportrules"
CATALOGUE = ROOT / "docs" / "reference" / "reason-codes.md"
CODE = re.compile(r"^[a-z]+\.[a-z_]+$")
FAMILIES = ("calendar", "coverage", "intake", "sla")


def emitted_codes() -> set[str]:
    """Every string constant in the package that is exactly a dotted reason code."""
    codes: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and CODE.match(node.value)
                and node.value.split(".")[0] in FAMILIES
            ):
                codes.add(node.value)
    return codes


def catalogued_codes() -> set[str]:
    """The codes in the first column of the catalogue's tables."""
    codes: set[str] = set()
    for line in CATALOGUE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\|\s*`([a-z]+\.[a-z_]+)`\s*\|", line)
        if match:
            codes.add(match.group(1))
    return codes


class TestCatalogue:
    def test_the_source_emits_codes_of_every_family(self) -> None:
        families = {code.split(".")[0] for code in emitted_codes()}
        assert families == set(FAMILIES)

    @pytest.mark.parametrize("code", sorted(emitted_codes()))
    def test_every_emitted_code_is_catalogued(self, code: str) -> None:
        assert code in catalogued_codes(), f"{code} is emitted but not in {CATALOGUE.name}"

    @pytest.mark.parametrize("code", sorted(catalogued_codes()))
    def test_every_catalogued_code_is_emitted(self, code: str) -> None:
        assert code in emitted_codes(), f"{code} is catalogued but no rule emits it"

    def test_codes_are_listed_once(self) -> None:
        listed = re.findall(
            r"^\|\s*`([a-z]+\.[a-z_]+)`\s*\|", CATALOGUE.read_text(encoding="utf-8"), re.M
        )
        assert len(listed) == len(set(listed))
