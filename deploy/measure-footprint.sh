#!/usr/bin/env bash
# Measures the bot's footprint as the container runs it (the Dockerfile's ENTRYPOINT, CMD and ENV,
# after its class-archive training step, all read by deploy/image-command.py): the time from
# starting the JVM to /readyz answering 200 (RUNS
# starts, median and range), then, in one more run, the RSS after REQUESTS signed slash commands
# (VmRSS and VmHWM from /proc/PID/status), their latency, and the fat jar's size.
# Everything runs on 127.0.0.1 against deploy/fake-slack.py; nothing leaves the machine.
#
#   mvn -q -B package -DskipTests && deploy/measure-footprint.sh
#
# Environment:
#   RUNS=9            starts to time
#   REQUESTS=1000     slash commands before reading the RSS (questions: src/test/resources/eval/*.jsonl, in turn)
#   CLIENTS=4         concurrent senders
#   MEMORY_LIMIT=256m the container memory limit to emulate (deploy/k8s/deployment.yaml's): passed as
#                     -XX:MaxRAM, which is what the JVM sizes its heap from inside a container
#                     (MaxRAMPercentage applies to it); "" for none
#   GC=-XX:+UseG1GC   replaces the Dockerfile's collector flag, to compare collectors
#   EXTRA_JVM="..."   more JVM flags, added after the Dockerfile's
#   CDS=off           skip the training step and the class archive, to see what it saves
# Needs bash, python3 and curl.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-9}
requests=${REQUESTS:-1000}
clients=${CLIENTS:-4}
limit=${MEMORY_LIMIT-256m}
jar=target/istiocon-bot.jar
[[ -f $jar ]] || { echo "measure: $jar is missing; build it with: mvn -q -B package -DskipTests" >&2; exit 1; }

work=$(mktemp -d)
bot_pid='' fake_pid=''
cleanup() {
  [[ -n $bot_pid ]] && kill -KILL "$bot_pid" 2>/dev/null || true
  [[ -n $fake_pid ]] && kill "$fake_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

python3 deploy/fake-slack.py "$work/slack.log" >"$work/slack.port" &
fake_pid=$!
for ((i = 0; i < 100; i++)); do [[ -s $work/slack.port ]] && break; sleep 0.1; done
slack_port=$(head -1 "$work/slack.port")
secret=measure-signing-secret

env_vars=() command=() train_env=() train=()
while read -r kind rest; do
  if [[ -n ${GC:-} && $rest == -XX:+Use*GC ]]; then rest=$GC; fi
  if [[ ${CDS:-} == off && $rest == -XX:SharedArchiveFile=* ]]; then continue; fi
  case $kind in
    env) [[ $rest == PORT=* ]] || env_vars+=("$rest") ;;
    arg) command+=("$rest") ;;
    train-env) train_env+=("$rest") ;;
    train-arg) train+=("$rest") ;;
  esac
