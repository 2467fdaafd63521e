"""queries/sources_with_counts.sql with literal rows: every source with how many values it gives by
status (all values delivered, including those another source outranks) and the years they span."""

import pytest

from metro_poverty import db
from tests.query_support import CITY, KEL_IMOPURO, KEL_METRO, PROVINCE, empty_store, indicator, insert, metro_regions, observe, result, source

COUNTS = ("source_id", "status", "n_values", "first_period", "last_period")


@pytest.fixture
def con():
    with empty_store() as con:
        metro_regions(con)
        indicator(con, "p0", position=1)
        indicator(con, "stunting_eppgbm", position=2, measure_kind="admin_record")
        source(con, "bps_metro_poverty_2024", title="Profil kemiskinan Kota Metro 2024", publisher="BPS Kota Metro",
               locator="metrokota.bps.go.id news 2025/04/16/269", published_date="2025-04-16")
        source(con, "bps_metro_p0_2015_2022", title="Persentase penduduk miskin Kota Metro 2015–2022",
               publisher="Harian Satelit mengutip BPS Kota Metro", note="Secondary report of BPS figures.")
        source(con, "illus_dinkes_eppgbm", kind="illustrative", title="ILUSTRASI: e-PPGBM", publisher="Dinas Kesehatan (data ilustrasi)")
        yield con


def test_each_source_with_its_count_and_span_ordered_by_kind_publisher_title(con):
    observe(con, "p0", CITY, 2024, 6.78, "bps_metro_poverty_2024")
    observe(con, "p0", PROVINCE, 2024, 10.62, "bps_metro_poverty_2024")
    observe(con, "p0", CITY, 2015, 10.29, "bps_metro_p0_2015_2022")
    observe(con, "p0", CITY, 2022, 8.44, "bps_metro_p0_2015_2022")
    observe(con, "stunting_eppgbm", KEL_METRO, 2023, 3.95, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "illus_dinkes_eppgbm", "illustrative")
    assert result(con, "sources_with_counts", ("kind", "publisher") + COUNTS) == [
        ("illustrative", "Dinas Kesehatan (data ilustrasi)", "illus_dinkes_eppgbm", "illustrative", 2, 2023, 2024),
        ("published", "BPS Kota Metro", "bps_metro_poverty_2024", "official", 2, 2024, 2024),
        ("published", "Harian Satelit mengutip BPS Kota Metro", "bps_metro_p0_2015_2022", "official", 2, 2015, 2022),
    ]


def test_a_source_gives_one_row_per_status(con):
    observe(con, "p0", CITY, 2023, 7.25, "bps_metro_poverty_2024", "official")
    observe(con, "p0", CITY, 2024, 6.78, "bps_metro_poverty_2024", "official")
    observe(con, "p0", CITY, 2025, 6.50, "bps_metro_poverty_2024", "provisional")
    rows = [r for r in result(con, "sources_with_counts", COUNTS) if r[0] == "bps_metro_poverty_2024"]
    assert sorted(rows) == [("bps_metro_poverty_2024", "official", 2, 2023, 2024),
                            ("bps_metro_poverty_2024", "provisional", 1, 2025, 2025)]


def test_a_source_with_no_values_is_kept_with_a_count_of_zero(con):
    observe(con, "p0", CITY, 2024, 6.78, "bps_metro_poverty_2024")
    assert ("bps_metro_p0_2015_2022", None, 0, None, None) in result(con, "sources_with_counts", COUNTS)
    assert ("illus_dinkes_eppgbm", None, 0, None, None) in result(con, "sources_with_counts", COUNTS)


def test_a_value_outranked_by_another_source_still_counts_for_its_own(con):
    observe(con, "p0", CITY, 2022, 8.44, "bps_metro_p0_2015_2022", "official")
    observe(con, "p0", CITY, 2022, 8.50, "bps_metro_poverty_2024", "official")
    assert sorted(result(con, "sources_with_counts", ("source_id", "n_values"))) == [
        ("bps_metro_p0_2015_2022", 1), ("bps_metro_poverty_2024", 1), ("illus_dinkes_eppgbm", 0)]


