-- Every attendee of every session, in the order written. No parameters.
select session_id, position, name from fgd_attendees order by session_id, position
