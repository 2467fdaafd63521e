-- The legacy JSON files already imported into the records database (metro_poverty/records/legacy.py). No parameters.
select source, sha256, n_records, imported_at from legacy_imports order by source
