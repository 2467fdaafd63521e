"""Region names and codes as sources write them, resolved through data/reference/region_aliases.csv."""

import pytest

from metro_poverty import paths
from metro_poverty.pipeline.reference import load_reference
from metro_poverty.regions import code_key, is_total_label, name_key


@pytest.fixture(scope="module")
def resolver():
    return load_reference(paths.REFERENCE_DIR).resolver


# name_key / code_key / is_total_label

@pytest.mark.parametrize("written", ["Kel. Iring Mulyo", "KELURAHAN IRING MULYO", "Kel Iring Mulyo", "iring  mulyo", "IRINGMULYO"])
def test_name_key_drops_prefix_case_and_spaces(written):
    assert name_key(written) == "iringmulyo"


def test_name_key_drops_a_kecamatan_prefix():
    assert name_key("Kec. Metro Pusat") == name_key("KECAMATAN METRO PUSAT") == "metropusat"


def test_name_key_keeps_a_prefix_that_is_part_of_a_word():
    assert name_key("Kotabumi") == "kotabumi"


def test_code_key_keeps_codes_of_either_system():
    assert code_key("18.72.01.1001") == "18.72.01.1001"
    assert code_key(" 1872022001 ") == "1872022001"


def test_code_key_reads_a_code_typed_as_an_excel_number():
    assert code_key(1872022001.0) == "1872022001"


def test_code_key_is_none_for_a_name():
    assert code_key("Metro") is None


@pytest.mark.parametrize("label", ["Jumlah", "TOTAL", "Kota Metro", "JUMLAH KOTA METRO", "Jumlah:", "Grand Total",
                                   "Rata-rata", "RERATA KOTA", "Rata2"])
def test_total_labels(label):
    assert is_total_label(label)


@pytest.mark.parametrize("label", ["Metro", "Metro Pusat", "", None])
def test_region_names_are_not_total_labels(label):
    assert not is_total_label(label)


# RegionResolver.resolve: codes

def test_a_bps_kelurahan_code_resolves_to_its_kemendagri_code(resolver):
    assert resolver.resolve("1872011001", "kelurahan") == "18.72.05.1003"  # SUMBERSARI, Metro Selatan


def test_a_dotted_kemendagri_code_resolves_to_itself(resolver):
    assert resolver.resolve("18.72.01.1001", "kelurahan") == "18.72.01.1001"  # Metro, Metro Pusat


def test_a_kemendagri_code_written_without_dots_is_read_as_a_bps_code(resolver):
    # 18.72.01.1001 (Metro) undotted is 1872011001, which is BPS's code for Sumbersari Bantul.
    assert resolver.resolve("1872011001", "kelurahan") != "18.72.01.1001"
    assert resolver.resolve("1872011001", "kelurahan") == "18.72.05.1003"


def test_bps_and_kemendagri_number_kecamatan_differently(resolver):
    assert resolver.resolve("1872011", "kecamatan") == "18.72.05"  # BPS 011 = Metro Selatan
    assert resolver.resolve("18.72.01", "kecamatan") == "18.72.01"  # Kemendagri 01 = Metro Pusat


def test_a_code_of_another_level_does_not_resolve(resolver):
    assert resolver.resolve("1872022", "kelurahan") is None


def test_an_unknown_code_does_not_resolve(resolver):
    assert resolver.resolve("1872099001", "kelurahan") is None


# RegionResolver.resolve: names

def test_a_kelurahan_name_with_kel_prefix(resolver):
    assert resolver.resolve("Kel. Hadimulyo Barat", "kelurahan") == "18.72.01.1004"


def test_a_kecamatan_name_with_kec_prefix(resolver):
    assert resolver.resolve("KEC. METRO SELATAN", "kecamatan") == "18.72.05"


@pytest.mark.parametrize("written, code", [
    ("GANJARAGUNG", "18.72.03.1002"),
    ("Ganjar Agung", "18.72.03.1002"),
    ("IRINGMULYO", "18.72.04.1003"),
    ("TEJOAGUNG", "18.72.04.1005"),
])
def test_joined_bps_spellings(resolver, written, code):
    assert resolver.resolve(written, "kelurahan") == code


def test_sumbersari_is_sumbersari_bantul(resolver):
    assert resolver.resolve("SUMBERSARI", "kelurahan") == resolver.resolve("Sumbersari Bantul", "kelurahan") == "18.72.05.1003"


def test_the_known_typo_ganjarsari_is_ganjar_asri(resolver):
    assert resolver.resolve("Ganjarsari", "kelurahan") == "18.72.03.1004"


def test_metro_is_a_kelurahan_or_the_city_by_the_files_level(resolver):
    assert resolver.resolve("Metro", "kelurahan") == "18.72.01.1001"
    assert resolver.resolve("Metro", "city") == "18.72"


def test_an_unknown_name_does_not_resolve(resolver):
    assert resolver.resolve("Ganjar Agong", "kelurahan") is None


# RegionResolver.suggest

def test_a_near_miss_suggests_the_closest_name(resolver):
    assert resolver.suggest("Ganjar Agong", "kelurahan") == "18.72.03.1002"


def test_a_name_far_from_any_gets_no_suggestion(resolver):
    assert resolver.suggest("Bandar Lampung", "kelurahan") is None


def test_suggestions_stay_within_the_level(resolver):
    assert resolver.suggest("Metro Pusatt", "kecamatan") == "18.72.01"
    assert resolver.suggest("Metro Pusatt", "kelurahan") != "18.72.01"


@pytest.mark.parametrize("written, names", [
    ("Hadimulyo", {"Hadimulyo Barat", "Hadimulyo Timur"}),  # as close to both: never a guess between them
    ("Ganjar", {"Ganjar Agung", "Ganjar Asri"}),  # the start of two names, though one is shorter
    ("Hadimulyo Brt", {"Hadimulyo Barat"}),
    ("Kel. Tejo Agungg", {"Tejo Agung"}),
])
def test_a_name_two_regions_could_be_offers_both(resolver, written, names):
    assert {resolver.name(c) for c in resolver.suggestions(written, "kelurahan")} == names
    assert resolver.suggest(written, "kelurahan") in resolver.suggestions(written, "kelurahan")


def test_no_suggestion_for_a_name_far_from_any(resolver):
    assert resolver.suggestions("Bandar Lampung", "kelurahan") == []


@pytest.mark.parametrize("code, below", [("18.72.01", True), ("18.72.01.1001", True), ("18.72", False), ("18", False),
                                         ("1872010", False), (None, False), ("18.72.xx", False)])
def test_an_area_below_the_kabkota_is_a_kecamatan_or_kelurahan_code(code, below):
    from metro_poverty.regions import below_kabkota

    assert below_kabkota(code) is below
