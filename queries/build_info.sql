-- Facts about the store build (built_at, fingerprint, map_kind, n_observations). No parameters.
select key, value from build_info
