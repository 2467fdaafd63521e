-- A failed sign-in for a user name or a client address. $scope ('user' | 'client'), $key, $failed_at (Unix seconds).
insert into sign_in_failures (scope, key, failed_at) values ($scope, $key, $failed_at)
