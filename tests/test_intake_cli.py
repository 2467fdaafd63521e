"""`python -m metro_poverty.intake.cli`: the same functions as the upload page, from a terminal, in
Indonesian by default or English with --lang en; exit codes say what happened."""

import contextlib
import io

import pytest
from intake_support import EXAMPLE, PASSWORD, TEJO_AGUNG, inputs_with_store
from openpyxl import load_workbook

from metro_poverty.intake import cli, loader, previewer, read

ALIAS = f"Kel. Tejo Agungg={TEJO_AGUNG}"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, inputs_factory, schematic_store):
    return inputs_with_store(tmp_path_factory.mktemp("cli"), inputs_factory, schematic_store)


@pytest.fixture
def run(inputs, tmp_path, monkeypatch):
    """cli.main on the copied inputs with a users file under tmp_path; returns (exit code, stdout, stderr)."""
    monkeypatch.setattr(loader, "Inputs", lambda: inputs)
    monkeypatch.setattr(previewer, "Inputs", lambda: inputs)
    monkeypatch.setenv("METRO_POVERTY_USERS_FILE", str(tmp_path / "users.toml"))
    monkeypatch.setenv("METRO_POVERTY_RECORDS_DB", str(tmp_path / "records.sqlite"))  # sign-in attempts are counted there
    monkeypatch.setenv(cli.PASSWORD_ENV, PASSWORD)

    def main(*args):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main([str(a) for a in args])
        return code, out.getvalue(), err.getvalue()

    return main


def test_preview_reports_the_typo_with_its_suggestion_and_exits_1(run):
    code, out, _ = run("--lang", "en", "preview", EXAMPLE)
    assert code == 1
    assert "Unknown regions (confirm with --alias \"TEXT=CODE\"):" in out
    assert f"  row 23: «Kel. Tejo Agungg» → perhaps Tejo Agung ({TEJO_AGUNG})" in out


def test_preview_with_the_alias_confirmed_is_clean_in_indonesian_by_default(run):
    code, out, _ = run("preview", EXAMPLE, "--alias", ALIAS)
    assert code == 0 and "Nilai yang akan dimuat (22):" in out and "Tidak ada masalah." in out


def test_the_language_option_goes_before_or_after_the_command(run):
    assert "No problems." in run("preview", EXAMPLE, "--alias", ALIAS, "--lang", "en")[1]


def test_without_a_users_file_load_says_nobody_can_sign_in(run):
    code, _, err = run("--lang", "en", "load", EXAMPLE, "--user", "dinkes1", "--status", "illustrative", "--alias", ALIAS)
    assert code == 3 and "does not exist, so nobody can sign in" in err


def test_adduser_load_batches_and_rollback(run):
    assert run("adduser", "dinkes1", "--role", "opd", "--opd", "Dinas Kesehatan")[0] == 0
    assert run("load", EXAMPLE, "--user", "dinkes1", "--status", "illustrative")[0] == 1  # the typo is not confirmed: blocked
    code, out, _ = run("--lang", "en", "load", EXAMPLE, "--user", "dinkes1", "--status", "illustrative", "--alias", ALIAS)
    assert code == 0 and out.startswith("Data loaded as batch ")
    batch = out.split()[4].rstrip(";")
    code, out, _ = run("--lang", "en", "load", EXAMPLE, "--user", "dinkes1", "--status", "illustrative", "--alias", ALIAS)
    assert (code, out.strip()) == (0, f"The same file is already loaded (batch {batch}); nothing changed. To load it with other "
                                      "column meanings, first roll back that batch in the batch history, then load it again.")
    code, out, _ = run("--lang", "en", "batches")
    assert code == 0 and batch in out and "dinkes1 (Dinas Kesehatan)" in out and "«e-PPGBM_Agustus_2025_Dinkes.csv»" in out
    assert run("--lang", "en", "rollback", batch, "--user", "dinkes1")[1].strip() == (
        f"Batch {batch} rolled back; the dashboard is back to the data without it.")


