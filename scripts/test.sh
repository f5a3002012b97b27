#!/usr/bin/env bash
# The whole test suite (what `npm test` runs): static checks, unit and integration tests on the
# embedded database — and on PostgreSQL too when TEST_DATABASE_URL is set — then the browser
# tests against the built app in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

step "type check and lint"
npm run --silent typecheck
npx biome check --reporter=summary .

step "unit and integration tests (PGlite)"
npx vitest run --project common --project server

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "integration tests (PostgreSQL at ${TEST_DATABASE_URL%%\?*})"
  FAZHI_TEST_DB=postgres npx vitest run --project server
fi

step "browser tests (Chromium)"
bash scripts/ensure-chromium.sh
npm run --silent build -w web
npx vitest run --project e2e
