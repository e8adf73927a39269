#!/usr/bin/env bash
# Redraws the card pictures docs/teams.md and docs/slack.md show (docs/images/*.png): runs CardScreenshotTests, which
# draw every card kind from the demo company in headless Chromium (docs/testing.md, "Card screenshots"), and copies the
# main cards at 500 px. pngquant, when installed, shrinks each picture to a few tens of KB.
# Usage: scripts/card-pictures.sh   (needs node, tests/conformance/node_modules and /usr/bin/chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
REVBOT_TEST_ARTIFACTS="$out" dotnet test tests/RevBot.IntegrationTests --nologo -v q \
  --filter "FullyQualifiedName~RevBot.IntegrationTests.Screenshots.CardScreenshotTests" || status=$?
shots="$out/card-screenshots"
[ -f "$shots/report.json" ] || { echo "no screenshots were taken (see the test output above)" >&2; exit 1; }

mkdir -p docs/images
for platform in teams slack; do
  for kind in answer list deal alert-summary digest-sales; do
    target="docs/images/$platform-$kind.png"
    if command -v pngquant >/dev/null 2>&1; then
      pngquant --quality 60-85 --speed 1 --strip --force --output "$target" 32 "$shots/$kind.$platform.en.500.png"
    else
      cp "$shots/$kind.$platform.en.500.png" "$target"
    fi
    echo "$target ($(wc -c <"$target") bytes)"
  done
done
# A failing check still leaves its pictures (they show what is wrong); say so and fail.
[ "$status" -eq 0 ] || echo "CardScreenshotTests failed: the pictures were copied, but read the failures above" >&2
exit "$status"
