-- Forget a key's failed sign-ins (after a successful one) and every failure older than $before. $scope, $key, $before.
delete from sign_in_failures where (scope = $scope and key = $key) or failed_at < $before
