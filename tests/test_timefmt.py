"""Dates and times in WIB, written the Indonesian way (metro_poverty.timefmt)."""

from datetime import date, datetime, timezone

from metro_poverty.timefmt import long_date, parse, wib


def test_a_stored_utc_time_is_shown_in_wib_the_indonesian_way():
    assert wib("2026-11-30T06:24:38Z") == "Senin, 30 November 2026, 13.24 WIB"


def test_english_keeps_wib_with_an_english_clock():
    assert wib("2026-11-30T06:24:38Z", "en") == "Monday, 30 November 2026, 13:24 WIB"


def test_a_build_stamp_is_read_as_utc():
    assert wib("20261130T170500123456Z") == "Selasa, 1 Desember 2026, 00.05 WIB"  # past midnight in Jakarta


def test_an_aware_datetime_keeps_its_zone_and_a_naive_one_is_utc():
    assert parse(datetime(2026, 1, 5, 3, 0)) == datetime(2026, 1, 5, 3, 0, tzinfo=timezone.utc)
    assert wib(datetime(2026, 1, 5, 3, 0, tzinfo=timezone.utc)) == "Senin, 5 Januari 2026, 10.00 WIB"


def test_a_date_is_written_with_its_day_of_the_week():
    assert long_date(date(2026, 8, 17)) == "Senin, 17 Agustus 2026"


def test_nothing_to_show_is_a_dash_not_an_error():
    assert (wib(None), wib("bukan waktu"), parse("")) == ("–", "–", None)
