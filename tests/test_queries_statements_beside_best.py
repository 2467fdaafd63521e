"""queries/statements_beside_best.sql with literal rows: another producer's differing figure for a year whose
shown figure comes from someone else (a local official's stunting rate beside e-PPGBM's), for a trend to draw."""

import pytest

from tests.query_support import CITY, KEL_METRO, empty_store, indicator, metro_regions, observe, result, source

BESIDE = ("region_code", "period", "value", "status", "quality_flag", "source_producer", "source_publisher")


@pytest.fixture
def con():
    with empty_store() as con:
        metro_regions(con)
        indicator(con, "stunting_eppgbm", measure_kind="admin_record", producer="Dinas Kesehatan")
        source(con, "dinkes_eppgbm_reported", publisher="Media daerah mengutip Dinas Kesehatan", producer="Dinas Kesehatan",
               citation="secondary")
        source(con, "dinkes_relay", publisher="Agregator", producer="Dinas Kesehatan", citation="secondary")
        source(con, "local_statement_stunting", publisher="Media daerah mengutip Pemerintah Kota Metro",
               producer="Pemerintah Kota Metro", citation="secondary")
        source(con, "illus_dinkes_eppgbm", kind="illustrative", producer="Pemerintah Kota Metro")
        yield con


def beside(con, level="city"):
    return result(con, "statements_beside_best", BESIDE, indicator="stunting_eppgbm", level=level)


def test_another_producers_differing_figure_for_a_shown_year_is_returned_with_its_source(con):
    observe(con, "stunting_eppgbm", CITY, 2022, 6.67, "dinkes_eppgbm_reported", quality_flag="unverified")
    observe(con, "stunting_eppgbm", CITY, 2022, 8.7, "local_statement_stunting", "provisional", quality_flag="conflict")
    observe(con, "stunting_eppgbm", CITY, 2024, 7.1, "local_statement_stunting", "provisional")  # shown itself: not beside
    assert beside(con) == [(CITY, 2022, 8.7, "provisional", "conflict", "Pemerintah Kota Metro",
                            "Media daerah mengutip Pemerintah Kota Metro")]


def test_the_same_producer_relayed_twice_or_the_same_value_is_not_a_second_statement(con):
    observe(con, "stunting_eppgbm", CITY, 2022, 6.67, "dinkes_eppgbm_reported")
    observe(con, "stunting_eppgbm", CITY, 2022, 6.7, "dinkes_relay")  # a relay rounding its own producer's figure
    observe(con, "stunting_eppgbm", CITY, 2020, 9.91, "dinkes_eppgbm_reported")
    observe(con, "stunting_eppgbm", CITY, 2020, 9.91, "local_statement_stunting", "provisional")  # says the same
    assert beside(con) == []


def test_illustrative_values_and_other_levels_are_never_beside(con):
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 3.69, "dinkes_eppgbm_reported")
    observe(con, "stunting_eppgbm", KEL_METRO, 2024, 5.0, "illus_dinkes_eppgbm", "illustrative")
    observe(con, "stunting_eppgbm", CITY, 2024, 6.1, "dinkes_eppgbm_reported")
    observe(con, "stunting_eppgbm", CITY, 2024, 5.9, "local_statement_stunting", "provisional")
    assert (beside(con, "kelurahan"), [r[0] for r in beside(con)]) == ([], [CITY])