def test_a_wrong_password_exits_3(run, monkeypatch):
    run("adduser", "dinkes1", "--role", "opd", "--opd", "Dinas Kesehatan")
    monkeypatch.setenv(cli.PASSWORD_ENV, "salah-sandi")
    code, _, err = run("--lang", "en", "load", EXAMPLE, "--user", "dinkes1", "--status", "illustrative")
    assert code == 3 and "Wrong user name or password." in err


def test_template_writes_a_workbook(run, tmp_path):
    code, out, _ = run("--lang", "en", "template", "stunting_eppgbm", tmp_path / "t.xlsx", "--period", "2025")
    assert code == 0 and out.startswith("Template written:")
    assert load_workbook(tmp_path / "t.xlsx")["Data"]["E6"].value == 2025


def test_a_file_over_the_limit_is_refused_before_it_is_read(run, tmp_path):
    big = tmp_path / "besar.csv"
    with big.open("wb") as fh:
        fh.truncate(read.MAX_BYTES + 1)  # sparse: refused by its size alone
    code, _, err = run("--lang", "en", "preview", big)
    assert code == 1 and "the file is too large (limit 10 MB)" in err


def test_the_cli_has_the_pages_delay_and_lockout(run, monkeypatch):
    """A script cannot guess faster than a browser: wrong passwords are delayed, then the user name is locked,
    and while it is locked even the right password is refused without being checked."""
    from metro_poverty.records import attempts

    assert run("adduser", "dinkes1", "--role", "opd", "--opd", "Dinas Kesehatan")[0] == 0
    monkeypatch.setenv(cli.PASSWORD_ENV, "salah-sekali-1234")
    said = [run("--lang", "en", "load", EXAMPLE, "--user", "dinkes1", "--status", "illustrative", "--alias", ALIAS)
            for _ in range(attempts.POLICIES["user"].lock_after)]
    assert all(code == 3 for code, _, _ in said)
    assert "Wait" in said[attempts.POLICIES["user"].free][2]  # after the free attempts, each says how long to wait
    assert "locked" in said[-1][2]
    monkeypatch.setenv(cli.PASSWORD_ENV, PASSWORD)
    code, _, err = run("--lang", "en", "load", EXAMPLE, "--user", "dinkes1", "--status", "illustrative", "--alias", ALIAS)
    assert code == 3 and "locked" in err  # the right password, but locked: nothing is loaded


def test_load_asks_what_the_file_holds_and_never_takes_it_from_an_earlier_file(run):
    code, _, err = run("--lang", "en", "load", EXAMPLE, "--user", "dinkes1", "--alias", ALIAS)
    assert code == 1 and "Say what the file holds with --status" in err


def test_a_status_without_a_source_gets_the_pages_upload_source_never_an_earlier_files(run):
    """The earlier e-PPGBM files are the demo's; a file an officer calls illustrative is his upload, as on the page."""
    parse = cli._parser().parse_args
    assert cli.choices_from(parse(["load", str(EXAMPLE), "--user", "u", "--status", "illustrative"])).source_id == "opd_upload_illustrative"
    assert cli.choices_from(parse(["load", str(EXAMPLE), "--user", "u", "--status", "provisional"])).source_id == "opd_upload"
    assert cli.choices_from(parse(["load", str(EXAMPLE), "--user", "u", "--status", "official", "--source", "x"])).source_id == "x"
    code, out, _ = run("--lang", "en", "preview", EXAMPLE, "--alias", ALIAS, "--status", "illustrative")
    assert code == 0 and "as earlier data of this indicator" not in out  # nothing taken from earlier files
    code, out, _ = run("--lang", "en", "preview", EXAMPLE, "--alias", ALIAS)
    assert "as earlier data of this indicator" in out  # without a status, the preview says what it would take
