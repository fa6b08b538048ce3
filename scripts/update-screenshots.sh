#!/usr/bin/env bash
# Refreshes the README's screenshots (1280 px, light and dark) from the end-to-end run.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$ROOT"

yarn playwright test instancePage settingsDrift keepLiveValue fleetPage createInstance
shots=test-results/screenshots
for theme in light dark; do
  cp "$shots/instance-v015-$theme.png" "docs/images/mail-server-tab-v015-$theme.png"
  cp "$shots/instance-v016-$theme.png" "docs/images/mail-server-tab-v016-$theme.png"
  cp "$shots/drift-$theme.png" "docs/images/settings-drift-$theme.png"
  cp "$shots/keep-live-value-$theme.png" "docs/images/keep-live-value-$theme.png"
  cp "$shots/fleet-$theme.png" "docs/images/fleet-page-$theme.png"
done
cp "$shots/template-review.png" docs/images/template-preview.png
cp "$shots/template-review-dark.png" docs/images/template-preview-dark.png
for step in proposed merge-preview running; do
  cp "$shots/lifecycle-$step.png" "docs/images/lifecycle-$step.png"
done
echo "Updated the README's screenshots in docs/images/"
