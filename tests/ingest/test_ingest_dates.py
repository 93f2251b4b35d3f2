import pytest

from selon.errors import InputError, InvalidDateError
from selon.ingest.dates import normalise_found_date, validate_published


def test_a_yyyy_mm_dd_date_is_accepted():
    assert validate_published("2024-02-29") == "2024-02-29"


@pytest.mark.parametrize("value", ["14/05/2023", "2023-5-14", "hier", "2023-05-14T08:00"])
def test_a_date_in_another_form_is_refused(value):
    with pytest.raises(InvalidDateError, match="YYYY-MM-DD"):
        validate_published(value)


def test_an_impossible_day_is_refused_as_an_input_error():
    with pytest.raises(InputError, match="calendar day"):
        validate_published("2023-02-30")


def test_a_timestamp_found_in_a_page_is_cut_to_its_day():
    assert normalise_found_date("2023-05-14T08:30:00+02:00") == "2023-05-14"


def test_an_unreadable_date_found_in_a_page_is_dropped():
    assert normalise_found_date("mai 2023") is None
