-- Every batch loaded through the OPD data intake, active or rolled back, newest first: who loaded which
-- file, for which indicators and years, and who rolled it back. No parameters.
with history as (
    select
        batch_id, loaded_at, uploader, opd, file_name, indicators, periods, source_id, data_status,
        n_rows, n_observations, n_warnings_accepted, status, rolled_back_by, rolled_back_at
    from batches
)
select * from history order by batch_id desc
