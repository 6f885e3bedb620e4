import pytest

from onrecord.validation import (
    MAX_ID,
    InvalidValue,
    parse_choice,
    parse_id,
    parse_limit,
    parse_mode,
    parse_offset,
    parse_positive,
)


@pytest.mark.parametrize("value, expected", [("1", 1), (7, 7), (" 42 ", 42), (str(MAX_ID), MAX_ID)])
def test_validation_parse_id_accepts_row_ids(value, expected):
    assert parse_id(value) == expected


@pytest.mark.parametrize("value", ["0", "-1", "9" * 50, str(MAX_ID + 1), "abc", "", "1.5", True, "%00"])
def test_validation_parse_id_refuses_what_names_no_row(value):
    with pytest.raises(InvalidValue) as info:
        parse_id(value, "article id")
    assert str(info.value).startswith("article id: ")


@pytest.mark.parametrize("value", ["0", "-5", "501"])
def test_validation_limit_out_of_range(value):
    with pytest.raises(InvalidValue, match="between 1 and 500"):
        parse_limit(value)


def test_validation_offset_and_positive():
    assert parse_offset("0") == 0
    with pytest.raises(InvalidValue, match="0 or more"):
        parse_offset("-5")
    with pytest.raises(InvalidValue, match="1 or more"):
        parse_positive("0", "batch size")


def test_validation_choice_names_the_allowed_values():
    assert parse_choice("person", ("person", "group"), "kind") == "person"
    with pytest.raises(InvalidValue, match="must be one of person, group"):
        parse_choice("banana", ("person", "group"), "kind")


@pytest.mark.parametrize("value", ["²", "١٢", "+²"])
def test_validation_parse_id_refuses_non_ascii_digits_without_crashing(value):
    """'²'.isdigit() is true and int('²') raises ValueError: it must be an InvalidValue like any other word."""
    with pytest.raises(InvalidValue):
        parse_id(value)


@pytest.mark.parametrize(("value", "expected"), [("speech", "speech"), ("thought", "thought"), ("all", "all"),
                                                 ("Speech", None), ("spoken", None), ("", None)])
def test_validation_parse_mode(value, expected):
    if expected is None:
        with pytest.raises(InvalidValue, match="mode: must be one of speech, thought, all"):
            parse_mode(value)
    else:
        assert parse_mode(value) == expected
