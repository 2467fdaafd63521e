-- One follow-up of an agreement version. $agreement_id, $version, $position, $action, $owner, $due.
insert into fgd_follow_ups (agreement_id, version, position, action, owner, due)
values ($agreement_id, $version, $position, $action, $owner, $due)
