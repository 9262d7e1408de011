#!/usr/bin/env bash
# Sends a /istiocon slash command to a running `serve`, signed the way Slack signs it
# (HMAC-SHA256 of "v0:<timestamp>:<body>" with the signing secret), and prints the answer.
#
#   SLACK_SIGNING_SECRET=... tools/slack-curl.sh "ebpf talks"
#   SLACK_SIGNING_SECRET=... tools/slack-curl.sh "what's on now" http://localhost:3000/slack/events
#
# Environment: SLACK_SIGNING_SECRET (required, the one serve uses), PORT (default 3000),
# RESPONSE_URL (where Share/More buttons would answer; default a dummy hooks.slack.com URL),
# TIMESTAMP (default now; an old one shows the 401 for stale requests).
# Needs bash, curl and openssl. The secret is passed to openssl on its command line: use a test secret.
set -euo pipefail

question=${1-help}
url=${2:-http://localhost:${PORT:-3000}/slack/events}
: "${SLACK_SIGNING_SECRET:?set SLACK_SIGNING_SECRET to the signing secret serve was started with}"
response_url=${RESPONSE_URL:-https://hooks.slack.com/commands/T0001/1/dummy}
timestamp=${TIMESTAMP:-$(date +%s)}

# Percent-encodes one form value byte by byte, as Slack does.
urlencode() {
  local LC_ALL=C value=$1 out='' c i
  for ((i = 0; i < ${#value}; i++)); do
    c=${value:i:1}
    case $c in
      [a-zA-Z0-9.~_-]) out+=$c ;;
      ' ') out+='+' ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$out"
}

body="token=dummy&team_id=T0001&team_domain=example&channel_id=C0001&channel_name=general"
body+="&user_id=U0001&user_name=curl&command=$(urlencode /istiocon)&text=$(urlencode "$question")"
body+="&api_app_id=A0001&is_enterprise_install=false&response_url=$(urlencode "$response_url")"
body+="&trigger_id=1.2.3"

signature=$(printf 'v0:%s:%s' "$timestamp" "$body" | openssl dgst -sha256 -hmac "$SLACK_SIGNING_SECRET" | sed 's/^.*= //')

curl -sS -w '\nHTTP %{http_code}\n' -X POST "$url" \
  -H 'Content-Type: application/x-www-form-urlencoded' \
  -H "X-Slack-Request-Timestamp: $timestamp" \
  -H "X-Slack-Signature: v0=$signature" \
  --data-binary "$body"
