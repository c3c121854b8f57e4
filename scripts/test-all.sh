#!/usr/bin/env bash
# Runs every suite: unit + integration on PGlite, the same on PostgreSQL, then the browser tests,
# and closes with one line "tests: N passed, N failed".
# PostgreSQL: TEST_DATABASE_URL, or the local server at 127.0.0.1:5432 (database "test"); skipped with a
# warning only when no server answers and ATGT_REQUIRE_PG is not set.
set -uo pipefail
cd "$(dirname "$0")/.."
PG_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
RESULTS=test-results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
status=0
run() { # name, then the command's env and args
  local name=$1; shift
  echo "── $name"
  "$@" --reporter=default --reporter=json --outputFile.json="$RESULTS/$name.json" || status=1
}

run pglite env -u DATABASE_URL npx vitest run

if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || [ -n "${TEST_DATABASE_URL:-}" ]; then
  run postgres env DATABASE_URL="$PG_URL" npx vitest run
elif [ -n "${ATGT_REQUIRE_PG:-}" ]; then
  echo "PostgreSQL is required but not reachable at 127.0.0.1:5432" >&2
  status=1
else
  echo "!! PostgreSQL not reachable at 127.0.0.1:5432: PostgreSQL suite skipped" >&2
fi

echo "── web build (the browser tests run against it)"
npx vite build --config vite.config.ts --logLevel warn || status=1
run browser env -u DATABASE_URL npx vitest run --config vitest.e2e.config.ts

node -e '
  const fs = require("node:fs");
  let passed = 0, failed = 0;
  for (const f of fs.readdirSync(process.argv[1])) {
    const r = JSON.parse(fs.readFileSync(`${process.argv[1]}/${f}`, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + (r.success ? 0 : r.numFailedTestSuites);
  }
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
' "$RESULTS"
exit $status
