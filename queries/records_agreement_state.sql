-- An agreement's session, indicator, the session's status and its latest version number. $agreement_id.
select a.id, a.session_id, a.indicator, s.status, (select coalesce(max(v.version), 0) from fgd_agreement_versions as v where v.agreement_id = a.id) as last_version
from fgd_agreements as a
join fgd_sessions as s on s.id = a.session_id
where a.id = $agreement_id