done < <(deploy/image-command.py --work "$work")
# java FLAGS... -jar JAR serve: the emulated limit and the extra flags go just before -jar, after the
# Dockerfile's, so that an extra flag overrides one of them (the JVM takes the last)
extra=()
[[ -n $limit ]] && extra+=("-XX:MaxRAM=$limit")
read -r -a more <<<"${EXTRA_JVM:-}"
extra+=("${more[@]}")
with_extra() {
  local words=("$@") i
  for ((i = 0; i < ${#words[@]}; i++)); do
    [[ ${words[i]} == -jar ]] && break
  done
  printf '%s\n' "${words[@]:0:i}" "${extra[@]}" "${words[@]:i}"
}
mapfile -t command < <(with_extra "${command[@]}")
if [[ ${CDS:-} != off && ${#train[@]} -gt 0 ]]; then
  # The image build's training step (it stops at auth.test, with no Slack to reach) writes the class archive.
  mapfile -t train < <(with_extra "${train[@]}")
  env -i PATH="$PATH" HOME=/ "${env_vars[@]}" "${train_env[@]}" "${train[@]}" >"$work/train.log" 2>&1 || true
  archive=$(printf '%s\n' "${train[@]}" | sed -n 's/^-XX:ArchiveClassesAtExit=//p')
  [[ -s $archive ]] || { cat "$work/train.log" >&2; echo "measure: the training step wrote no $archive" >&2; exit 1; }
fi

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Starts the bot on $port; sets bot_pid and started (ns).
start_bot() {
  env -i PATH="$PATH" HOME=/ "${env_vars[@]}" PORT="$port" SLACK_BOT_TOKEN=xoxb-measure-token \
    SLACK_SIGNING_SECRET="$secret" SLACK_API_URL="http://127.0.0.1:$slack_port/api/" \
    "${command[@]}" >/dev/null 2>"$work/stderr" &
  bot_pid=$!
  started=$(date +%s%N)
}

# Polls /readyz every 10 ms (at most 30 s); prints the milliseconds since start_bot and the
# process's CPU time (user + system) by then.
await_ready() {
  for ((i = 0; i < 3000; i++)); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/readyz"; then
      local ms=$(( ($(date +%s%N) - started) / 1000000 ))
      echo "$ms $(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$bot_pid/stat")"
      return 0
    fi
    sleep 0.01
  done
  echo "measure: /readyz did not answer 200 within 30 s" >&2
  tail -20 "$work/stderr" >&2
  return 1
}

stop_bot() {
  kill -TERM "$bot_pid"
  wait "$bot_pid" || true
  bot_pid=''
}

echo "command: ${command[*]}"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"

times=() cpus=()
for ((r = 1; r <= runs; r++)); do
  port=$(free_port)
  start_bot
  read -r ms cpu < <(await_ready)
  times+=("$ms")
  cpus+=("$cpu")
  stop_bot
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
range() { printf '%s\n' "$@" | sort -n | sed -n '1p;$p' | paste -sd- -; }
echo "start to /readyz 200 (ms), $runs runs: ${times[*]}; median $(median "${times[@]}"), range $(range "${times[@]}")"
echo "CPU time (user+sys) by then (ms): ${cpus[*]}; median $(median "${cpus[@]}")"

port=$(free_port)
start_bot
await_ready >/dev/null
rss() { awk -v k="$1:" '$1 == k {print int($2 / 1024)}' "/proc/$bot_pid/status"; }
echo "after start: VmRSS $(rss VmRSS) MB"
python3 - "$port" "$secret" "$requests" "$clients" <<'EOF'
import concurrent.futures, hashlib, hmac, http.client, json, statistics, sys, threading, time, urllib.parse
port, secret, total, clients = int(sys.argv[1]), sys.argv[2].encode(), int(sys.argv[3]), int(sys.argv[4])
questions = []
for name in ("dev-questions.jsonl", "team-questions.jsonl"):
    with open("src/test/resources/eval/" + name, encoding="utf-8") as f:
        questions += [json.loads(line)["q"] for line in f if line.strip()]
local = threading.local()
def send(i):
    if not hasattr(local, "conn"):
        local.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    body = urllib.parse.urlencode({"token": "x", "team_id": "T0001", "channel_id": "C0001", "user_id": "U0001",
        "command": "/istiocon", "text": questions[i % len(questions)], "response_url": "http://127.0.0.1:9/r",
        "trigger_id": "1.2.3"})
    ts = str(int(time.time()))
    sig = "v0=" + hmac.new(secret, ("v0:%s:%s" % (ts, body)).encode(), hashlib.sha256).hexdigest()
    began = time.perf_counter()
    local.conn.request("POST", "/slack/events", body, {"Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig})
    response = local.conn.getresponse()
    response.read()
    if response.status != 200:
        raise SystemExit("request %d got HTTP %d" % (i, response.status))
    return (time.perf_counter() - began) * 1000
began = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(clients) as pool:
    ms = sorted(pool.map(send, range(total)))
took = time.perf_counter() - began
q = lambda p: ms[min(len(ms) - 1, int(p * len(ms)))]
print("%d slash commands (%d distinct questions), %d clients: %.0f req/s; latency ms p50 %.1f, p90 %.1f, p99 %.1f, max %.1f"
      % (total, len(set(questions)), clients, total / took, q(0.50), q(0.90), q(0.99), ms[-1]))
EOF
echo "after $requests requests: VmRSS $(rss VmRSS) MB, VmHWM (peak) $(rss VmHWM) MB"
heap=$(curl -sf "http://127.0.0.1:$port/metrics" | awk '/^jvm_memory_used_bytes.area="heap"/ {s += $NF} END {printf "%d", s / 1048576}')
committed=$(curl -sf "http://127.0.0.1:$port/metrics" | awk '/^jvm_memory_committed_bytes.area="heap"/ {s += $NF} END {printf "%d", s / 1048576}')
echo "heap used $heap MB of $committed MB committed"
stop_bot
echo "jar: $jar $(( $(stat -c %s "$jar") / 1024 / 1024 )) MB ($(stat -c %s "$jar") bytes)"
