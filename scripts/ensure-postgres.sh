#!/usr/bin/env bash
# The PostgreSQL pass of the tests (npm run test:postgres) needs a server at TEST_POSTGRES_URL. Starts a local
# cluster that is installed but stopped, and creates the database when the server has none of that name.
# Where no PostgreSQL can be had, says so and exits 0 without running anything (a fresh machine may have none),
# except in CI (CI or REQUIRE_POSTGRES set), where that is a failure.
# Usage: ensure-postgres.sh [command …]   — runs the command once PostgreSQL answers.
set -euo pipefail
cd "$(dirname "$0")/.."
url="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
shown="$(printf '%s' "$url" | sed -E 's#//([^:@/]+):[^@/]*@#//\1:***@#')"

# 0: answers; 3: the server answers but has no such database; 1: no server.
probe() {
  node --input-type=module -e '
    import pg from "pg";
    const client = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    try { await client.connect(); await client.end(); process.exit(0); }
    catch (error) { process.exit(error.code === "3D000" ? 3 : 1); }
  ' "$1"
}

status=0; probe "$url" || status=$?
if [ "$status" = 1 ] && command -v pg_ctlcluster >/dev/null && [ -n "$(ls /etc/postgresql 2>/dev/null)" ]; then
  version="$(ls /etc/postgresql | sort -V | tail -1)"
  if ! pg_ctlcluster "$version" main status >/dev/null 2>&1; then
    echo "PostgreSQL not answering at $shown: starting the local cluster $version/main…"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 30); do
      status=0; probe "$url" || status=$?
      [ "$status" = 1 ] || break
      sleep 1
    done
  fi
fi
if [ "$status" = 3 ]; then
  database="$(node -e 'console.log(decodeURIComponent(new URL(process.argv[1]).pathname.slice(1)))' "$url")"
  echo "Creating the database \"$database\" at $shown…"
  node --input-type=module -e '
    import pg from "pg";
    const url = new URL(process.argv[1]);
    const name = decodeURIComponent(url.pathname.slice(1));
    url.pathname = "/postgres";
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(`create database "${name.replaceAll("\"", "\"\"")}"`);
    await client.end();
  ' "$url"
  status=0; probe "$url" || status=$?
fi
if [ "$status" != 0 ]; then
  if [ -n "${CI:-}" ] && [ "${CI}" != 0 ] && [ "${CI}" != false ] || [ -n "${REQUIRE_POSTGRES:-}" ]; then
    echo "No PostgreSQL at $shown, and CI (or REQUIRE_POSTGRES) requires the PostgreSQL tests: failing." >&2
    exit 1
  fi
  echo "skipped: no PostgreSQL at $shown (set TEST_POSTGRES_URL, or install and start PostgreSQL, to run the PostgreSQL tests)."
  exit 0
fi
[ "$#" -gt 0 ] && exec "$@"
exit 0
