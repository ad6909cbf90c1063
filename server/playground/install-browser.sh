#!/bin/sh
# Installs Debian's chromium for the playground's end-to-end test (test/playground/).
#
# Only Debian's package archive is used: CI reaches npm and Debian and nothing else, and the test
# must drive the same browser everywhere, so `playwright install` (which downloads from a CDN) is
# never an option. A no-op when /usr/bin/chromium is already there.
set -eu

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "chromium already installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi

# CI runs as root without sudo; a developer's machine usually has sudo instead.
if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=""
elif command -v sudo >/dev/null 2>&1; then
  AS_ROOT="sudo"
else
  echo "install-browser: run as root or install sudo to install chromium with apt-get" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: apt-get not found; install Chromium so that $CHROMIUM exists" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# The package lists of a fresh container are empty or stale: update first or the install fails.
$AS_ROOT apt-get update
$AS_ROOT apt-get install -y --no-install-recommends chromium fonts-dejavu-core

"$CHROMIUM" --version
