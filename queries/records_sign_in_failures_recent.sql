-- How many sign-ins failed for a key since a time, and when the last one did. $scope, $key, $since (Unix seconds).
select count(*) as n_failures, max(failed_at) as last_failed_at
from sign_in_failures
where scope = $scope and key = $key and failed_at > $since
