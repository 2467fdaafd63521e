-- Archive an active saved item (kept, hidden from the lists, its name free again). $id, $archived_by, $archived_at.
update saved_items set archived_at = $archived_at, archived_by = $archived_by where id = $id and archived_at is null
