#!/usr/bin/env bash
# Runs every suite: unit + integration on PGlite, the same on PostgreSQL, then the browser tests.
# PostgreSQL: DATABASE_URL, or the local server at 127.0.0.1:5432 (database "test"); skipped with a
# warning only when no server answers and ATGT_REQUIRE_PG is not set.
set -euo pipefail
cd "$(dirname "$0")/.."
PG_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"

echo "── unit + integration tests on PGlite"
env -u DATABASE_URL npx vitest run

if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "── unit + integration tests on PostgreSQL ($PG_URL)"
  DATABASE_URL="$PG_URL" npx vitest run
elif [ -n "${ATGT_REQUIRE_PG:-}" ]; then
  echo "PostgreSQL is required but not reachable at 127.0.0.1:5432" >&2
  exit 1
else
  echo "!! PostgreSQL not reachable at 127.0.0.1:5432: PostgreSQL suite skipped" >&2
fi

echo "── browser end-to-end tests (Chromium)"
[ -f dist/web/index.html ] || npx vite build --config vite.config.ts --logLevel warn
env -u DATABASE_URL npx vitest run --config vitest.e2e.config.ts
