-- The records database (SQLite, metro_poverty/records): what people write in the app, as opposed to the
-- DuckDB store, which is rebuilt from data/ and the intake batches. Append-only where it matters: an
-- agreement or a saved scenario/agenda changes by a new version, never by an update of the old one, and
-- a closed FGD session accepts nothing more (triggers below enforce both, whatever the caller does).
-- Times are UTC ISO 8601 ('2026-11-24T07:05:00Z'); the app shows them in WIB.

create table fgd_sessions (
    id text primary key,
    title text not null check (length(trim(title)) > 0),
    held_on text not null default '',
    place text not null default '',
    status text not null default 'open' check (status in ('open', 'closed')),
    created_by text not null,
    created_at text not null,
    closed_by text,
    closed_at text,
    origin text not null default 'app' check (origin in ('app', 'imported'))
);

create table fgd_attendees (
    session_id text not null references fgd_sessions (id),
    position integer not null,
    name text not null,
    primary key (session_id, position)
);

create table fgd_agreements (
    id text primary key,
    session_id text not null references fgd_sessions (id),
    indicator text not null
);

create table fgd_agreement_versions (
    agreement_id text not null references fgd_agreements (id),
    version integer not null check (version >= 1),
    definition text not null default '',
    method text not null default '',
    reference_source text not null default '',
    producer text not null default '',
    open_issues text not null default '',
    recorded_by text not null,
    recorded_at text not null,
    primary key (agreement_id, version)
);

create table fgd_follow_ups (
    agreement_id text not null,
    version integer not null,
    position integer not null,
    action text not null,
    owner text not null default '',
    due text not null default '',
    primary key (agreement_id, version, position),
    foreign key (agreement_id, version) references fgd_agreement_versions (agreement_id, version)
);

-- saved scenarios and agendas: a name owned by whoever saved it first; each save a new version
create table saved_items (
    id text primary key,
    kind text not null check (kind in ('scenario', 'agenda')),
    name text not null check (length(trim(name)) > 0),
    name_key text not null,
    owner text not null,
    created_at text not null,
    archived_at text,
    archived_by text
);
create unique index saved_items_one_active_name on saved_items (kind, name_key) where archived_at is null;

create table saved_versions (
    item_id text not null references saved_items (id),
    version integer not null check (version >= 1),
    body text not null,
    saved_by text not null,
    saved_at text not null,
    primary key (item_id, version)
);

-- failed sign-ins, per user name and per client address, for the delay and the lockout
create table sign_in_failures (
    scope text not null check (scope in ('user', 'client')),
    key text not null,
    failed_at real not null
);
create index sign_in_failures_by_key on sign_in_failures (scope, key, failed_at);

-- the JSON files of earlier versions, imported once each
create table legacy_imports (
    source text primary key,
    sha256 text not null,
    n_records integer not null,
    imported_at text not null
);

create trigger closed_session_takes_no_agreement before insert on fgd_agreements
when (select status from fgd_sessions where id = new.session_id) = 'closed'
begin select raise(abort, 'session closed'); end;

create trigger closed_session_takes_no_version before insert on fgd_agreement_versions
when (select s.status from fgd_agreements as a join fgd_sessions as s on s.id = a.session_id where a.id = new.agreement_id) = 'closed'
begin select raise(abort, 'session closed'); end;

create trigger closed_session_takes_no_attendee before insert on fgd_attendees
when (select status from fgd_sessions where id = new.session_id) = 'closed'
begin select raise(abort, 'session closed'); end;

create trigger closed_session_takes_no_follow_up before insert on fgd_follow_ups
when (select s.status from fgd_agreements as a join fgd_sessions as s on s.id = a.session_id where a.id = new.agreement_id) = 'closed'
begin select raise(abort, 'session closed'); end;

create trigger closed_session_stays_closed before update on fgd_sessions
when old.status = 'closed'
begin select raise(abort, 'session closed'); end;

create trigger agreement_versions_are_kept before update on fgd_agreement_versions
begin select raise(abort, 'versions are never changed'); end;

create trigger agreement_versions_are_never_deleted before delete on fgd_agreement_versions
begin select raise(abort, 'versions are never deleted'); end;

create trigger saved_versions_are_kept before update on saved_versions
begin select raise(abort, 'versions are never changed'); end;

create trigger saved_versions_are_never_deleted before delete on saved_versions
begin select raise(abort, 'versions are never deleted'); end;

create trigger saved_items_are_never_deleted before delete on saved_items
begin select raise(abort, 'saved items are archived, never deleted'); end;

create trigger sessions_are_never_deleted before delete on fgd_sessions
begin select raise(abort, 'sessions are never deleted'); end;

pragma user_version = 1;
