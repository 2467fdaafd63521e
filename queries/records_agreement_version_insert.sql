-- One version of an agreement (the first, or a change: earlier versions stay). $agreement_id, $version,
-- $definition, $method, $reference_source, $producer, $open_issues, $recorded_by, $recorded_at.
insert into fgd_agreement_versions (agreement_id, version, definition, method, reference_source, producer, open_issues, recorded_by, recorded_at)
values ($agreement_id, $version, $definition, $method, $reference_source, $producer, $open_issues, $recorded_by, $recorded_at)
