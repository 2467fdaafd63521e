#!/bin/sh
# The reverse proxy the crowd benchmark runs in front of Streamlit: Debian's nginx, installed only when missing.
# Only the binary is needed; the benchmark starts its own instance with its own configuration.
if [ -x /usr/sbin/nginx ]; then exit 0; fi
echo "proxy: installing Debian's nginx (once)..."
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx >/dev/null
test -x /usr/sbin/nginx || { echo "proxy: nginx could not be installed"; exit 1; }
