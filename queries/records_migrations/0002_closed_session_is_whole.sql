-- A closed session is final as a whole: 0001 refused new rows and changes to the session and to versions;
-- its attendees, follow-ups and agreements could still be changed or deleted by SQL that goes around the app.
-- An agreement (its session and indicator) and a version's follow-ups are never changed or deleted at all,
-- as the versions they belong to are not; attendees of a closed session are final.

create trigger agreements_are_kept before update on fgd_agreements
begin select raise(abort, 'agreements are never changed'); end;

create trigger agreements_are_never_deleted before delete on fgd_agreements
begin select raise(abort, 'agreements are never deleted'); end;

create trigger follow_ups_are_kept before update on fgd_follow_ups
begin select raise(abort, 'follow-ups are never changed'); end;

create trigger follow_ups_are_never_deleted before delete on fgd_follow_ups
begin select raise(abort, 'follow-ups are never deleted'); end;

create trigger closed_session_attendees_are_kept before update on fgd_attendees
when (select status from fgd_sessions where id = old.session_id) = 'closed'
begin select raise(abort, 'session closed'); end;

create trigger closed_session_attendees_are_never_deleted before delete on fgd_attendees
when (select status from fgd_sessions where id = old.session_id) = 'closed'
begin select raise(abort, 'session closed'); end;

pragma user_version = 2;
