-- One version of a saved item (JSON body). $item_id, $version, $body, $saved_by, $saved_at.
insert into saved_versions (item_id, version, body, saved_by, saved_at) values ($item_id, $version, $body, $saved_by, $saved_at)
