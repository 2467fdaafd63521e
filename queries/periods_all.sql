-- Every period with at least one value in the store. No parameters.
with periods as (select distinct period from observations)
select period from periods order by period
