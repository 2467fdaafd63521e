-- Per indicator, the difference between two sources above which the FGD should look. No parameters.
select indicator, tolerance, note from reconciliation_tolerances
