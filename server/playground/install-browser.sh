#!/bin/sh
# Installs Debian's chromium for the browser tests (test/playground/; test/helpers/chromium.ts finds
# it). `npm test` never runs this: without a browser those tests skip. .ci/run runs it, as root.
#
# Only Debian's package archive is used: CI reaches npm and Debian and nothing else, and the test
# must drive the same browser everywhere, so `playwright install` (which downloads from a CDN) is
# never an option. A no-op when /usr/bin/chromium, or the browser CHROMIUM names, is already there.
set -eu

if [ -n "${CHROMIUM:-}" ]; then
  if [ -x "$CHROMIUM" ]; then
    echo "install-browser: using CHROMIUM=$CHROMIUM: $("$CHROMIUM" --version 2>/dev/null || true)"
    exit 0
  fi
  echo "install-browser: CHROMIUM=$CHROMIUM is not executable; unset it to install Debian's chromium" >&2
  exit 1
fi

DEBIAN_CHROMIUM=/usr/bin/chromium

if [ -x "$DEBIAN_CHROMIUM" ]; then
  echo "install-browser: chromium already installed: $("$DEBIAN_CHROMIUM" --version 2>/dev/null || echo "$DEBIAN_CHROMIUM")"
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
  echo "install-browser: apt-get not found; install Chromium and set CHROMIUM=/path/to/chromium" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# The package lists of a fresh container are empty or stale: update first or the install fails.
$AS_ROOT apt-get update
$AS_ROOT apt-get install -y --no-install-recommends chromium fonts-dejavu-core

"$DEBIAN_CHROMIUM" --version
