#!/usr/bin/env bash
# The adoption test: installs the packed plugins into a brand-new Backstage app exactly as the
# README's "Install into your Backstage" section says, builds it and checks it against the
# simulated cluster. Exits non-zero on the first failure. KEEP=1 keeps the temporary folder.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/env.sh
source "$ROOT/scripts/lib/env.sh"
ROOT_YARN="$YARN_JS"

RELEASE=1.57.0
ANCHOR=@backstage/frontend-plugin-api@1.0.0
CREATE_APP=@backstage/create-app@0.9.2
WORK="$(mktemp -d /tmp/stalwart-verify-install.XXXXXX)"
APP="$WORK/app"
PACKS="$WORK/packs"
PIDS=()
started=$(date +%s)

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ "${KEEP:-}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
step() { echo "━━ [$(($(date +%s) - started))s] $*"; }
fail() {
  echo "✘ verify-install: $*" >&2
  exit 1
}

step "pack the plugins from their build output"
(cd "$ROOT" && node "$ROOT_YARN" tsc)
mkdir -p "$PACKS"
for pkg in stalwart-common stalwart-backend scaffolder-backend-module-stalwart stalwart; do
  (cd "$ROOT/plugins/$pkg" && node "$ROOT_YARN" backstage-cli package build &&
    node "$ROOT_YARN" pack --out "$PACKS/$pkg.tgz" >/dev/null)
done

step "create a new app with $CREATE_APP"
mkdir -p "$APP"
(cd "$WORK" && BACKSTAGE_APP_NAME=stalwart-adopter npx -y "$CREATE_APP" --path app --skip-install </dev/null)
echo "created: Backstage $(jq -r .version "$APP/backstage.json")"

step "upgrade it to Backstage $RELEASE (versions from the registry, see the README)"
REPO_ROOT="$APP" node "$ROOT/scripts/backstage-release-versions.mjs" "$RELEASE" "$ANCHOR" --write >/dev/null

step "registry workarounds and the packed tarballs"
# The partial mirror's platform binaries (README "Machine notes"); the common package is not on
# the registry yet, so the tarball stands in for it wherever it is depended on; keytar (optional,
# needs libsecret) is not built, as in this repository.
jq --slurpfile ours "$ROOT/package.json" --arg common "file:$PACKS/stalwart-common.tgz" \
  '.resolutions = ((.resolutions // {}) + ($ours[0].resolutions | with_entries(select(.key | test("swc|unrs|rollup|got")))) + {"@stalwart-backstage/plugin-stalwart-common": $common}) | .dependenciesMeta = ((.dependenciesMeta // {}) + $ours[0].dependenciesMeta)' \
  "$APP/package.json" >"$APP/package.json.new" && mv "$APP/package.json.new" "$APP/package.json"
cd "$APP"
APP_YARN="$APP/.yarn/releases/$(ls "$APP/.yarn/releases" | head -n 1)"
ay() { node "$APP_YARN" "$@"; }
ay install >"$WORK/install.log" 2>&1 || { tail -30 "$WORK/install.log"; fail "yarn install of the upgraded app"; }
ay --cwd packages/backend add "@stalwart-backstage/plugin-stalwart-backend@file:$PACKS/stalwart-backend.tgz" \
  "@stalwart-backstage/plugin-scaffolder-backend-module-stalwart@file:$PACKS/scaffolder-backend-module-stalwart.tgz" >>"$WORK/install.log" 2>&1 ||
  { tail -30 "$WORK/install.log"; fail "adding the backend packages"; }
ay --cwd packages/app add "@stalwart-backstage/plugin-stalwart@file:$PACKS/stalwart.tgz" >>"$WORK/install.log" 2>&1 ||
  { tail -30 "$WORK/install.log"; fail "adding the frontend package"; }

step "wire the backend features"
sed -i "s#^backend.start();#backend.add(import('@stalwart-backstage/plugin-stalwart-backend'));\nbackend.add(import('@stalwart-backstage/plugin-scaffolder-backend-module-stalwart'));\nbackend.start();#" \
  packages/backend/src/index.ts
grep -q plugin-stalwart-backend packages/backend/src/index.ts || fail "backend wiring"

step "type check and build"
ay tsc || fail "tsc of the app"
ay build:backend >"$WORK/build-backend.log" 2>&1 || { tail -30 "$WORK/build-backend.log"; fail "backend build"; }
(cd packages/app && ay backstage-cli package build) >"$WORK/build-app.log" 2>&1 || { tail -30 "$WORK/build-app.log"; fail "frontend build"; }
grep -rlq "Mail server" packages/app/dist/static || fail "the app bundle has no Mail server tab"

step "start the simulator and the backend against it"
SIM_PORT=$(node -e 's=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')
(cd "$ROOT" && node "$ROOT_YARN" sim --http --port "$SIM_PORT") >"$WORK/sim.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 60); do grep -q "default cluster" "$WORK/sim.log" && break; sleep 1; done
TOKEN=$(sed -n 's/.*default cluster: .*(token \(.*\))/\1/p' "$WORK/sim.log")
[ -n "$TOKEN" ] || { cat "$WORK/sim.log"; fail "simulator did not start"; }
BACKEND_PORT=$(node -e 's=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')
cat >app-config.local.yaml <<YAML
backend:
  baseUrl: http://localhost:$BACKEND_PORT
  listen:
    port: $BACKEND_PORT
  auth:
    externalAccess:
      - type: static
        options:
          token: verify-install-token-0123456789
          subject: verify-install
kubernetes:
  serviceLocatorMethods:
    - type: multiTenant
  clusterLocatorMethods:
    - type: config
      clusters:
        - name: simulated
          url: http://127.0.0.1:$SIM_PORT
          authProvider: serviceAccount
          serviceAccountToken: $TOKEN
catalog:
  locations:
    - type: file
      target: $ROOT/templates/stalwart-instance/template.yaml
      rules:
        - allow: [Template]
YAML
(node packages/backend --config app-config.yaml --config app-config.local.yaml) >"$WORK/backend.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 120); do curl -fs "http://localhost:$BACKEND_PORT/.backstage/health/v1/readiness" >/dev/null && break; sleep 1; done
curl -fs "http://localhost:$BACKEND_PORT/.backstage/health/v1/readiness" >/dev/null || { tail -40 "$WORK/backend.log"; fail "backend did not start"; }

step "check the installed plugins"
STATUS=/api/stalwart/v1/entities/default/component/stalwart/status
code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$BACKEND_PORT$STATUS")
[ "$code" = 401 ] || fail "status without a token answered $code, not 401"
auth=(-H "Authorization: Bearer verify-install-token-0123456789")
code=$(curl -s -o "$WORK/status.json" -w '%{http_code}' "${auth[@]}" "http://localhost:$BACKEND_PORT$STATUS")
[ "$code" != 401 ] && [ "$code" != 500 ] || { cat "$WORK/status.json"; fail "status with a token answered $code"; }
curl -fs "${auth[@]}" "http://localhost:$BACKEND_PORT/api/catalog/entities/by-name/template/default/stalwart-instance" >/dev/null ||
  fail "the Stalwart template is not in the catalog"
step "verify-install passed in $(($(date +%s) - started))s"
