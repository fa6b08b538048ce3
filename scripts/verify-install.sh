#!/usr/bin/env bash
# The adoption test: installs the packed plugins into a brand-new Backstage app exactly as the
# README's "Install into your Backstage" section says, builds it and checks it against the
# simulated clusters. Exits non-zero on the first failure.
#
# The new app (create-app, upgraded to the release, dependencies installed: the slow part) is
# kept in .cache/verify-install/ under a key of everything that shapes it, and reset to that
# state with git before each run; only the plugins' tarballs are installed anew. KEEP=1 keeps the
# run's logs and tarballs; VERIFY_INSTALL_CACHE moves the cache.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/env.sh
source "$ROOT/scripts/lib/env.sh"
ROOT_YARN="$YARN_JS"
# The script writes the new app's lockfile; with CI=true Yarn would refuse to (immutable installs).
export YARN_ENABLE_IMMUTABLE_INSTALLS=false

RELEASE=1.57.0
ANCHOR=@backstage/frontend-plugin-api@1.0.0
CREATE_APP=@backstage/create-app@0.9.2
WORK="$(mktemp -d /tmp/stalwart-verify-install.XXXXXX)"
PACKS="$WORK/packs"
# Outside the checkout, so fresh clones on one machine (CI) share the installed app.
CACHE="${VERIFY_INSTALL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/stalwart-backstage/verify-install}"
PIDS=()
started=$(date +%s)
last=$started

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ "${KEEP:-}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
step() {
  local now
  now=$(date +%s)
  echo "━━ [$((now - started))s, previous step $((now - last))s] $*"
  last=$now
}
fail() {
  echo "✘ verify-install: $*" >&2
  exit 1
}
freePort() { node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# The publishable plugins: every plugins/*/package.json that is not private.
PLUGIN_DIRS=()
for manifest in "$ROOT"/plugins/*/package.json; do
  [ "$(jq -r '.private // false' "$manifest")" = true ] || PLUGIN_DIRS+=("$(dirname "$manifest")")
done
[ "${#PLUGIN_DIRS[@]}" -gt 0 ] || fail "no publishable package under plugins/"

step "pack ${#PLUGIN_DIRS[@]} plugins from their build output: ${PLUGIN_DIRS[*]##*/}"
(cd "$ROOT" && node "$ROOT_YARN" tsc)
mkdir -p "$PACKS"
# The builds are independent (each reads the declarations tsc just wrote): two at a time.
printf '%s\n' "${PLUGIN_DIRS[@]}" | xargs -P 2 -I{} sh -c \
  'cd "{}" && node "$1" backstage-cli package build >"$2/build-$(basename "{}").log" 2>&1 || echo "{}" >>"$2/build-failed"' \
  _ "$ROOT_YARN" "$WORK"
if [ -s "$WORK/build-failed" ]; then
  while read -r dir; do tail -30 "$WORK/build-${dir##*/}.log"; done <"$WORK/build-failed"
  fail "building $(xargs -n1 basename <"$WORK/build-failed" | tr '\n' ' ')"
fi
for dir in "${PLUGIN_DIRS[@]}"; do
  (cd "$dir" && node "$ROOT_YARN" pack --out "$PACKS/${dir##*/}.tgz" >/dev/null) || fail "packing ${dir##*/}"
  contents=$(tar -tzf "$PACKS/${dir##*/}.tgz")
  grep -q '^package/dist/index' <<<"$contents" || fail "${dir##*/}: the tarball has no dist/"
  # prepack compiles config.d.ts into the JSON schema the config loader reads, as Backstage's
  # own packages ship it.
  if [ -f "$dir/config.d.ts" ]; then
    grep -q '^package/config.schema.json$' <<<"$contents" &&
      tar -xzOf "$PACKS/${dir##*/}.tgz" package/package.json | jq -e '.configSchema == "config.schema.json"' >/dev/null ||
      fail "${dir##*/}: the tarball has no config schema"
  fi
done

# The registry workarounds of this repository (README "Machine notes") for the app's lockfile:
# the pinned parents of platform binaries the mirror lacks, and keytar left unbuilt.
WORKAROUNDS=$(jq -c '{resolutions: (.resolutions | with_entries(select(.key | test("swc|unrs|rollup|got")))), dependenciesMeta}' "$ROOT/package.json")
KEY=$(printf '%s\n' "$CREATE_APP" "$RELEASE" "$ANCHOR" "$WORKAROUNDS" "$(node --version)" "$(sha256sum <"$ROOT/scripts/backstage-release-versions.mjs")" | sha256sum | cut -c1-16)
APP="$CACHE/app-$KEY"
mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9 # one run at a time uses the cached app

