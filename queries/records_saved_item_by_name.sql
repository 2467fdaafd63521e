-- The active saved item of a kind under a name (compared casefolded), with its latest version. $kind, $name_key.
select i.id, i.name, i.owner, (select max(v.version) from saved_versions as v where v.item_id = i.id) as last_version
from saved_items as i
where i.kind = $kind and i.name_key = $name_key and i.archived_at is null
