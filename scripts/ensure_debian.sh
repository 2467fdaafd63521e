#!/bin/sh
# Debian packages the browser tests (chromium) and the crowd benchmark (nginx) use: each installed only
# when its program is missing, all in one apt-get run. Never a downloaded browser.
#   sh scripts/ensure_debian.sh /usr/bin/chromium=chromium /usr/sbin/nginx=nginx
missing=""
for pair in "$@"; do
    [ -x "${pair%%=*}" ] || missing="$missing ${pair#*=}"
done
[ -z "$missing" ] && exit 0
echo "==> Installing Debian's$missing (once; apt-get shows nothing until it is done)"
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
# shellcheck disable=SC2086 # one word per package
$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
status=0
for pair in "$@"; do
    [ -x "${pair%%=*}" ] || { echo "${pair#*=} could not be installed (${pair%%=*} is missing)"; status=1; }
done
exit $status
