-- Close (lock) an open session; a closed one is left as it is (0 rows changed). $id, $closed_by, $closed_at.
update fgd_sessions set status = 'closed', closed_by = $closed_by, closed_at = $closed_at
where id = $id and status = 'open'
