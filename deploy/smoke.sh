#!/usr/bin/env bash
# Smoke test of the built jar, run exactly as the container image runs it: the Dockerfile's
# ENTRYPOINT, CMD, ENV and USER, after its class-archive training step (all read by
# deploy/image-command.py, so the two cannot drift), a clean environment, and a read-only copy of
# the catalog at CATALOG_DIR. A fake Slack Web API on
# 127.0.0.1 answers auth.test. It checks /healthz and /readyz, answers a signed slash command with
# tools/slack-curl.sh, refuses a badly signed one, checks /metrics and the JSON logs, then sends
# SIGTERM and expects exit code 0. The agenda is kept in a SQLite file in DATA_DIR, the image's
# volume: a folder of its own here, owned by the image's user as a fresh volume is.
#
#   mvn -q -B package -DskipTests && deploy/smoke.sh
#
# What differs from the container: PORT is a free port rather than 3000 (so it can run beside
# anything), and the user is UID 10001 only when run as root with setpriv available.
# Needs bash, python3, curl and openssl. Touches nothing outside a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/istiocon-bot.jar
if [[ ! -f $jar ]]; then
  echo "smoke: $jar is missing; build it with: mvn -q -B package -DskipTests" >&2
  exit 1
fi

work=$(mktemp -d)
chmod 755 "$work"
bot_pid='' fake_pid=''
cleanup() {
  [[ -n $bot_pid ]] && kill -KILL "$bot_pid" 2>/dev/null || true
  [[ -n $fake_pid ]] && kill "$fake_pid" 2>/dev/null || true
  chmod -R u+w "$work" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

pass() { echo "smoke: ok   $*"; }
fail() {
  echo "smoke: FAIL $*" >&2
  if [[ -s $work/stderr ]]; then
    echo "--- the bot's stderr (last 20 lines) ---" >&2
    tail -20 "$work/stderr" >&2
  fi
  exit 1
}

# Waits (at most $1 tenths of a second) until the command after it succeeds.
wait_for() {
  local tries=$1
  shift
  for ((i = 0; i < tries; i++)); do
    if "$@"; then return 0; fi
    sleep 0.1
  done
  return 1
}

# A read-only catalog, as a ConfigMap mount is: the bot must never need to write there.
cp -R catalog "$work/catalog"
chmod -R a-w "$work/catalog"

python3 deploy/fake-slack.py "$work/slack.log" >"$work/slack.port" &
fake_pid=$!
wait_for 100 test -s "$work/slack.port" || fail "the fake Slack did not start"
slack_port=$(head -1 "$work/slack.port")

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
token="xoxb-smoke-$RANDOM$RANDOM-token"
secret="smoke-signing-$RANDOM$RANDOM-secret"

env_vars=() command=() train_env=() train=() user=''
while read -r kind rest; do
  case $kind in
    env) [[ $rest == PORT=* ]] || env_vars+=("$rest") ;; # a free port instead, below
    arg) command+=("$rest") ;;
    train-env) train_env+=("$rest") ;;
    train-arg) train+=("$rest") ;;
    user) user=$rest ;;
  esac
