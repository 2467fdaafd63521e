"""queries/build_info.sql with literal rows: the facts the last build recorded, as key and value."""

from tests.query_support import empty_store, insert, result


def test_every_fact_as_a_key_and_its_value():
    with empty_store() as con:
        insert(con, "build_info", key="built_at", value="20261123T220048996429Z")
        insert(con, "build_info", key="fingerprint", value="555ac4d6b9c20611")
        insert(con, "build_info", key="map_kind", value="boundary")
        insert(con, "build_info", key="n_observations", value="1559")
        assert sorted(result(con, "build_info", ["key", "value"])) == [
            ("built_at", "20261123T220048996429Z"), ("fingerprint", "555ac4d6b9c20611"),
            ("map_kind", "boundary"), ("n_observations", "1559")]


def test_an_empty_build_info_gives_no_rows():
    with empty_store() as con:
        assert result(con, "build_info", ["key", "value"]) == []
