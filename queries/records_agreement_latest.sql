-- The latest recorded version of the agreement on an indicator in a session (none if the session has none):
-- what a form opened earlier is checked against before it saves. $session_id, $indicator.
select a.id as agreement_id, v.version, v.recorded_by, v.recorded_at
from fgd_agreements as a
join fgd_agreement_versions as v on v.agreement_id = a.id
where a.session_id = $session_id and a.indicator = $indicator
order by v.recorded_at desc, v.version desc
limit 1
