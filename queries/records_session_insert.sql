-- A new FGD session, open. $id, $title, $held_on (YYYY-MM-DD or ''), $place, $created_by, $created_at, $origin ('app' | 'imported').
insert into fgd_sessions (id, title, held_on, place, created_by, created_at, origin)
values ($id, $title, $held_on, $place, $created_by, $created_at, $origin)
