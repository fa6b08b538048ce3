#!/usr/bin/env bash
# Refreshes the README's screenshots from the end-to-end run against the demo.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$ROOT"
yarn playwright test instancePage settingsDrift
cp test-results/screenshots/instance-v016.png docs/images/mail-server-tab.png
cp test-results/screenshots/drift.png docs/images/settings-drift.png
echo "Updated docs/images/mail-server-tab.png and docs/images/settings-drift.png"
