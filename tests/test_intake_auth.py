"""Who may sign in, load and roll back (metro_poverty.intake.auth): no users file means nobody signs in;
passwords are salted scrypt hashes, never plaintext; an OPD officer loads only their OPD's indicators."""

import stat

import pytest
from intake_support import ADMIN, DINKES, DINSOS, PASSWORD, users_file

from metro_poverty.intake import auth
from metro_poverty.store.batches import BatchRecord


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
    ("dinkes2", "password", "opd", "Dinas Kesehatan", "short_password"),
    ("dinkes2", "12345678", "opd", "Dinas Kesehatan", "short_password"),
    ("dinkes2", "1234567890", "opd", "Dinas Kesehatan", "common_password"),
    ("dinkes2", "Password2026!", "opd", "Dinas Kesehatan", "common_password"),
    ("dinkes2", "bismillah123", "opd", "Dinas Kesehatan", "common_password"),
    ("dinkes2", "zzzzzzzzzzzz", "opd", "Dinas Kesehatan", "common_password"),
    ("petugas.dinkes", "petugas.dinkes", "opd", "Dinas Kesehatan", "password_has_username"),
    ("petugas.dinkes", "Petugas.Dinkes-2026", "opd", "Dinas Kesehatan", "password_has_username"),
    ("sekretaris", "sekretaris!!!", "fgd_secretary", "", "password_has_username"),
])
def test_a_bad_user_is_refused_with_a_reason(tmp_path, username, password, role, opd, code):
    with pytest.raises(auth.BadUser) as exc:
        auth.add_user(username, password, role, opd, path=tmp_path / "users.toml")
    assert exc.value.code == code and not (tmp_path / "users.toml").exists()


def test_every_refusal_has_a_message_in_both_languages():
    from metro_poverty.i18n import catalogue

    for code in ("short_password", "common_password", "password_has_username"):
        assert f"intake.auth.{code}" in catalogue()


def test_the_new_roles_record_fgd_and_save_but_load_nothing():
    secretary, planner = auth.User("s", "fgd_secretary"), auth.User("p", "planner")
    assert (auth.can_record_fgd(secretary), auth.can_record_fgd(planner), auth.can_record_fgd(ADMIN), auth.can_record_fgd(DINKES)) == (True, False, True, False)
    assert auth.can_save(planner) and auth.can_save(secretary) and not auth.can_save(None)
    assert not auth.can_load(secretary, "stunting_eppgbm") and not auth.can_load(planner, "p0")


def test_a_user_is_found_by_the_email_an_identity_provider_gives(tmp_path):
    path = tmp_path / "users.toml"
    auth.add_user("sekretaris.fgd", "Tanjung-Karang-Dua", "fgd_secretary", path=path, email="Ani@bps.go.id")
    assert auth.user_by_email("ani@bps.go.id", path) == auth.User("sekretaris.fgd", "fgd_secretary", "")
    assert auth.user_by_email("budi@bps.go.id", path) is None and auth.user_by_email("", path) is None


def test_sign_in_counts_failures_per_client_too(tmp_path, monkeypatch, users):
    monkeypatch.setenv("METRO_POVERTY_RECORDS_DB", str(tmp_path / "records.sqlite"))
    from metro_poverty.records import attempts

    now = 5_000_000.0
    policy = attempts.POLICIES["client"]
    for i in range(policy.lock_after):  # many user names from one address, each tried once, 10 s apart
        assert auth.sign_in(f"nama{i}", "salah-sandi-x", "10.0.0.9", users, now=now + 10 * i).user is None
    locked = auth.sign_in("dinkes1", PASSWORD, "10.0.0.9", users, now=now + 10 * policy.lock_after)
    assert locked.user is None and locked.locked
    assert auth.sign_in("dinkes1", PASSWORD, "10.0.0.10", users, now=now + 10 * policy.lock_after).user == DINKES


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
