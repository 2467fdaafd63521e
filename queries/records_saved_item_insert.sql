-- A new saved item (its content is in its versions). $id, $kind, $name, $name_key, $owner, $created_at.
insert into saved_items (id, kind, name, name_key, owner, created_at) values ($id, $kind, $name, $name_key, $owner, $created_at)