done < <(deploy/image-command.py --work "$work" --catalog "$work/catalog")
[[ ${#command[@]} -gt 0 ]] || fail "could not read ENTRYPOINT and CMD from the Dockerfile"

as_user=()
if [[ $(id -u) == 0 && -n $user ]] && command -v setpriv >/dev/null; then
  as_user=(setpriv "--reuid=${user%%:*}" "--regid=${user##*:}" --clear-groups)
fi

# The data volume: the image's DATA_DIR belongs to its user, so a fresh volume there is writable.
data_dir=''
for pair in "${env_vars[@]}"; do [[ $pair != DATA_DIR=* ]] || data_dir=${pair#DATA_DIR=}; done
[[ -n $data_dir ]] || fail "the Dockerfile sets no DATA_DIR"
mkdir -p "$data_dir"
if [[ ${#as_user[@]} -gt 0 ]]; then chown "$user" "$data_dir"; fi

# The image's user can always read the image's jar; it may not be able to read this checkout (a
# clone inside a private mktemp -d folder, mode 700). So the jar runs from a readable copy in
# $work, as the catalog does.
jar_path=$(pwd)/$jar
cp "$jar" "$work/istiocon-bot.jar"
chmod a+r "$work/istiocon-bot.jar"
for i in "${!command[@]}"; do [[ ${command[$i]} != "$jar_path" ]] || command[i]=$work/istiocon-bot.jar; done
for i in "${!train[@]}"; do [[ ${train[$i]} != "$jar_path" ]] || train[i]=$work/istiocon-bot.jar; done

# The image build's training step: it stops at auth.test (no Slack there) and writes the class archive.
if [[ ${#train[@]} -gt 0 ]]; then
  code=0
  env -i PATH="$PATH" HOME=/ "${env_vars[@]}" "${train_env[@]}" "${train[@]}" >"$work/train.log" 2>&1 || code=$?
  archive=$(printf '%s\n' "${train[@]}" | sed -n 's/^-XX:ArchiveClassesAtExit=//p')
  [[ $code == 2 && -s $archive ]] || { cat "$work/train.log" >&2; fail "the training step did not write $archive"; }
  chmod a+r "$archive"
  pass "training step: exit code 2 at auth.test as expected, class archive $(( $(stat -c %s "$archive") / 1048576 )) MB"
fi

echo "smoke: running ${as_user[*]:+${as_user[*]} }${command[*]}"
echo "smoke: with ${env_vars[*]} PORT=$port LOG_FORMAT=json SLACK_API_URL=http://127.0.0.1:$slack_port/api/"
env -i PATH="$PATH" HOME=/ "${env_vars[@]}" PORT="$port" LOG_FORMAT=json \
  SLACK_BOT_TOKEN="$token" SLACK_SIGNING_SECRET="$secret" SLACK_API_URL="http://127.0.0.1:$slack_port/api/" \
  "${as_user[@]}" "${command[@]}" >"$work/stdout" 2>"$work/stderr" &
bot_pid=$!
started=$(date +%s%N)

ready() { curl -sf "http://127.0.0.1:$port/readyz" >"$work/readyz" 2>/dev/null; }
wait_for 300 ready || fail "/readyz did not answer 200 within 30 s"
pass "/readyz 200 after $(( ($(date +%s%N) - started) / 1000000 )) ms: $(cat "$work/readyz")"

[[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz") == 200 ]] || fail "/healthz is not 200"
pass "/healthz 200"
grep -q '^POST /api/auth.test$' "$work/slack.log" || fail "the bot did not call auth.test on the fake Slack"
pass "auth.test went to the fake Slack"

answer=$(SLACK_SIGNING_SECRET=$secret tools/slack-curl.sh "ebpf talks" "http://127.0.0.1:$port/slack/events")
[[ $answer == *$'\nHTTP 200' ]] || fail "the signed slash command did not get 200: $answer"
for expected in '"response_type":"ephemeral"' 'Accelerate istio-cni with ebpf' 'https://youtu.be/B8EnWqHuS6k' \
    'e7p-AccelerateIstioCNIwithebpf' '"action_id":"share"'; do
  [[ $answer == *"$expected"* ]] || fail "the answer has no $expected: $answer"
done
pass "signed /istiocon ebpf talks: 200 with the talk card (title, video, slides, Share button)"

RESPONSE_URL="http://127.0.0.1:$slack_port/respond/agenda" SLACK_SIGNING_SECRET=$secret \
  tools/slack-curl.sh "my agenda" "http://127.0.0.1:$port/slack/events" >/dev/null
wait_for 100 grep -q '^POST /respond/agenda ' "$work/slack.log" || fail "no answer to /istiocon my agenda at its response_url"
grep '^POST /respond/agenda ' "$work/slack.log" | grep -q 'Your agenda is empty' \
  || fail "/istiocon my agenda did not read the agenda store: $(grep '^POST /respond/agenda ' "$work/slack.log")"
[[ -s $data_dir/agenda.db ]] || fail "no SQLite file in DATA_DIR $data_dir"
pass "signed /istiocon my agenda: answered from the SQLite file in DATA_DIR, as the image's user"

refused=$(SLACK_SIGNING_SECRET=wrong-secret tools/slack-curl.sh "ebpf talks" "http://127.0.0.1:$port/slack/events")
[[ $refused == *$'\nHTTP 401' ]] || fail "a wrongly signed command was not refused with 401: $refused"
pass "wrongly signed command: 401"

metrics=$(curl -sf "http://127.0.0.1:$port/metrics") || fail "/metrics did not answer 200"
for series in 'istiocon_requests_total{kind="slash_command",outcome="answered"} 2.0' \
    'istiocon_requests_total{kind="slash_command",outcome="rejected"} 1.0' \
    'istiocon_catalog_sessions 67.0' 'istiocon_slack_api_calls_total{method="auth.test"} 1.0'; do
  grep -qF "$series" <<<"$metrics" || fail "/metrics has no line $series"
done
pass "/metrics counts the two answered commands and the rejected one, the catalog and auth.test"

kill -TERM "$bot_pid"
stopped=$(date +%s%N)
for ((i = 0; i < 150; i++)); do
  kill -0 "$bot_pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$bot_pid" 2>/dev/null && fail "still running 15 s after SIGTERM"
code=0
wait "$bot_pid" || code=$?
bot_pid=''
[[ $code == 0 ]] || fail "exit code $code after SIGTERM, expected 0"
pass "SIGTERM: exit code 0 after $(( ($(date +%s%N) - stopped) / 1000000 )) ms"

python3 - "$work/stderr" <<'EOF' || fail "the logs are not one JSON object per line with an answered slash_command"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
records = [json.loads(line) for line in lines]
assert all({"timestamp", "level", "logger", "message"} <= r.keys() for r in records)
answered = [r for r in records if r.get("kind") == "slash_command" and r.get("outcome") == "answered"]
assert answered and answered[0]["query"] == "ebpf talks" and answered[0]["results"] == 1, answered
assert {"intent", "latency_ms", "catalog_version"} <= answered[0].keys(), answered[0]
EOF
pass "logs: $(wc -l <"$work/stderr") JSON lines, the answer logged with kind, query, intent, results, latency, catalog version"
if grep -qF -e "$token" -e "$secret" "$work/stderr" "$work/stdout"; then
  fail "a token or the signing secret appears in the output"
fi
pass "neither the bot token nor the signing secret appears in stdout or stderr"
echo "smoke: PASSED"
