-- Every follow-up of every agreement version, in the order written. No parameters.
select agreement_id, version, position, action, owner, due from fgd_follow_ups order by agreement_id, version, position
