-- Fill the store from staged DataFrames registered as staged_<table>. No parameters.
insert into regions by name select * from staged_regions;
insert into region_aliases by name select * from staged_region_aliases;
insert into indicators by name select * from staged_indicators;
insert into sources by name select * from staged_sources;
insert into indicator_pairs by name select * from staged_indicator_pairs;
insert into reconciliation_tolerances by name select * from staged_reconciliation_tolerances;
insert into targets by name select * from staged_targets;
insert into observations by name select * from staged_observations;
insert into boundaries by name select * from staged_boundaries;
insert into build_info by name select * from staged_build_info;
insert into build_problems by name select * from staged_build_problems;
insert into batches by name select * from staged_batches;
