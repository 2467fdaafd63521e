-- One saved item (active or archived) with its latest version. $kind, $id.
select i.id, i.name, i.owner, i.archived_at, (select max(v.version) from saved_versions as v where v.item_id = i.id) as last_version
from saved_items as i
where i.kind = $kind and i.id = $id
