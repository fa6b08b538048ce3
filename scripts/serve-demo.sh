#!/usr/bin/env bash
# Serves the demo: the simulated cluster (demo scenario) on :7070, the backend on :7007
# and the app on :3000, until interrupted. Used by scripts/start.sh and the e2e tests.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$ROOT"
mkdir -p .data

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

if [ -f tools/simulator/src/main.ts ]; then
  # The demo instances' GitOps folders, on main of the fleet repository the template publishes
  # to and live values are adopted into (kept as they are when already there).
  yarn seed:fleet-repo .data/fleet-repo
  # Each instance the simulated Flux first deploys is onboarded as a platform team would: its
  # settings plan applied, and an API key for Backstage in the Secret app-config.yaml names.
  yarn sim --scenario tools/simulator/scenarios/demo --port 7070 --fleet-repo .data/fleet-repo \
    --credentials-secret backstage-stalwart-api-key/apiKey &
  pids+=($!)
fi

yarn start &
pids+=($!)
wait -n "${pids[@]}"
