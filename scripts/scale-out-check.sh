#!/usr/bin/env bash
# Scale-out check (docs/deploy.md, "Scale-out"): two real `revbot serve` processes on one PostgreSQL database and one
# fake Slack. The same Slack event goes to both at once (the second as Slack's retry), and both instances' digest
# schedulers, alert scans and outbox dispatchers run. Exits non-zero if anything was processed twice or not at all.
#
#   scripts/scale-out-check.sh [path/to/revbot.dll]
#
# Without an argument it publishes src/RevBot.Host into a temporary folder first. PostgreSQL is reached with the usual
# PGHOST, PGPORT, PGUSER, PGPASSWORD (default 127.0.0.1:5432, revbot/revbot: a user allowed to create databases); the
# check creates its own database and drops it afterwards. Needs dotnet, node, psql and curl.
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-revbot}" PGPASSWORD="${PGPASSWORD:-revbot}"
readonly secret="scale-out-signing-secret"
readonly question_channel=CSCALEQ alert_channel=CSCALEALERTS digest_channel=CSCALEDIGEST
readonly deadline=120 quiet=8

start=$(date +%s)
log() { printf '[scale-out %3ss] %s\n' "$(( $(date +%s) - start ))" "$*"; }
work=$(mktemp -d)
db="revbot_scaleout_$(date +%s)_$$"
pids=()

cleanup() {
  local code=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
  exit "$code"
}
trap cleanup EXIT

fail() {
  echo "scale-out check FAILED: $*" >&2
  for name in a b; do
    [ -f "$work/$name.log" ] && { echo "--- instance ${name^^}, last 40 lines ---" >&2; tail -n 40 "$work/$name.log" >&2; }
  done
  exit 1
}

q() { psql -X -v ON_ERROR_STOP=1 -Atq -d "$db" -c "$1"; }
count() { grep -c -- "$1" "$2" || true; }
# Messages the fake Slack received: all of them, or those to channel $1.
posts() { curl -fsS "http://127.0.0.1:$slack_port/_count${1:+?channel=$1}"; }

# Polls `$2…` (a command) once a second until it succeeds; fails with `$1` after the deadline.
wait_until() {
  local what=$1; shift
  local until=$(( $(date +%s) + deadline ))
  until "$@"; do
    [ "$(date +%s)" -lt "$until" ] || fail "not within ${deadline}s: $what"
    sleep 1
  done
}

