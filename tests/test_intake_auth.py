"""Who may sign in, load and roll back (metro_poverty.intake.auth): no users file means nobody signs in;
passwords are salted scrypt hashes, never plaintext; an OPD officer loads only their OPD's indicators."""

import stat

import pytest
from intake_support import ADMIN, DINKES, DINSOS, PASSWORD, users_file

from metro_poverty.intake import auth
from metro_poverty.intake.batches import BatchRecord


@pytest.fixture(scope="module")
def users(tmp_path_factory):
    return users_file(tmp_path_factory.mktemp("users") / "users.toml")


def test_without_a_users_file_nobody_can_sign_in_and_the_api_says_so(tmp_path):
    missing = tmp_path / "users.toml"
    assert auth.sign_in_available(missing) is False
    with pytest.raises(auth.SignInUnavailable) as exc:
        auth.authenticate("admin", "admin", missing)
    assert exc.value.code == "no_users_file" and "python -m metro_poverty.intake.cli adduser" in exc.value.message("en")


def test_the_right_password_signs_in_with_role_and_opd(users):
    assert auth.authenticate("dinkes1", PASSWORD, users) == DINKES


def test_a_wrong_password_is_rejected(users):
    assert auth.authenticate("dinkes1", PASSWORD + "x", users) is None


def test_an_unknown_user_is_rejected(users):
    assert auth.authenticate("nobody", PASSWORD, users) is None


def test_the_file_holds_salted_scrypt_hashes_not_passwords(users):
    text = users.read_text()
    hashes = [line.split('"')[1] for line in text.splitlines() if line.startswith("password")]
    assert PASSWORD not in text and len(hashes) == 3 and all(h.startswith("scrypt$16384$8$1$") for h in hashes)
    assert len(set(hashes)) == 3  # same password, different salts


def test_the_users_file_is_readable_by_its_owner_only(users):
    assert stat.S_IMODE(users.stat().st_mode) == 0o600


def test_setting_a_password_again_replaces_the_old_one(tmp_path):
    path = users_file(tmp_path / "users.toml")
    auth.add_user("dinkes1", "a-new-password", "opd", "Dinas Kesehatan", path=path)
    assert (auth.authenticate("dinkes1", PASSWORD, path), auth.authenticate("dinkes1", "a-new-password", path)) == (None, DINKES)


@pytest.mark.parametrize("username, password, role, opd, code", [
    ("Dinkes 1", PASSWORD, "opd", "Dinas Kesehatan", "bad_username"),
    ("dinkes2", "pendek", "opd", "Dinas Kesehatan", "short_password"),
    ("dinkes2", PASSWORD, "superuser", "", "bad_role"),
    ("dinkes2", PASSWORD, "opd", "Dinas Rahasia", "bad_opd"),
])
def test_a_bad_user_is_refused_with_a_reason(tmp_path, username, password, role, opd, code):
    with pytest.raises(auth.BadUser) as exc:
        auth.add_user(username, password, role, opd, path=tmp_path / "users.toml")
    assert exc.value.code == code and not (tmp_path / "users.toml").exists()


def test_an_officer_loads_only_their_opds_indicators():
    assert (auth.can_load(DINKES, "stunting_eppgbm"), auth.can_load(DINKES, "dtsen_d14_pct"), auth.can_load(DINSOS, "dtsen_d14_pct")) == (True, False, True)


def test_an_admin_loads_anything_and_nobody_signed_in_loads_nothing():
    assert (auth.can_load(ADMIN, "p0"), auth.can_load(None, "stunting_eppgbm")) == (True, False)


def batch(opd):
    return BatchRecord("20250101T000000000000Z-00000000", "f.csv", "0" * 64, "csv", 1, "someone", opd, "2025-01-01T00:00:00+00:00", {})


def test_an_officer_rolls_back_only_their_opds_batches():
    assert (auth.can_rollback(DINKES, batch("Dinas Kesehatan")), auth.can_rollback(DINSOS, batch("Dinas Kesehatan"))) == (True, False)
    assert (auth.can_rollback(ADMIN, batch("Dinas Kesehatan")), auth.can_rollback(None, batch("Dinas Kesehatan"))) == (True, False)


def test_no_users_file_ships_with_the_repo():
    from metro_poverty import paths

    assert not (paths.ROOT / "users.toml").exists() or "users.toml" in (paths.ROOT / ".gitignore").read_text()