def test_each_source_carries_its_catalogue_facts(con):
    frame = db.run(con, "sources_with_counts")
    assert list(frame.columns) == ["source_id", "title", "publisher", "url", "locator", "reference", "published_date", "kind", "citation",
                                   "producer", "note", "batch_id", "status", "n_values", "first_period", "last_period"]
    assert result(con, "sources_with_counts", ("source_id", "title", "locator", "published_date", "note"))[1:] == [
        ("bps_metro_poverty_2024", "Profil kemiskinan Kota Metro 2024", "metrokota.bps.go.id news 2025/04/16/269", "2025-04-16", None),
        ("bps_metro_p0_2015_2022", "Persentase penduduk miskin Kota Metro 2015–2022", "Table 1 of bps_metro_p0_2015_2022", None,
         "Secondary report of BPS figures."),
    ]


def _batch(con, batch_id: str, file_name: str, opd: str, loaded_at: str) -> None:
    insert(con, "batches", batch_id=batch_id, file_name=file_name, sha256="0" * 64, uploader="petugas", opd=opd, loaded_at=loaded_at,
           status="active")


def test_each_uploaded_batch_is_a_row_named_as_the_pages_name_its_values(con):
    """Kesehatan's source line reads 'Dinas Kesehatan (data ilustrasi): …(halaman Unggah Data; «file», day, batch)': Sumber
    Data names the same publisher and reference, not only the upload pathway's placeholder."""
    source(con, "opd_upload_illustrative", kind="illustrative", title="ILUSTRASI: data contoh yang diunggah untuk uji coba",
           publisher="Data ilustrasi (uji coba halaman Unggah Data)", locator="halaman Unggah Data", url=None)
    source(con, "opd_upload", kind="submitted", title="Data sektoral yang diserahkan OPD", publisher="OPD Kota Metro",
           locator="halaman Unggah Data", url=None)
    _batch(con, "20251201T010000000000Z-aaaa", "e-PPGBM Agustus.csv", "Dinas Kesehatan", "2025-12-01T01:00:00+00:00")
    _batch(con, "20251202T200000000000Z-bbbb", "APS 2024.xlsx", "Dinas Pendidikan", "2025-12-02T20:00:00+00:00")
    observe(con, "stunting_eppgbm", KEL_METRO, 2025, 8.0, "opd_upload_illustrative", "illustrative", batch_id="20251201T010000000000Z-aaaa")
    observe(con, "stunting_eppgbm", KEL_IMOPURO, 2025, 6.0, "opd_upload_illustrative", "illustrative", batch_id="20251201T010000000000Z-aaaa")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 7.0, "opd_upload_illustrative", "illustrative", batch_id="20251202T200000000000Z-bbbb")
    assert [r for r in result(con, "sources_with_counts", ("source_id", "producer")) if r[0].startswith("opd_upload")] == [
        ("opd_upload_illustrative", "Dinas Kesehatan"), ("opd_upload_illustrative", "Dinas Pendidikan"), ("opd_upload", None)]
    rows = result(con, "sources_with_counts", ("source_id", "publisher", "reference", "n_values", "first_period", "last_period"))
    uploads = [r for r in rows if r[0].startswith("opd_upload")]
    assert uploads == [
        ("opd_upload_illustrative", "Dinas Kesehatan (data ilustrasi)",
         "halaman Unggah Data; «e-PPGBM Agustus.csv», 2025-12-01, batch 20251201T010000000000Z-aaaa", 2, 2025, 2025),
        # loaded at 20:00 UTC: the 3rd in Metro (WIB), as the pages write it
        ("opd_upload_illustrative", "Dinas Pendidikan (data ilustrasi)",
         "halaman Unggah Data; «APS 2024.xlsx», 2025-12-03, batch 20251202T200000000000Z-bbbb", 1, 2024, 2024),
        ("opd_upload", "OPD Kota Metro", "halaman Unggah Data", 0, None, None),  # no file handed in yet: the pathway itself
    ]
    labeled = con.execute("select distinct source_publisher, source_reference from observation_labeled where batch_id like '%aaaa'").fetchall()
    assert labeled == [uploads[0][1:3]]
