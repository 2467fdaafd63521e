-- One attendee of a session, in the order written. $session_id, $position, $name.
insert into fgd_attendees (session_id, position, name) values ($session_id, $position, $name)
