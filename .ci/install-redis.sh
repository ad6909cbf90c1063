#!/bin/sh
# Installs Debian's redis-server for the tests that need a real Redis (test/helpers/redis.ts starts
# one per test file on a free port). `npm test` never runs this: without redis-server those tests
# skip with one line. .ci/run runs it, as root, and sets REQUIRE_REDIS=1 so they cannot skip there.
# A no-op when redis-server (or the one REDIS_SERVER names) is already installed.
set -eu

if [ -n "${REDIS_SERVER:-}" ]; then
  if [ -x "$REDIS_SERVER" ]; then
    echo "install-redis: using REDIS_SERVER=$REDIS_SERVER: $("$REDIS_SERVER" --version)"
    exit 0
  fi
  echo "install-redis: REDIS_SERVER=$REDIS_SERVER is not executable" >&2
  exit 1
fi

if command -v redis-server >/dev/null 2>&1; then
  echo "install-redis: already installed: $(redis-server --version)"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=""
elif command -v sudo >/dev/null 2>&1; then
  AS_ROOT="sudo"
else
  echo "install-redis: run as root or install sudo to install redis-server with apt-get" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$AS_ROOT apt-get update
# The package's own service is not wanted (tests start their own servers); policy-rc.d is not
# touched, so on a machine with systemd it may start one on 6379, which no test uses.
$AS_ROOT apt-get install -y --no-install-recommends redis-server
redis-server --version
