"""The frozen base model and closed vocabularies (supportrules._model)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import ValidationError

from supportrules import (
    InvalidAmountError,
    InvalidInputError,
    Money,
    NaiveDatetimeError,
    SupportRulesError,
    UnknownCurrencyError,
    UnknownValueError,
)
from supportrules._model import Aware, Frozen, Vocabulary, require_aware


class Colour(Vocabulary):
    RED = "red"
    DARK_BLUE = "dark_blue"


class TicketKind(Vocabulary):
    BUG = "bug"
    CRITICAL_BUG = "critical_bug"


class Paint(Frozen):
    shade: Colour
    litres: int = 1
    tags: tuple[str, ...] = ()
    price: Money | None = None
    mixed_at: Aware | None = None


class Order(Frozen):
    paints: tuple[Paint, ...] = ()


class TestFrozen:
    def test_fields_cannot_be_assigned(self) -> None:
        paint = Paint(shade="red")
        with pytest.raises(ValidationError, match="frozen"):
            paint.litres = 2  # type: ignore[misc]
        assert paint.litres == 1

    @pytest.mark.parametrize(
        "build",
        [
            lambda: Paint(shade="red", colour="red"),  # type: ignore[call-arg]
            lambda: Paint.model_validate({"shade": "red", "colour": "red"}),
            lambda: Paint.model_validate_json('{"shade": "red", "colour": "red"}'),
        ],
        ids=["constructor", "model_validate", "model_validate_json"],
    )
    def test_extra_fields_are_forbidden(self, build: Any) -> None:
        with pytest.raises(InvalidInputError, match="colour: unknown field"):
            build()

    def test_list_inputs_become_tuples(self) -> None:
        paint = Paint(shade="red", tags=["matt", "outdoor"])
        assert paint.tags == ("matt", "outdoor")
        assert isinstance(paint.tags, tuple)

    def test_equal_models_hash_equal(self) -> None:
        assert Paint(shade="red", tags=["a"]) == Paint(shade="RED", tags=("a",))
        assert hash(Paint(shade="red", tags=["a"])) == hash(Paint(shade="RED", tags=("a",)))

    def test_json_round_trip(self) -> None:
        order = Order(
            paints=(
                Paint(shade="red", tags=("matt",), price=Money.of("9.90", "EUR")),
                Paint(shade="dark_blue", mixed_at=datetime(2026, 11, 18, 10, tzinfo=UTC)),
            )
        )
        assert Order.model_validate_json(order.model_dump_json()) == order

    def test_json_schema_forbids_extra_fields(self) -> None:
        schema = Paint.model_json_schema()
        assert schema["additionalProperties"] is False
        assert schema["required"] == ["shade"]


class TestReplace:
    def test_replace_returns_a_changed_copy(self) -> None:
        paint = Paint(shade="red", litres=1)
        changed = paint.replace(litres=5)
        assert changed.litres == 5
        assert paint.litres == 1
        assert changed.shade is Colour.RED

    def test_replace_normalises_like_the_constructor(self) -> None:
        assert Paint(shade="red").replace(shade="Dark-Blue").shade is Colour.DARK_BLUE

    def test_replace_validates_our_rules(self) -> None:
        with pytest.raises(UnknownValueError, match=r"^shade: unknown value 'rde'"):
            Paint(shade="red").replace(shade="rde")

    def test_replace_validates_pydantic_types(self) -> None:
        with pytest.raises(InvalidInputError, match="litres"):
            Paint(shade="red").replace(litres="many")

    def test_replace_refuses_unknown_fields(self) -> None:
        with pytest.raises(InvalidInputError, match="colour: Paint has no such field"):
            Paint(shade="red").replace(colour="red")


class TestOurErrorsSurfaceFromTheConstructor:
    @pytest.mark.parametrize(
        ("fields", "error", "start"),
        [
            ({"shade": "rde"}, UnknownValueError, "shade: unknown value 'rde'"),
            (
                {"shade": "red", "price": {"amount": 1.5, "currency": "EUR"}},
                InvalidAmountError,
                "price.amount: 1.5 is a float",
            ),
            (
                {"shade": "red", "price": {"amount": "1", "currency": "EUX"}},
                UnknownCurrencyError,
                "price.currency: 'EUX'",
            ),
            (
                {"shade": "red", "mixed_at": datetime(2026, 11, 18, 10)},
                NaiveDatetimeError,
                "mixed_at: datetime.datetime(2026, 11, 18, 10, 0) is a naive datetime",
            ),
        ],
        ids=["vocabulary", "nested-amount", "nested-currency", "naive-datetime"],
    )
    def test_error_is_ours_and_names_the_field(
        self, fields: dict[str, Any], error: type[SupportRulesError], start: str
    ) -> None:
        with pytest.raises(error) as caught:
            Paint(**fields)
        assert type(caught.value) is error
        assert str(caught.value).startswith(start)
        assert isinstance(caught.value.__cause__, ValidationError)

    def test_nested_models_name_the_path(self) -> None:
        with pytest.raises(UnknownValueError, match=r"^paints\[1\]\.shade: unknown value 'rde'"):
            Order(paints=[{"shade": "red"}, {"shade": "rde"}])

    def test_pydantic_errors_without_ours_become_invalid_input_errors(self) -> None:
        with pytest.raises(
            InvalidInputError, match=r"^litres: .*integer.*\(got 'many'\)"
        ) as caught:
            Paint(shade="red", litres="many")
        assert isinstance(caught.value.validation, ValidationError)
        assert caught.value.errors()[0]["loc"] == ("litres",)


class TestModelValidateRaisesOurErrors:
    @pytest.mark.parametrize(
        ("data", "named"),
        [
            ({"shade": "rde"}, "shade"),
            ({"shade": "red", "price": {"amount": 1.5, "currency": "EUR"}}, "amount"),
            ({"shade": "red", "mixed_at": "2026-11-18T10:00"}, "mixed_at"),
            ({"shade": "red", "litres": "many"}, "litres"),
        ],
        ids=["vocabulary", "nested-amount", "naive-iso-string", "pydantic-type"],
    )
    def test_model_validate_raises_our_error_naming_the_field(
        self, data: dict[str, Any], named: str
    ) -> None:
        for parse in (Paint.model_validate, lambda d: Paint.model_validate_json(json.dumps(d))):
            with pytest.raises(SupportRulesError, match=named) as caught:
                parse(data)
            assert isinstance(caught.value.__cause__, ValidationError)
            assert caught.value.errors()  # pydantic's detail, with locations

    def test_validation_error_is_a_value_error(self) -> None:
        with pytest.raises(ValueError, match="shade"):
            Paint.model_validate({"shade": "rde"})


class TestVocabulary:
    @pytest.mark.parametrize(
        ("text", "member"),
        [
            ("red", Colour.RED),
            ("RED", Colour.RED),
            (" Red ", Colour.RED),
            ("dark_blue", Colour.DARK_BLUE),
            ("Dark-Blue", Colour.DARK_BLUE),
            ("dark blue", Colour.DARK_BLUE),
            ("DARK BLUE", Colour.DARK_BLUE),
        ],
        ids=["exact", "upper", "padded", "underscore", "hyphen", "space", "upper-space"],
    )
    def test_values_are_read_case_insensitively(self, text: str, member: Colour) -> None:
        assert Colour(text) is member
        assert Paint(shade=text).shade is member

    def test_members_are_strings(self) -> None:
        assert isinstance(Colour.DARK_BLUE, str)
        assert str(Colour.DARK_BLUE) == "dark_blue"
        assert f"{Colour.DARK_BLUE}" == "dark_blue"

    def test_unknown_value_suggests_a_close_one(self) -> None:
        with pytest.raises(UnknownValueError) as caught:
            Colour("rde")
        assert str(caught.value) == (
            "colour: unknown value 'rde'; did you mean 'red'? Known values: 'red', 'dark_blue'."
        )

    def test_the_field_is_named_after_the_class_in_snake_case(self) -> None:
        with pytest.raises(UnknownValueError, match=r"^ticket_kind: unknown value 'bgu'; did"):
            TicketKind("bgu")

    def test_suggestions_also_ignore_case_and_separators(self) -> None:
        with pytest.raises(UnknownValueError, match="did you mean 'critical_bug'"):
            TicketKind("Critical-Bgu")

    @pytest.mark.parametrize("value", [3, None, b"red"], ids=["int", "none", "bytes"])
    def test_non_strings_are_unknown_values(self, value: Any) -> None:
        with pytest.raises(UnknownValueError, match=r"Known values: 'red', 'dark_blue'\."):
            Colour(value)

    def test_inside_a_field_the_field_is_named_with_a_suggestion(self) -> None:
        with pytest.raises(UnknownValueError) as caught:
            Paint(shade="dark_bleu")
        message = str(caught.value)
        assert message.startswith("shade: ")
        assert "'dark_bleu'" in message
        assert "did you mean 'dark_blue'?" in message

    def test_inside_json_the_value_is_read_case_insensitively(self) -> None:
        assert Paint.model_validate_json('{"shade": "Dark Blue"}').shade is Colour.DARK_BLUE

    def test_json_schema_lists_the_values(self) -> None:
        schema = Paint.model_json_schema()
        # Validation lists the values beside a pattern of every spelling _missing_ reads;
        # a dump writes only the values.
        assert schema["$defs"]["Colour"]["anyOf"][0]["enum"] == ["red", "dark_blue"]
        written = Paint.model_json_schema(mode="serialization")
        assert written["$defs"]["Colour"]["enum"] == ["red", "dark_blue"]


class TestAware:
    KYIV_OFFSET = timezone(timedelta(hours=2))

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (datetime(2026, 11, 18, 10, tzinfo=UTC), datetime(2026, 11, 18, 10, tzinfo=UTC)),
            (
                "2026-11-18T10:00:00+02:00",
                datetime(2026, 11, 18, 10, tzinfo=timezone(timedelta(hours=2))),
            ),
            ("2026-11-18T08:00:00Z", datetime(2026, 11, 18, 8, tzinfo=UTC)),
        ],
        ids=["aware", "iso-offset", "iso-z"],
    )
    def test_aware_values_are_accepted(self, value: object, expected: datetime) -> None:
        got = require_aware(value, "at")
        assert got == expected
        assert got.utcoffset() == expected.utcoffset()
        assert Paint(shade="red", mixed_at=value).mixed_at == expected

    @pytest.mark.parametrize(
        ("value", "fragment"),
        [
            (datetime(2026, 11, 18, 10), "naive datetime"),
            ("2026-11-18T10:00", "naive datetime"),
            ("tomorrow", "not an ISO datetime"),
            (date(2026, 11, 18), "is a date, not an instant"),
            (1763452800, "is not a datetime"),
        ],
        ids=["naive", "naive-iso", "not-iso", "date", "timestamp"],
    )
    def test_other_values_are_naive_datetime_errors(self, value: object, fragment: str) -> None:
        with pytest.raises(NaiveDatetimeError) as caught:
            require_aware(value, "opened_at")
        assert str(caught.value).startswith("opened_at: ")
        assert fragment in str(caught.value)

    def test_aware_field_round_trips_through_json_with_its_offset(self) -> None:
        paint = Paint(shade="red", mixed_at="2026-11-18T10:00:00+05:45")
        text = paint.model_dump_json()
        assert '"mixed_at":"2026-11-18T10:00:00+05:45"' in text
        back = Paint.model_validate_json(text)
        assert back == paint
        assert back.mixed_at is not None
        assert back.mixed_at.utcoffset() == timedelta(hours=5, minutes=45)
