#!/usr/bin/env bash
# Sets everything up on a fresh machine and starts the demo: the simulated clusters and
# Stalwart servers (:7070), the backend (:7007) and the app (:3000).
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$ROOT"
yarn install --immutable
exec bash scripts/serve-demo.sh
