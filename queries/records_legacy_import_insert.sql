-- Note that a legacy JSON file was imported. $source, $sha256, $n_records, $imported_at.
insert into legacy_imports (source, sha256, n_records, imported_at) values ($source, $sha256, $n_records, $imported_at)
