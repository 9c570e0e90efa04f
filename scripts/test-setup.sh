#!/usr/bin/env bash
# What the tests need besides node_modules: a Chromium for the browser tests and a running
# PostgreSQL for the store tests. Used by `npm test` and by .ci/run, so a newcomer's `npm test`
# sets up the same things CI does. As root on Debian it installs what is missing; otherwise it
# says exactly what to run.
set -euo pipefail

is_root() { [ "$(id -u)" = 0 ]; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
can_apt() { is_root && command -v apt-get >/dev/null 2>&1; }

# Chromium: CHROME_PATH, Debian's, or Playwright's own (where downloads work).
if [ -n "${CHROME_PATH:-}" ]; then
  [ -x "$CHROME_PATH" ] || { echo "CHROME_PATH=$CHROME_PATH is not an executable." >&2; exit 1; }
elif [ ! -x /usr/bin/chromium ] && [ ! -x /usr/bin/chromium-browser ]; then
  if can_apt; then
    echo "test-setup: installing Debian's Chromium (apt-get install chromium)"
    apt_install chromium
  elif ! ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-* >/dev/null 2>&1; then
    echo "test-setup: no Chromium found. Run 'sudo apt-get install -y chromium' (Debian/Ubuntu)," >&2
    echo "set CHROME_PATH to a Chromium or Chrome binary, or run 'npx playwright install chromium'." >&2
    exit 1
  fi
fi

# Real speech voices for e2e/listen.spec.ts: speech-dispatcher with espeak-ng, and Xvfb for the
# headed Chromium it needs (headless Chromium has no voices).
if [ ! -x /usr/bin/speech-dispatcher ] || [ ! -x /usr/bin/Xvfb ] || ! command -v espeak-ng >/dev/null 2>&1; then
  if can_apt; then
    echo "test-setup: installing speech-dispatcher, espeak-ng and Xvfb (apt-get install speech-dispatcher espeak-ng speech-dispatcher-espeak-ng xvfb)"
    apt_install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng xvfb
  else
    echo "test-setup: e2e/listen.spec.ts needs 'sudo apt-get install -y speech-dispatcher speech-dispatcher-espeak-ng espeak-ng xvfb'." >&2
    exit 1
  fi
fi

# PostgreSQL: only the local default is ours to install or start; another TEST_PG_URL is the
# caller's own server.
default_pg='postgres://postgres@127.0.0.1:5432/test'
if [ "${TEST_PG_URL:-$default_pg}" = "$default_pg" ]; then
  installed_pg=0
  ready() { command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; }
  if ! ready; then
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
      if can_apt; then
        echo "test-setup: installing PostgreSQL (apt-get install postgresql)"
        apt_install postgresql
        installed_pg=1
      else
        echo "test-setup: PostgreSQL is not installed. Run 'sudo apt-get install -y postgresql'," >&2
        echo "or set TEST_PG_URL to a server where this user may create schemas and databases." >&2
        exit 1
      fi
    fi
    if ! ready; then
      version="$(ls /etc/postgresql | sort -V | tail -n 1)"
      start=(pg_ctlcluster --skip-systemctl-redirect "$version" main start)
      if is_root; then
        echo "test-setup: starting PostgreSQL $version"
        "${start[@]}"
      else
        echo "test-setup: PostgreSQL is down. Run 'sudo ${start[*]}'." >&2
        exit 1
      fi
      for _ in $(seq 1 30); do ready && break; sleep 1; done
    fi
  fi
  ready || { echo "test-setup: PostgreSQL is not reachable at 127.0.0.1:5432." >&2; exit 1; }
  # A cluster installed just now asks for passwords on TCP: the tests connect as postgres
  # without one (trust on the loopback address only), to a database named test.
  if [ "$installed_pg" = 1 ]; then
    hba="$(ls /etc/postgresql/*/main/pg_hba.conf | sort -V | tail -n 1)"
    sed -i '1i host all postgres 127.0.0.1/32 trust' "$hba"
    runuser -u postgres -- psql -q -c 'select pg_reload_conf()' >/dev/null
    runuser -u postgres -- psql -q -c 'create database test' 2>/dev/null || true
  fi
  if ! psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
    if is_root; then
      runuser -u postgres -- psql -q -c 'create database test' 2>/dev/null ||
        psql -h 127.0.0.1 -U postgres -q -c 'create database test'
    fi
    psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1 || {
      echo "test-setup: cannot connect as postgres to database 'test' at 127.0.0.1:5432 (trust auth expected)." >&2
      echo "Set TEST_PG_URL to a server and database where this user may create schemas." >&2
      exit 1
    }
  fi
fi
echo "test-setup: Chromium and PostgreSQL are ready"