# The app's own repository, never the one around it (create-app skips `git init` inside one).
appGit() { git --git-dir="$APP/.git" --work-tree="$APP" "$@"; }
if [ -f "$APP/.verify-install-ready" ] && appGit rev-parse -q --verify pristine >/dev/null 2>&1; then
  step "reuse the new app made earlier ($APP), reset to its state after install"
  appGit reset -q --hard pristine
  appGit clean -qfdx -e node_modules -e .yarn -e .verify-install-ready
else
  find "$CACHE" -mindepth 1 -maxdepth 1 -name 'app-*' -exec rm -rf {} +
  step "create a new app with $CREATE_APP"
  (cd "$CACHE" && BACKSTAGE_APP_NAME=stalwart-adopter npx -y "$CREATE_APP" --path "app-$KEY" --skip-install </dev/null) \
    >"$WORK/create-app.log" 2>&1 || { tail -30 "$WORK/create-app.log"; fail "create-app"; }
  echo "created: Backstage $(jq -r .version "$APP/backstage.json")"

  step "upgrade it to Backstage $RELEASE (versions from the registry, see the README)"
  REPO_ROOT="$APP" node "$ROOT/scripts/backstage-release-versions.mjs" "$RELEASE" "$ANCHOR" --write >/dev/null
  jq --argjson w "$WORKAROUNDS" '.resolutions = ((.resolutions // {}) + $w.resolutions) | .dependenciesMeta = ((.dependenciesMeta // {}) + $w.dependenciesMeta)' \
    "$APP/package.json" >"$APP/package.json.new" && mv "$APP/package.json.new" "$APP/package.json"

  step "install the app's dependencies"
  (cd "$APP" && node "$APP/.yarn/releases/$(ls "$APP/.yarn/releases" | head -n 1)" install) >"$WORK/install.log" 2>&1 ||
    { tail -30 "$WORK/install.log"; fail "yarn install of the upgraded app"; }
  rm -rf "$APP/.git"
  git init -q "$APP"
  appGit add -A
  appGit -c user.name=verify-install -c user.email=verify-install@localhost commit -qm "Backstage $RELEASE app, installed" --no-verify
  appGit tag -f pristine >/dev/null
  touch "$APP/.verify-install-ready"
fi
[ "$(jq -r .version "$APP/backstage.json")" = "$RELEASE" ] || fail "the app is not on Backstage $RELEASE"

cd "$APP"
APP_YARN="$APP/.yarn/releases/$(ls "$APP/.yarn/releases" | head -n 1)"
ay() { node "$APP_YARN" "$@"; }

step "README step 2: add the packages (the tarballs stand in for the registry)"
# Until the packages are on the registry, every one of them resolves to its tarball, including
# where the plugins depend on each other; the ranges written into package.json are the ones a
# registry install writes.
RESOLUTIONS="{}"
for dir in "${PLUGIN_DIRS[@]}"; do
  RESOLUTIONS=$(jq -c --arg name "$(jq -r .name "$dir/package.json")" --arg tgz "file:$PACKS/${dir##*/}.tgz" '. + {($name): $tgz}' <<<"$RESOLUTIONS")
done
jq --argjson ours "$RESOLUTIONS" '.resolutions += $ours' package.json >package.json.new && mv package.json.new package.json
range() { echo "$1@^$(jq -r .version "$ROOT/plugins/$2/package.json")"; }
ay --cwd packages/backend add "$(range @stalwart-backstage/plugin-stalwart-backend stalwart-backend)" \
  "$(range @stalwart-backstage/plugin-scaffolder-backend-module-stalwart scaffolder-backend-module-stalwart)" >"$WORK/add.log" 2>&1 ||
  { tail -30 "$WORK/add.log"; fail "adding the backend packages"; }
ay --cwd packages/app add "$(range @stalwart-backstage/plugin-stalwart stalwart)" >>"$WORK/add.log" 2>&1 ||
  { tail -30 "$WORK/add.log"; fail "adding the frontend package"; }

step "README steps 3 and 4: wire the backend features; the app discovers the frontend plugin"
sed -i "s#^backend.start();#backend.add(import('@stalwart-backstage/plugin-stalwart-backend'));\nbackend.add(\n  import('@stalwart-backstage/plugin-scaffolder-backend-module-stalwart'),\n);\n\nbackend.start();#" \
  packages/backend/src/index.ts
grep -q "import('@stalwart-backstage/plugin-stalwart-backend')" packages/backend/src/index.ts || fail "backend wiring"
grep -q '^  packages: all' app-config.yaml || fail "the new app does not discover frontend packages (app.packages: all)"

step "type check"
ay tsc >"$WORK/tsc.log" 2>&1 || { tail -40 "$WORK/tsc.log"; fail "tsc of the app"; }

