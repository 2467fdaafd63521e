-- Every FGD session, newest first. No parameters.
select id, title, held_on, place, status, created_by, created_at, closed_by, closed_at, origin
from fgd_sessions
order by created_at desc, id
