-- The views pages read, turned into tables sorted for their filters: a read-only store never changes
-- after its build, and every page query then reads rows instead of re-ranking all observations.
-- No parameters. Runs after store_load, before store_checks.
create table observation_best_sorted as
    select * from observation_best order by indicator_code, region_code, period, series;
create table observation_labeled_sorted as
    select * from observation_labeled order by indicator_code, region_level, region_code, period;
drop view observation_labeled;
drop view observation_best;
alter table observation_best_sorted rename to observation_best;
alter table observation_labeled_sorted rename to observation_labeled;
