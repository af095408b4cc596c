#!/usr/bin/env bash
# Issue "Fast": builds the release binary and the minimal baseline handler, starts Pravo on a fresh SQLite
# data folder with the shipped courses, signs a scholar in, enrols her, starts a quiz attempt, starts the
# baseline, and runs bench/fast.py (wrk loads, CPU per request, memory, the disk's commit rate).
#   bench/fast.sh                       # 10 s per load
#   SECONDS_PER_RUN=20 bench/fast.sh
#   BACKEND=postgres bench/fast.sh      # Pravo on a fresh database pravo_fast on 127.0.0.1:5432
# Needs wrk (apt-get install wrk). Run on a quiet machine: the script warns when it is not.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/database.sh
BIN=${CARGO_TARGET_DIR:-target}/release
PORT=${PORT:-18081}
BASE_PORT=${BASE_PORT:-18090}
DATA=bench/data/fast
PASSWORD="bench password of some length"

build_start=$(date +%s)
cargo build --release --bin pravo --example baseline
echo "release build: $(( $(date +%s) - build_start )) s (0 when nothing changed); binary $(stat -c %s "$BIN/pravo") bytes"
rm -rf "$DATA" && mkdir -p "$DATA"
fresh_database pravo_fast "$DATA"
export PRAVO_DATA_DIR=$DATA PRAVO_BIND=127.0.0.1:$PORT PRAVO_BASE_URL=http://127.0.0.1:$PORT
"$BIN/pravo" migrate
printf '%s' "$PASSWORD" | "$BIN/pravo" user create --handle bench-scholar --password-stdin > /dev/null

start=$(date +%s.%N)
"$BIN/pravo" serve > "$DATA/serve.log" 2>&1 &
SERVER=$!
"$BIN/examples/baseline" "127.0.0.1:$BASE_PORT" "$DATA/baseline.db" > "$DATA/baseline.log" 2>&1 &
BASELINE=$!
trap 'kill $SERVER $BASELINE 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null; do sleep 0.01; done
echo "first start (imports the shipped courses) to the first 200: $(echo "$(date +%s.%N) - $start" | bc) s"
kill $SERVER; wait $SERVER 2>/dev/null || true
start=$(date +%s.%N)
"$BIN/pravo" serve > "$DATA/serve.log" 2>&1 &
SERVER=$!
until curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null; do sleep 0.005; done
echo "start on a migrated database to the first 200: $(echo "$(date +%s.%N) - $start" | bc) s (goal < 0.2)"
until curl -sf "http://127.0.0.1:$BASE_PORT/page/1" > /dev/null; do sleep 0.05; done

API=http://127.0.0.1:$PORT/api/v1
COURSE=human-rights-monitoring
TOKEN=$(curl -sf -H 'Content-Type: application/json' -d "{\"handle\":\"bench-scholar\",\"password\":\"$PASSWORD\"}" "$API/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
curl -sf -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}' "$API/courses/$COURSE/enrol" > /dev/null
read -r MODULE QUIZ < <(curl -sf -H "Authorization: Bearer $TOKEN" "$API/courses/$COURSE" | python3 -c 'import json,sys; m=json.load(sys.stdin)["modules"]; print(m[1]["slug"], m[0]["quiz_id"])')
ATTEMPT=$(curl -sf -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}' "$API/quizzes/$QUIZ/attempts" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
QUESTION=$(curl -sf -H "Authorization: Bearer $TOKEN" "$API/attempts/$ATTEMPT" | python3 -c 'import json,sys; print([q["id"] for q in json.load(sys.stdin)["questions"] if q["type"]=="essay"][0])')
echo "module $MODULE, quiz $QUIZ, attempt $ATTEMPT, essay question $QUESTION"

python3 bench/fast.py "$(printf '{"pravo":"http://127.0.0.1:%s","baseline":"http://127.0.0.1:%s","pravo_pid":%s,"baseline_pid":%s,"token":"%s","course":"%s","module":"%s","quiz":"%s","attempt":"%s","question":"%s","data":"%s","backend":"%s"}' \
  "$PORT" "$BASE_PORT" "$SERVER" "$BASELINE" "$TOKEN" "$COURSE" "$MODULE" "$QUIZ" "$ATTEMPT" "$QUESTION" "$DATA" "${BACKEND:-sqlite}")"
