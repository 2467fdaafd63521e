"""Who may write: users and roles from a deployment file, never from the repo.

The users file ($METRO_POVERTY_USERS_FILE, default <store dir>/../users.toml) is written by
`python -m metro_poverty.intake.cli adduser`. No user and no password ship with the project: without
the file nobody can sign in, and authenticate() says so (SignInUnavailable).

Roles: `admin` may do everything; `opd` (an OPD officer) belongs to one OPD, named as the catalogue's
`producer` (e.g. "Dinas Kesehatan"), and may load only that OPD's indicators and roll back only that
OPD's batches; `fgd_secretary` records and closes FGD sessions; `planner` (e.g. Bappeda) saves
scenarios and agendas, as every signed-in user may. Reading needs no sign-in.

Passwords are stored as salted scrypt hashes and compared in constant time. add_user refuses a short
password, one that contains the user name, and a common one (common_passwords.txt). sign_in() is
authenticate() behind the delay and lockout of metro_poverty.records.attempts.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from metro_poverty import atomic
from metro_poverty import paths
from metro_poverty.i18n import t

ROLES = ("admin", "opd", "fgd_secretary", "planner")
SCRYPT = {"n": 2**14, "r": 8, "p": 1}
MIN_PASSWORD = 10
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


@dataclass(frozen=True)
class User:
    username: str
    role: str
    opd: str = ""  # the catalogue producer an officer works for; empty for an admin

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class SignInUnavailable(Exception):
    """Nobody can sign in: the users file is missing or unreadable."""

    def __init__(self, code: str, path: Path):
        self.code, self.path = code, path
        super().__init__(f"{code}: {path}")

    def message(self, lang: str = "id") -> str:
        return t(f"intake.auth.{self.code}", lang, path=str(self.path))


class BadUser(ValueError):
    def __init__(self, code: str, **fields):
        self.code, self.fields = code, fields
        super().__init__(code)

    def message(self, lang: str = "id") -> str:
        return t(f"intake.auth.{self.code}", lang, **self.fields)


def users_file() -> Path:
    return Path(os.environ.get("METRO_POVERTY_USERS_FILE", paths.USERS_FILE))


def sign_in_available(path: Path | None = None) -> bool:
    return (path or users_file()).is_file()


def _read(path: Path) -> dict[str, dict]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh).get("users", {})
    except FileNotFoundError:
        raise SignInUnavailable("no_users_file", path) from None
    except (OSError, tomllib.TOMLDecodeError):
        raise SignInUnavailable("unreadable_users_file", path) from None


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, maxmem=64 * 1024 * 1024, **SCRYPT)
    return f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        computed = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                                  dklen=len(bytes.fromhex(digest)), maxmem=64 * 1024 * 1024)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(computed, bytes.fromhex(digest))


_DUMMY = None


def _dummy_hash() -> str:
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = hash_password(secrets.token_hex(8))
    return _DUMMY


def authenticate(username: str, password: str, path: Path | None = None) -> User | None:
    """The user when the password is right, else None. Raises SignInUnavailable without a users file."""
    users = _read(path or users_file())
    entry = users.get(str(username or "").strip().lower())
    if not isinstance(entry, dict):
        verify_password(str(password), _dummy_hash())  # same work whether or not the name exists
        return None
    if not verify_password(str(password), str(entry.get("password", ""))):
        return None
    role = entry.get("role")
    if role not in ROLES:
        return None
    return User(str(username).strip().lower(), role, str(entry.get("opd", "")) if role == "opd" else "")


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-in: the user, or why not (wrong, or wait `wait_seconds`; `locked` after many failures)."""

    user: User | None
    wait_seconds: float = 0.0
    locked: bool = False


def sign_in(username: str, password: str, client: str | None, path: Path | None = None, now: float | None = None,
            records: Path | None = None) -> SignIn:
    """authenticate() behind the delay and lockout per user name and per client: while a wait is due the
    password is not even checked (the attempt counts as a failure), so guesses during a delay or a
    lockout learn nothing, the right one included."""
    from metro_poverty.records import attempts

    user_key, client_key = str(username or "").strip().lower()[:64], str(client or "unknown")[:64]
    due = attempts.wait(user_key, client_key, now, records)
    user = None if due.must_wait else authenticate(username, password, path)
    if user is None:  # an attempt during a wait counts as a failure too: guessing fast only locks sooner
        attempts.failed(user_key, client_key, now, records)
        after = attempts.wait(user_key, client_key, now, records)
        return SignIn(None, after.seconds, after.locked)
    attempts.succeeded(user_key, now, records)
    return SignIn(user)


