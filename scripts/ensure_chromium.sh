#!/bin/sh
# Browser tests drive Debian's chromium through Playwright; never a downloaded browser.
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "browser: installing Debian's chromium (once)..."
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
test -x /usr/bin/chromium || { echo "browser: chromium could not be installed"; exit 1; }
