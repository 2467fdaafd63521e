-- The status of one session ('open' | 'closed'); no row when there is no such session. $id.
select status from fgd_sessions where id = $id