def user_by_email(email: str, path: Path | None = None) -> User | None:
    """The user whose `email` (set with adduser --email) is this address, for sign-in through an identity provider."""
    wanted = str(email or "").strip().casefold()
    if not wanted:
        return None
    try:
        users = _read(path or users_file())
    except SignInUnavailable:
        return None
    for name, entry in users.items():
        if isinstance(entry, dict) and str(entry.get("email", "")).strip().casefold() == wanted and entry.get("role") in ROLES:
            return User(name, entry["role"], str(entry.get("opd", "")) if entry["role"] == "opd" else "")
    return None


def add_user(username: str, password: str, role: str, opd: str = "", path: Path | None = None,
             producers: set[str] | None = None, email: str = "") -> User:
    """Create a user or set a new password and role; the file is rewritten atomically, readable by its owner only."""
    path = path or users_file()
    username = str(username).strip().lower()
    if not _USERNAME.match(username):
        raise BadUser("bad_username", username=username)
    if role not in ROLES:
        raise BadUser("bad_role", role=role, expected=", ".join(ROLES))
    problem = password_problem(password, username)
    if problem:
        raise BadUser(problem, n=MIN_PASSWORD)
    producers = producers if producers is not None else known_producers()
    if role == "opd" and opd not in producers:
        raise BadUser("bad_opd", opd=opd, expected=", ".join(sorted(producers)))
    users = _read(path) if path.is_file() else {}
    users[username] = {"role": role, "opd": opd if role == "opd" else "", "password": hash_password(password), "email": str(email).strip()}
    _write(path, users)
    return User(username, role, users[username]["opd"])


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    text = (Path(__file__).with_name("common_passwords.txt")).read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def password_problem(password: str, username: str) -> str | None:
    """Why a password is refused ('short_password', 'password_has_username', 'common_password'), or None."""
    if len(password) < MIN_PASSWORD:
        return "short_password"
    folded, name = password.casefold(), username.casefold()
    stem = re.sub(r"[\d\W_]+$", "", folded)  # 'Password2026!' -> 'password'
    if name and (name in folded or stem in {name, *re.split(r"[._-]", name)}):
        return "password_has_username"
    if (folded in common_passwords() or stem in common_passwords() or len(set(folded)) <= 2
            or folded in "01234567890" * 2 or folded in "abcdefghijklmnopqrstuvwxyz"):
        return "common_password"
    return None


def _write(path: Path, users: dict[str, dict]) -> None:
    lines = ["# Users who may load data into the dashboard (metro_poverty.intake). Passwords are scrypt hashes.",
             "# Written by `python -m metro_poverty.intake.cli adduser`; keep this file out of version control.", ""]
    for name in sorted(users):
        entry = users[name]
        lines += [f"[users.{_quote(name)}]", f"role = {_quote(entry['role'])}", f"opd = {_quote(entry.get('opd', ''))}",
                  f"email = {_quote(entry.get('email', ''))}", f"password = {_quote(entry['password'])}", ""]
    atomic.write_text(path, "\n".join(lines), private=True)


def _quote(text: str) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


@lru_cache(maxsize=4)
def _producers(reference_dir: Path) -> dict[str, str]:
    cat = pd.read_csv(reference_dir / "indicators.csv", dtype=str, keep_default_na=False)
    return dict(zip(cat.code, cat.producer))


def known_producers(reference_dir: Path | None = None) -> set[str]:
    return set(_producers(reference_dir or paths.REFERENCE_DIR).values())


def can_load(user: User | None, indicator: str, reference_dir: Path | None = None) -> bool:
    """An admin loads any indicator; an OPD officer only those whose catalogue producer is their OPD."""
    if user is None:
        return False
    if user.is_admin:
        return True
    producer = _producers(reference_dir or paths.REFERENCE_DIR).get(indicator)
    return bool(user.opd) and producer == user.opd


def can_record_fgd(user: User | None) -> bool:
    """Creating, recording and closing FGD sessions: an FGD secretary or an admin."""
    return user is not None and user.role in ("admin", "fgd_secretary")


def can_save(user: User | None) -> bool:
    """Saving a scenario or an agenda (it is then theirs): anyone signed in."""
    return user is not None


def can_rollback(user: User | None, batch) -> bool:
    """An admin rolls back any batch; an OPD officer only batches loaded for their OPD. `batch`: a BatchRecord."""
    if user is None:
        return False
    return user.is_admin or (bool(user.opd) and getattr(batch, "opd", None) == user.opd)
