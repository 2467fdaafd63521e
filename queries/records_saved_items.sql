-- Saved scenarios or agendas with their latest version, newest save first. $kind ('scenario' | 'agenda');
-- $with_archived (1: archived ones too, 0: only the active ones).
with latest as (
    select item_id, max(version) as version, count(*) as n_versions from saved_versions group by item_id
),
items as (
    select
        i.id, i.kind, i.name, i.owner, i.created_at, i.archived_at, i.archived_by,
        v.version, l.n_versions, v.body, v.saved_by, v.saved_at
    from saved_items as i
    join latest as l on l.item_id = i.id
    join saved_versions as v on v.item_id = i.id and v.version = l.version
    where i.kind = $kind and ($with_archived = 1 or i.archived_at is null)
)
select * from items order by saved_at desc, id