step "build the backend, and with it the frontend it serves"
ay build:backend >"$WORK/build-backend.log" 2>&1 || { tail -30 "$WORK/build-backend.log"; fail "backend build"; }
grep -rlq "Mail server" packages/app/dist/static || fail "the app bundle has no Mail server tab"

step "start the simulated clusters (demo scenario) and the built backend against them"
SIM_PORT=$(freePort)
(cd "$ROOT" && node "$ROOT_YARN" sim --scenario tools/simulator/scenarios/demo --port "$SIM_PORT") >"$WORK/sim.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 90); do grep -q "control API" "$WORK/sim.log" && break; sleep 1; done
grep -q "control API" "$WORK/sim.log" || { cat "$WORK/sim.log"; fail "the simulator did not start"; }
CLUSTERS=$(sed -n 's/^  cluster \([^:]*\): \([^ ]*\)  (token \(.*\))$/        - name: \1\n          url: \2\n          authProvider: serviceAccount\n          serviceAccountToken: \3\n          skipTLSVerify: true\n          skipMetricsLookup: true/p' "$WORK/sim.log")
[ -n "$CLUSTERS" ] || { cat "$WORK/sim.log"; fail "the simulator printed no cluster"; }
BACKEND_PORT=$(freePort)
TOKEN=verify-install-token-0123456789
# README step 5's keys, with the simulator's clusters and the template and demo entities read
# from this checkout instead of a git host.
cat >app-config.local.yaml <<YAML
backend:
  baseUrl: http://localhost:$BACKEND_PORT
  listen:
    port: $BACKEND_PORT
  auth:
    externalAccess:
      - type: static
        options:
          token: $TOKEN
          subject: verify-install
kubernetes:
  serviceLocatorMethod:
    type: multiTenant
  clusterLocatorMethods:
    - type: config
      clusters:
$CLUSTERS
stalwart:
  credentials:
    default:
      secretName: backstage-stalwart-api-key
      key: apiKey
catalog:
  locations:
    - type: file
      target: $ROOT/templates/stalwart-instance/template.yaml
      rules:
        - allow: [Template]
    - type: file
      target: $ROOT/examples/stalwart-demo.yaml
      rules:
        - allow: [Component, System]
YAML
# The built backend is the bundle an image ships (packages/backend/dist/bundle.tar.gz), unpacked
# inside the app so it resolves the app's installed node_modules, where an image would have its
# production install.
mkdir -p .verify-install-run && tar -xzf packages/backend/dist/bundle.tar.gz -C .verify-install-run
(node .verify-install-run/packages/backend --config app-config.yaml --config app-config.local.yaml) >"$WORK/backend.log" 2>&1 &
PIDS+=($!)
BASE="http://localhost:$BACKEND_PORT"
for _ in $(seq 180); do curl -fs "$BASE/.backstage/health/v1/readiness" >/dev/null && break; sleep 1; done
curl -fs "$BASE/.backstage/health/v1/readiness" >/dev/null || { tail -40 "$WORK/backend.log"; fail "the backend did not start"; }

step "check the installed plugins"
auth=(-H "Authorization: Bearer $TOKEN")
curl -fs "$BASE/api/stalwart/health" | jq -e '.status == "ok"' >/dev/null || fail "/api/stalwart/health did not answer ok"
STATUS=/api/stalwart/v1/entities/default/component/stalwart/status
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$STATUS")
[ "$code" = 401 ] || fail "the status route answered $code without a token, not 401"
for _ in $(seq 60); do
  curl -fs "${auth[@]}" "$BASE/api/catalog/entities/by-name/component/default/stalwart" >/dev/null && break
  sleep 1
done
curl -fs "${auth[@]}" "$BASE/api/catalog/entities/by-name/template/default/stalwart-instance" >/dev/null ||
  fail "the Stalwart template is not in the catalog"
code=$(curl -s -o "$WORK/status.json" -w '%{http_code}' "${auth[@]}" "$BASE$STATUS")
[ "$code" = 200 ] || { cat "$WORK/status.json"; fail "the status route answered $code with a token"; }
jq -e '.clusters[0].data == "live" and .clusters[0].cluster == "homelab" and .clusters[0].workload.replicas.ready >= 1' "$WORK/status.json" >/dev/null ||
  { jq . "$WORK/status.json" | head -40; fail "the status of the demo instance shows no ready workload"; }
echo "status of component:default/stalwart: $(jq -c '{verdict, cluster: .clusters[0].cluster, data: .clusters[0].data, ready: .clusters[0].workload.replicas.ready}' "$WORK/status.json")"
step "verify-install passed in $(($(date +%s) - started))s"