# --- the binary -----------------------------------------------------------------------------------------------------
if [ $# -ge 1 ]; then
  dll=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
else
  log "publishing src/RevBot.Host"
  dotnet publish src/RevBot.Host/RevBot.Host.csproj -c Release -o "$work/bin" --nologo -v quiet >/dev/null
  dll=$work/bin/revbot.dll
fi
[ -f "$dll" ] || fail "$dll does not exist"
bindir=$(dirname "$dll")
revbot() { (cd "$bindir" && dotnet "$dll" "$@"); }
conn="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$db"

# --- the database: migrated by two instances at once, then a small demo company -------------------------------------
psql -X -v ON_ERROR_STOP=1 -q -d postgres -c "CREATE DATABASE \"$db\"" >/dev/null
log "database $db: two \`revbot db migrate\` at once"
revbot db migrate --db "$conn" >"$work/migrate-a.log" 2>&1 & ma=$!
revbot db migrate --db "$conn" >"$work/migrate-b.log" 2>&1 & mb=$!
wait "$ma" || fail "the first migrate failed: $(cat "$work/migrate-a.log")"
wait "$mb" || fail "the second migrate failed: $(cat "$work/migrate-b.log")"
revbot seed --db "$conn" --scale 0.02 >"$work/seed.log" 2>&1 || fail "seed failed: $(cat "$work/seed.log")"
asker=$(q "SELECT u.email FROM deals d JOIN users u ON u.id = d.owner_id WHERE d.close_date IS NOT NULL GROUP BY u.email ORDER BY count(*) DESC, u.email LIMIT 1")

# Due the moment the instances start, so both race for them: a channel subscribed to alerts with the last scan two
# hours ago (Alerts:ScanInterval is an hour), and a daily sales digest whose time came 30 minutes ago.
q "INSERT INTO alert_subscriptions (platform, channel_id, kinds, created_at, active)
   VALUES ('slack', '$alert_channel', 'stalled_deal,churn_risk', now(), true);
   INSERT INTO alert_scan_runs (started_at, finished_at, found, new_alerts, resolved, messages)
   VALUES (now() - interval '2 hours', now() - interval '2 hours', 0, 0, 0, 0);"
slot=$(q "SELECT to_char(date_trunc('minute', now() AT TIME ZONE 'UTC') - interval '30 minutes', 'MI HH24')")
schedule=$(q "INSERT INTO digest_schedules (platform, channel_id, kind, cron, time_zone, language, skip_if_empty, created_by, created_at, updated_at, active)
   VALUES ('slack', '$digest_channel', 'sales', '$(( 10#${slot% *} )) $(( 10#${slot#* } )) * * *', 'UTC', 'en', false, '$asker', now() - interval '1 hour', now() - interval '1 hour', true)
   RETURNING id")

# --- the fake Slack and the two instances ---------------------------------------------------------------------------
node scripts/scale-out-fake-slack.mjs "$work" "$asker" >"$work/slack.log" 2>&1 & pids+=($!)
wait_until "the fake Slack listens" test -s "$work/slack.port"
slack_port=$(cat "$work/slack.port")

mkdir "$work/no-secrets"
serve() {
  (cd "$bindir" && exec env REVBOT_SECRETS_DIR="$work/no-secrets" \
    Database__Target="$conn" Slack__SigningSecret="$secret" Slack__BotToken=xoxb-scale-out \
    Slack__ApiBaseUrl="http://127.0.0.1:$slack_port/api/" Company__TimeZone=UTC \
    Digests__Interval=00:00:05 Outbox__PollInterval=00:00:00.2 Outbox__BatchSize=1 \
    Alerts__ChannelHourlyCap=4 Alerts__QuietHoursStart=00:00 Alerts__QuietHoursEnd=00:00 \
    dotnet "$dll" serve --urls http://127.0.0.1:0 --migrate) >"$work/$1.log" 2>&1 &
  pids+=($!)
}
listening() { grep -o 'Now listening on: http://127.0.0.1:[0-9]*' "$work/$1.log" 2>/dev/null | head -n 1 | sed 's/.*://'; }
ready() { local port; port=$(listening "$1"); [ -n "$port" ] && curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz"; }
log "starting instances A and B"
serve a
serve b
wait_until "instance A is ready" ready a
wait_until "instance B is ready" ready b
port_a=$(listening a) port_b=$(listening b)
log "A on :$port_a, B on :$port_b"

# --- one Slack event, delivered to A and retried onto B at the same moment --------------------------------------------
event_id=EvSCALEOUT$$
body='{"type":"event_callback","team_id":"T1","api_app_id":"A1","event_id":"'$event_id'","event_time":1700000000,"event":{"type":"app_mention","channel":"'$question_channel'","user":"UREP0001","text":"<@UBOT0001> win rate this quarter","ts":"1700000500.000100"}}'
post_event() {
  local port=$1 retry=$2 ts sig headers=()
  [ -z "$retry" ] || headers=(-H "X-Slack-Retry-Num: $retry" -H "X-Slack-Retry-Reason: http_timeout")
  ts=$(date +%s)
  # Slack's signature: HMAC-SHA256 of "v0:<timestamp>:<body>" with the signing secret.
  sig="v0=$(node -e 'process.stdout.write(require("node:crypto").createHmac("sha256", process.argv[1]).update(`v0:${process.argv[2]}:${process.argv[3]}`).digest("hex"))' "$secret" "$ts" "$body")"
  curl -sS -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/slack/events" \
    -H 'Content-Type: application/json' -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $sig" \
    "${headers[@]}" --data-binary "$body"
}
post_event "$port_a" "" >"$work/ack-a" & ack_a=$!
post_event "$port_b" 1 >"$work/ack-b" & ack_b=$!
wait "$ack_a" "$ack_b"
[ "$(cat "$work/ack-a") $(cat "$work/ack-b")" = "200 200" ] || fail "the event was not acknowledged by both: $(cat "$work/ack-a") $(cat "$work/ack-b")"

skipped="Slack event $event_id was already taken"
answered_or_doubled() {
  local answers; answers=$(posts "$question_channel")
  [ "$answers" -gt 1 ] || { [ "$answers" -ge 1 ] && [ $(( $(count "$skipped" "$work/a.log") + $(count "$skipped" "$work/b.log") )) -ge 1 ]; }
}
wait_until "one instance answers the event and the other skips it" answered_or_doubled

# --- the digest and the alerts: wait until everything is out, then for a quiet while -----------------------------------
settled() {
  local posted scans rows unsent
  read -r posted scans rows unsent < <(q "SELECT (SELECT count(*) FROM digest_slot_claims WHERE schedule_id = $schedule AND outcome = 'posted'),
    (SELECT count(*) FROM alert_scan_runs), (SELECT count(*) FROM outbox_messages), (SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL)" | tr '|' ' ')
  [ "$posted" -ge 1 ] && [ "$scans" -ge 2 ] && [ "$rows" -gt 0 ] && [ "$unsent" -eq 0 ] && [ "$(posts)" -ge $(( rows + 1 )) ]
}
wait_until "the digest is posted, the alert scan recorded and every outbox row sent" settled
snapshot() {
  echo "$(q "SELECT (SELECT count(*) FROM outbox_messages) || ' rows, ' || (SELECT count(sent_at) FROM outbox_messages) || ' sent; '
    || (SELECT count(*) FROM digest_slot_claims) || ' claims; ' || (SELECT count(*) FROM alert_scan_runs) || ' scans'"); $(posts) posts"
}
before=$(snapshot)
log "all out ($before); watching ${quiet}s for anything more"
quiet_until=$(( $(date +%s) + quiet ))
while [ "$(date +%s)" -lt "$quiet_until" ]; do
  now=$(snapshot)
  [ "$now" = "$before" ] || fail "more arrived after everything was out: '$before' became '$now'"
  sleep 1
done

# --- each thing once ------------------------------------------------------------------------------------------------
expect() { [ "$2" = "$3" ] || fail "$1: expected $3, got $2"; }
expect "answers to the event" "$(posts "$question_channel")" 1
expect "instances that skipped the retry" "$(( $(count "$skipped" "$work/a.log") + $(count "$skipped" "$work/b.log") ))" 1
expect "claims of the digest slot" "$(q "SELECT count(*) || ' ' || min(outcome) FROM digest_slot_claims WHERE schedule_id = $schedule")" "1 posted"
expect "digest outbox rows" "$(q "SELECT count(*) FROM outbox_messages WHERE kind = 'digest'")" 1
expect "digests posted to the channel" "$(posts "$digest_channel")" 1
expect "alert scans (the seeded one and one real)" "$(q "SELECT count(*) FROM alert_scan_runs")" 2
expect "alerts recorded twice" "$(q "SELECT count(*) FROM (SELECT 1 FROM alerts GROUP BY kind, subject_id, reason_code HAVING count(*) > 1) d")" 0
alert_rows=$(q "SELECT count(*) FROM outbox_messages WHERE kind = 'alert' AND channel_id = '$alert_channel'")
[ "$alert_rows" -ge 1 ] || fail "the subscribed channel got no alert message"
expect "alert messages posted to the channel" "$(posts "$alert_channel")" "$alert_rows"
expect "people with two alert direct messages" "$(q "SELECT count(*) FROM (SELECT 1 FROM outbox_messages WHERE kind = 'alert' AND recipient_user_id IS NOT NULL GROUP BY recipient_user_id HAVING count(*) > 1) d")" 0
expect "outbox rows not sent exactly once" "$(q "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL OR failed_at IS NOT NULL OR attempts <> 1")" 0
rows=$(q "SELECT count(*) FROM outbox_messages")
expect "Slack posts (the answer and one per outbox row)" "$(posts)" "$(( rows + 1 ))"
expect "Slack posts with a body posted before" "$(curl -fsS "http://127.0.0.1:$slack_port/_duplicates")" 0
expect "errors logged by A and B" "$(count '"LogLevel":"Error"' "$work/a.log") $(count '"LogLevel":"Error"' "$work/b.log")" "0 0"

sent_a=$(count 'sent through slack' "$work/a.log") sent_b=$(count 'sent through slack' "$work/b.log")
answered_by=$([ "$(count "$skipped" "$work/a.log")" = 1 ] && echo B || echo A)
log "passed: 1 answer (by $answered_by; the other skipped the retry), 1 digest, $(( rows - 1 )) alert messages; outbox rows sent by A: $sent_a, by B: $sent_b"
