#!/usr/bin/env bash
# Runs every test: unit, integration on SQLite and PostgreSQL, and browser tests in headless Chromium.
# PostgreSQL: CLUSTERWATCH_TEST_PG (an admin connection string) or a local server on 127.0.0.1 with user postgres/postgres.
# With CI=true nothing may be skipped: a missing server or browser fails the run.
set -uo pipefail
cd "$(dirname "$0")"

filters=()
skipped=()

if [ -z "${CLUSTERWATCH_TEST_PG:-}" ] && command -v psql >/dev/null 2>&1 \
   && PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
  export CLUSTERWATCH_TEST_PG="Host=127.0.0.1;Username=postgres;Password=postgres"
fi
if [ -z "${CLUSTERWATCH_TEST_PG:-}" ]; then
  skipped+=("PostgreSQL integration tests (no server: set CLUSTERWATCH_TEST_PG or run PostgreSQL on 127.0.0.1 with postgres/postgres)")
  filters+=("Database!=PostgreSQL")
fi

if [ ! -x "${CLUSTERWATCH_CHROMIUM:-/usr/bin/chromium}" ]; then
  skipped+=("browser tests (no Chromium at ${CLUSTERWATCH_CHROMIUM:-/usr/bin/chromium}: apt-get install chromium)")
  filters+=("Category!=Browser")
fi

if [ ${#skipped[@]} -gt 0 ]; then
  echo "################################################################"
  for s in "${skipped[@]}"; do echo "### SKIPPING: $s"; done
  echo "################################################################"
  if [ "${CI:-}" = "true" ]; then
    echo "CI=true: refusing to skip tests." >&2
    exit 1
  fi
fi

filter_arg=()
if [ ${#filters[@]} -gt 0 ]; then
  joined=$(IFS='&'; echo "${filters[*]}")
  filter_arg=(--filter "$joined")
fi

log=$(mktemp)
dotnet test ClusterWatch.sln -c Release --nologo "${filter_arg[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One plain closing line that any CI can read: "N passed, N failed[, N skipped]".
count() { grep -oE "$1: +[0-9]+" "$log" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(count Passed); failed=$(count Failed); skip=$(count Skipped)
rm -f "$log"
if [ "$status" -ne 0 ] && [ "${failed:-0}" = "0" ]; then failed=1; fi
if [ "${passed:-0}" = "0" ] && [ "$status" -eq 0 ]; then echo "no test ran" >&2; status=1; fi
echo "${passed:-0} passed, ${failed:-0} failed, ${skip:-0} skipped"
exit "$status"
