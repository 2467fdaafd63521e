-- The status a store gives one batch (active | rolled_back), no row when the store has never seen it.
-- $batch_id: a batch id.
with wanted as (
    select batch_id, status from batches where batch_id = $batch_id
)
select * from wanted
