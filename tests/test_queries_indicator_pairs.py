"""queries/indicator_pairs.sql with literal rows: pairs of easily confused indicators with the note that
tells them apart, in both languages."""

from tests.query_support import empty_store, insert, result

PAIR = ("indicator_a", "indicator_b", "note_id", "note_en")


def test_every_pair_with_its_note_in_both_languages():
    with empty_store() as con:
        insert(con, "indicator_pairs", indicator_a="p0", indicator_b="dtsen_d14_pct",
               note_id="P0 dari Susenas (pengeluaran); D1–D4 dari register DTSEN.",
               note_en="P0 comes from Susenas (expenditure); D1–D4 from the DTSEN register.")
        insert(con, "indicator_pairs", indicator_a="stunting_ssgi", indicator_b="stunting_eppgbm",
               note_id="SSGI survei sampel; e-PPGBM penimbangan semua balita.",
               note_en="SSGI is a sample survey; e-PPGBM weighs every child under five.")
        assert sorted(result(con, "indicator_pairs", PAIR)) == [
            ("p0", "dtsen_d14_pct", "P0 dari Susenas (pengeluaran); D1–D4 dari register DTSEN.",
             "P0 comes from Susenas (expenditure); D1–D4 from the DTSEN register."),
            ("stunting_ssgi", "stunting_eppgbm", "SSGI survei sampel; e-PPGBM penimbangan semua balita.",
             "SSGI is a sample survey; e-PPGBM weighs every child under five."),
        ]


def test_no_pairs_gives_no_rows():
    with empty_store() as con:
        assert result(con, "indicator_pairs", PAIR) == []
