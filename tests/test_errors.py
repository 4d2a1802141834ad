"""The exception tree (errors.py) and its message factories (STYLE "Errors")."""

from __future__ import annotations

import inspect
import re

import pytest

import supportrules
from supportrules import errors
from supportrules.errors import (
    SupportRulesError,
    UnknownCountryError,
    UnknownCurrencyError,
    UnknownTimezoneError,
    UnknownValueError,
)

_TREE_LINE = re.compile(r"^(?P<indent>[ │├└─]*)(?P<name>[A-Z][A-Za-z]*)\b")


def drawn_tree() -> dict[str, str]:
    """``{class name: parent name}`` as drawn in the errors module docstring."""
    doc = errors.__doc__ or ""
    lines = [line for line in doc.splitlines() if "SupportRulesError (ValueError)" in line]
    assert len(lines) == 1, "the docstring draws the tree from 'SupportRulesError (ValueError)'"
    start = doc.splitlines().index(lines[0])
    root_indent = len(lines[0]) - len(lines[0].lstrip())
    parents: dict[str, str] = {"SupportRulesError": "ValueError"}
    stack: list[tuple[int, str]] = [(0, "SupportRulesError")]
    for line in doc.splitlines()[start + 1 :]:
        body = line[root_indent:]
        if not body.strip() or not re.match(r"^[ │]*[├└]── ", body):
            break
        match = _TREE_LINE.match(body)
        assert match is not None, line
        depth = len(match["indent"]) // 4
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parents[match["name"]] = stack[-1][1]
        stack.append((depth, match["name"]))
    return parents


def error_classes() -> dict[str, type[BaseException]]:
    """Every exception class defined in errors.py."""
    return {
        name: obj
        for name, obj in vars(errors).items()
        if inspect.isclass(obj)
        and issubclass(obj, BaseException)
        and obj.__module__ == errors.__name__
    }


TREE = drawn_tree()


class TestTree:
    def test_the_drawing_is_not_empty(self) -> None:
        assert len(TREE) > 10
        assert TREE["MoneyError"] == "SupportRulesError"
        assert TREE["CurrencyMismatchError"] == "MoneyError"

    @pytest.mark.parametrize(("name", "parent"), sorted(TREE.items()), ids=sorted(TREE))
    def test_every_drawn_class_exists_under_its_drawn_parent(self, name: str, parent: str) -> None:
        cls = getattr(errors, name)
        expected_parent = ValueError if parent == "ValueError" else getattr(errors, parent)
        assert expected_parent in cls.__bases__

    @pytest.mark.parametrize("name", sorted(TREE), ids=sorted(TREE))
    def test_every_drawn_class_is_a_support_rules_value_error(self, name: str) -> None:
        cls = getattr(errors, name)
        assert issubclass(cls, SupportRulesError)
        assert issubclass(cls, ValueError)

    def test_every_class_in_the_module_is_drawn(self) -> None:
        assert set(error_classes()) == set(TREE)

    def test_errors_all_lists_exactly_the_classes(self) -> None:
        assert sorted(errors.__all__) == sorted(error_classes())

    def test_catching_value_error_catches_them_all(self) -> None:
        for cls in error_classes().values():
            with pytest.raises(ValueError, match=r"^x$"):
                raise cls("x")


class TestImportableFromThePackage:
    @pytest.mark.parametrize("name", errors.__all__, ids=errors.__all__)
    def test_error_is_importable_from_supportrules(self, name: str) -> None:
        assert getattr(supportrules, name, None) is getattr(errors, name)
        assert name in supportrules.__all__


class TestUnknownValueFactory:
    def test_message_shows_field_value_suggestion_and_known_values(self) -> None:
        error = UnknownValueError.for_value("kind", "bgu", ["bug", "consultation"])
        assert str(error) == (
            "kind: unknown value 'bgu'; did you mean 'bug'? Known values: 'bug', 'consultation'."
        )

    def test_suggestions_ignore_case(self) -> None:
        error = UnknownValueError.for_value("kind", "CRITICAL_BGU", ["bug", "critical_bug"])
        assert "did you mean 'critical_bug'?" in str(error)

    def test_several_suggestions_are_joined_with_or(self) -> None:
        error = UnknownValueError.for_value("plan", "pad", ["paid", "pads", "free"])
        assert "did you mean 'pads' or 'paid'?" in str(error) or (
            "did you mean 'paid' or 'pads'?" in str(error)
        )

    def test_no_close_match_gives_no_suggestion(self) -> None:
        error = UnknownValueError.for_value("kind", "zzz", ["bug", "consultation"])
        assert str(error) == "kind: unknown value 'zzz'. Known values: 'bug', 'consultation'."

    def test_non_string_values_are_shown_as_repr(self) -> None:
        error = UnknownValueError.for_value("channel", 3, ["phone"])
        assert str(error).startswith("channel: unknown value 3.")

    def test_known_values_may_be_any_iterable(self) -> None:
        error = UnknownValueError.for_value("kind", "bgu", (k for k in ["bug"]))
        assert "did you mean 'bug'? Known values: 'bug'." in str(error)


class TestUnknownTimezoneFactory:
    def test_message_shows_the_key_and_close_zones(self) -> None:
        error = UnknownTimezoneError.for_key(
            "Europe/Kyev", ["Europe/Kyiv", "Europe/Amsterdam", "Asia/Kathmandu"]
        )
        message = str(error)
        assert message.startswith("timezone: unknown IANA time zone 'Europe/Kyev'")
        assert "did you mean 'Europe/Kyiv'" in message
        assert "Amsterdam" not in message

    def test_without_a_close_zone_the_message_ends_plainly(self) -> None:
        error = UnknownTimezoneError.for_key("Mars/Olympus", ["Europe/Kyiv"])
        assert str(error) == "timezone: unknown IANA time zone 'Mars/Olympus'."


class TestUnknownCountryFactory:
    def test_message_shows_the_code_suggestion_and_how_to_fix(self) -> None:
        error = UnknownCountryError.for_code("UKR", ["UA", "TR", "NL", "UKR2"])
        message = str(error)
        assert message.startswith("country: the holidays package has no calendar for 'UKR'")
        assert "did you mean 'UKR2'?" in message
        assert "ISO 3166-1 alpha-2" in message

    def test_without_a_close_code_there_is_no_suggestion(self) -> None:
        message = str(UnknownCountryError.for_code("QQ", ["UA", "TR"]))
        assert "did you mean" not in message
        assert "'QQ'" in message


class TestUnknownCurrencyFactory:
    @pytest.mark.parametrize(
        ("code", "suggestion"),
        [("UAG", "UAH"), ("eux", "EUR"), ("TRL", "TRY")],
        ids=["UAG", "lower-case", "TRL"],
    )
    def test_message_shows_the_code_and_a_suggestion(self, code: str, suggestion: str) -> None:
        message = str(UnknownCurrencyError.for_code(code, ["UAH", "EUR", "TRY", "USD"]))
        assert message.startswith(f"currency: {code!r} is not an ISO 4217 currency code")
        assert f"did you mean {suggestion!r}" in message
        assert "three letters" in message

    def test_non_string_codes_are_shown_as_repr(self) -> None:
        message = str(UnknownCurrencyError.for_code(978, ["EUR"]))
        assert message.startswith("currency: 978 is not")
