"""URL parameters: every hostile or stale value becomes a sensible view and a short message."""

from __future__ import annotations

from ui.params import (
    echo,
    parse_bool,
    parse_cbsa,
    parse_choice,
    parse_code_list,
    parse_fips,
    parse_int,
    parse_states,
    parse_year,
)

MEASURES = ["tech_jobs", "some_college_share"]


def test_known_measure_is_kept() -> None:
    assert parse_choice(["tech_jobs"], MEASURES, "some_college_share", "measure").value == (
        "tech_jobs"
    )


def test_unknown_measure_falls_back_with_a_message() -> None:
    parsed = parse_choice(["'; DROP TABLE metrics; --"], MEASURES, "tech_jobs", "measure")
    assert parsed.value == "tech_jobs"
    assert parsed.problem and "Unknown measure" in parsed.problem
    assert "metrics; --" not in parsed.problem  # the raw input is not echoed as-is


def test_very_long_value_is_rejected_and_not_echoed_in_full() -> None:
    raw = "x" * 5000
    parsed = parse_choice([raw], MEASURES, "tech_jobs", "measure")
    assert parsed.value == "tech_jobs"
    assert len(parsed.problem) < 120


def test_states_drop_unknown_codes_and_keep_good_ones() -> None:
    parsed = parse_states(["ks", "ZZ", "MO", "KS"], ["KS", "MO", "CA"])
    assert parsed.value == ["KS", "MO"]
    assert "ZZ" in parsed.problem


def test_states_accept_comma_lists() -> None:
    assert parse_states("KS,MO", ["KS", "MO"]).value == ["KS", "MO"]


def test_absurdly_many_states_mean_the_whole_country() -> None:
    parsed = parse_states(["KS"] * 500, ["KS"])
    assert parsed.value == [] and parsed.problem


def test_fips_must_be_five_digits() -> None:
    assert parse_fips(["20209"]).value == "20209"
    for bad in ["2020", "202090", "2020a", "<script>"]:
        parsed = parse_fips([bad])
        assert parsed.value is None and parsed.problem


def test_fips_leading_zero_is_kept_as_text() -> None:
    assert parse_fips(["06085"], ["06085"]).value == "06085"


def test_unknown_fips_is_reported() -> None:
    parsed = parse_fips(["99999"], ["20209"])
    assert parsed.value is None and "99999" in parsed.problem


def test_cbsa_code_checked_like_fips() -> None:
    assert parse_cbsa(["28140"], ["28140"]).value == "28140"
    assert parse_cbsa(["KC"], ["28140"]).value is None


def test_year_out_of_range_goes_to_nearest_year() -> None:
    parsed = parse_year(["1990"], [2001, 2010, 2022], 2022)
    assert parsed.value == 2001 and "nearest" in parsed.problem
    assert parse_year(["2050"], [2001, 2010, 2022], 2022).value == 2022
    assert parse_year(["abcd"], [2001, 2022], 2022).value == 2022


def test_int_is_clamped() -> None:
    assert parse_int(["500"], 10, 300, 50, "distance").value == 300
    assert parse_int(["-5"], 10, 300, 50, "distance").value == 10
    assert parse_int(["fifty"], 10, 300, 50, "distance").value == 50


def test_bool_words() -> None:
    assert parse_bool(["0"], True).value is False
    assert parse_bool(["yes"], False).value is True
    assert parse_bool(["maybe"], True).value is True


def test_code_list_keeps_order_and_drops_unknown() -> None:
    parsed = parse_code_list(["41940", "00000", "28140"], ["28140", "41940"], [], "metro code")
    assert parsed.value == ["41940", "28140"] and "00000" in parsed.problem


def test_echo_strips_markup() -> None:
    assert "<" not in echo("<b>x</b>") and "*" not in echo("**bold**")
