#!/usr/bin/env bash
# Issue 15's check that other teams' objects stay out of the backend: starts the demo backend
# (as `yarn start` runs it) against the simulated demo clusters, reads its RSS once the status
# cache is warm, adds COUNT unrelated ConfigMaps of BYTES each to cluster `homelab` with
# `kubectl create --validate=false`, and reads the RSS again. Target: it moves < 40 MB.
#
# It uses the demo's fixed ports (7007, 7070): run it under the end-to-end lock, not in CI.
#   flock /work/e2e.lock bash scripts/check-noise-rss.sh [COUNT=60000] [BYTES=8192]
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$ROOT"

COUNT="${1:-60000}"
BYTES="${2:-8192}"
BATCH=1000
PARALLEL=4
BACKEND=http://127.0.0.1:7007
KUBECTL=(kubectl --server https://127.0.0.1:7070/clusters/homelab --insecure-skip-tls-verify --token demo-homelab-token)

work="$(mktemp -d)"
pids=()
listener() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
cleanup() {
  # The ports were free at the start: whatever listens on them now was started here (yarn
  # leaves the processes it spawned running when it is killed itself).
  for pid in "${pids[@]}" $(listener 7007) $(listener 7070); do
    kill "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

for port in 7007 7070; do
  if ss -ltnH "sport = :$port" | grep -q .; then
    echo "port $port is in use: stop the demo first (or wait for the e2e lock)" >&2
    exit 1
  fi
done

say() { echo "[$(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg)] $*" >&2; }

yarn sim --scenario tools/simulator/scenarios/demo --port 7070 >"$work/sim.log" 2>&1 &
pids+=($!)
# The demo backend from its sources in development mode, as `yarn start` runs it, but without
# its file watcher: an edit elsewhere in the worktree must not restart it between readings.
(cd packages/backend && NODE_ENV=development LOG_LEVEL=warn exec node \
  --require @backstage/cli/config/nodeTransform.cjs src/index.ts \
  --config "$ROOT/app-config.yaml") >"$work/backend.log" 2>&1 &
pids+=($!)

say "waiting for the backend"
for _ in $(seq 1 300); do
  curl -sf "$BACKEND/.backstage/health/v1/readiness" >/dev/null && break
  sleep 1
done
curl -sf "$BACKEND/.backstage/health/v1/readiness" >/dev/null || {
  tail -40 "$work/backend.log" >&2
  exit 1
}
backend_pid="$(listener 7007)"

token="$(curl -sf -H 'X-Requested-With: XMLHttpRequest' "$BACKEND/api/auth/guest/refresh" | jq -r .backstageIdentity.token)"
# Every instance's status, so every watch of both clusters is open and its lists are held.
read_statuses() {
  local refs
  refs="$(curl -sf -H "Authorization: Bearer $token" \
    "$BACKEND/api/catalog/entities/by-query?filter=metadata.annotations.stalwart.io/release&limit=100" |
    jq -c '{entityRefs: [.items[] | "\(.kind):\(.metadata.namespace)/\(.metadata.name)" | ascii_downcase]}')"
  curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "$refs" "$BACKEND/api/stalwart/v1/statuses" |
    jq -r '[.items[] | select(.status.clusters[0].data == "live")] | length'
}
rss_mb() {
  if [ "$(listener 7007)" != "$backend_pid" ]; then
    echo "the backend (pid $backend_pid) is gone: no RSS to compare" >&2
    tail -20 "$work/backend.log" >&2
    exit 1
  fi
  awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$backend_pid/status"
}

say "warming the status cache: $(read_statuses) instances live"
sleep 60
read_statuses >/dev/null
before="$(rss_mb)"
say "backend RSS with the cache warm: $before MB"

"${KUBECTL[@]}" create namespace other-team >/dev/null 2>&1 || true
say "creating $COUNT ConfigMaps of $BYTES bytes in namespace other-team"
python3 - "$COUNT" "$BYTES" "$BATCH" "$work" <<'EOF'
import sys
count, size, batch, work = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
payload = ('dashboard-' * (size // 10 + 1))[:size]
for start in range(0, count, batch):
    with open(f'{work}/cm-{start // batch:05d}.yaml', 'w') as f:
        for i in range(start, min(start + batch, count)):
            f.write(
                f'---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dashboards-{i:06d}\n'
                f'  namespace: other-team\n  labels:\n    app.kubernetes.io/name: grafana\n'
                f'    app.kubernetes.io/instance: team-{i % 40}\ndata:\n  dashboard.json: "{payload}"\n'
            )
EOF
ls "$work"/cm-*.yaml | xargs -P "$PARALLEL" -I{} "${KUBECTL[@]}" create --validate=false -f {} -o name >"$work/created.log"
created="$(wc -l <"$work/created.log")"
say "created $created ConfigMaps"

sleep 60
read_statuses >/dev/null
after="$(rss_mb)"
say "backend RSS after: $after MB"
python3 - "$before" "$after" "$created" "$BYTES" <<'EOF'
import sys
before, after, created, size = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
moved = after - before
verdict = 'within' if abs(moved) < 40 else 'OVER'
print(f'{created} unrelated ConfigMaps of {size} bytes: backend RSS {before:.1f} MB -> {after:.1f} MB, '
      f'moved {moved:+.1f} MB ({verdict} the 40 MB target)')
EOF
