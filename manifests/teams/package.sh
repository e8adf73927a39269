#!/usr/bin/env bash
# Builds RevBot's Teams app package: fills in the placeholders of manifest.json and zips it with the two icons.
#
#   manifests/teams/package.sh BOT_ID [OUTPUT.zip]
#
# BOT_ID is the bot's Microsoft App ID (also read from $BOT_ID or $Teams__AppId). Optional environment:
#   TEAMS_APP_ID  the Teams app's own id (a GUID; give each deployment sideloaded in one tenant its own)
#   PUBLIC_URL    https address of your RevBot deployment, shown as the developer's website (privacy, terms below it)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
bot_id="${1:-${BOT_ID:-${Teams__AppId:-}}}"
out="${2:-$here/build/revbot-teams.zip}"
app_id="${TEAMS_APP_ID:-87eff6f7-4cfa-4b35-a86d-d1b7e3998781}"
public_url="${PUBLIC_URL:-https://www.example.com/revbot}"
public_url="${public_url%/}"

guid='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'
if [[ ! $bot_id =~ $guid ]]; then
  echo "package.sh: give the bot's Microsoft App ID (a GUID) as the first argument or in BOT_ID." >&2
  exit 2
fi
if [[ ! $app_id =~ $guid ]]; then
  echo "package.sh: TEAMS_APP_ID must be a GUID." >&2
  exit 2
fi
if [[ ! $public_url =~ ^https:// || $public_url == *'|'* ]]; then
  echo "package.sh: PUBLIC_URL must be an https address." >&2
  exit 2
fi
command -v zip >/dev/null || { echo "package.sh: needs zip (apt-get install zip)." >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed -e "s|\${{BOT_ID}}|$bot_id|g" \
    -e "s|\${{TEAMS_APP_ID}}|$app_id|g" \
    -e "s|\${{PUBLIC_URL}}|$public_url|g" \
    "$here/manifest.json" > "$work/manifest.json"
if grep -q '\${{' "$work/manifest.json"; then
  echo "package.sh: manifest.json still has a placeholder: $(grep -o '\${{[A-Z_]*}}' "$work/manifest.json" | head -n 1)" >&2
  exit 1
fi
cp "$here/color.png" "$here/outline.png" "$work/"

mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
rm -f "$out"
(cd "$work" && zip -q -X "$out" manifest.json color.png outline.png)
echo "$out"
