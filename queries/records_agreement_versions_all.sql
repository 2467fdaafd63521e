-- Every version of every agreement with its session and indicator, agreements in the order recorded,
-- versions oldest first. No parameters.
with agreements as (
    select a.id, a.session_id, a.indicator, a.rowid as recorded_order from fgd_agreements as a
)
select
    a.session_id, a.indicator, v.agreement_id, v.version, v.definition, v.method, v.reference_source, v.producer,
    v.open_issues, v.recorded_by, v.recorded_at
from agreements as a
join fgd_agreement_versions as v on v.agreement_id = a.id
order by a.session_id, a.recorded_order, v.version
