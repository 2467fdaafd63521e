-- An agreement on one indicator in a session; its content is in its versions. $id, $session_id, $indicator.
insert into fgd_agreements (id, session_id, indicator) values ($id, $session_id, $indicator)
