#!/usr/bin/env bash
# Installs (from Debian, when missing) and starts the services the PostgreSQL and Redis tests run
# against, on loopback only: PostgreSQL with a `pchat` role that may create the throw-away
# databases the tests use, and Redis without persistence. Idempotent: safe to run again.
# Prints the environment to export; CI sources that output.
set -euo pipefail

log() { echo "ci-services: $*" >&2; }

missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# PostgreSQL: the newest installed version's `main` cluster, created if the package did not.
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 1
done
pg_isready -h 127.0.0.1 >&2
# Superuser because the tests create databases and the optional unaccent extension; local only.
su postgres -c "psql -q -v ON_ERROR_STOP=1" >&2 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pchat') THEN
    CREATE ROLE pchat LOGIN SUPERUSER PASSWORD 'pchat';
  END IF;
END $$;
SQL

# Redis: loopback, no snapshots.
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" >&2
  for _ in $(seq 1 30); do
    redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break
    sleep 0.5
  done
fi
redis-cli -h 127.0.0.1 -p 6379 ping >&2

echo "export PCHAT_TEST_POSTGRES_URL=postgres://pchat:pchat@127.0.0.1:5432/postgres"
echo "export PCHAT_TEST_REDIS_URL=redis://127.0.0.1:6379"
