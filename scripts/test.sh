#!/usr/bin/env bash
# The whole test suite: type check, lint, formatting, unit + integration tests (jest, with a
# real PostgreSQL 15 and the real backend) and end-to-end tests (Playwright in Debian's
# Chromium). Installs whatever is missing first. Ends with a line `N passed, N failed`.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
source "$(dirname "$0")/lib/system-deps.sh"
cd "$ROOT"

ensure_postgres
ensure_chromium
yarn install --immutable
exec node scripts/lib/run-suite.mjs "$@"
