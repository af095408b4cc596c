#!/usr/bin/env bash
# Profiles Pravo under the module-page load of bench/fast.sh: perf samples the server while wrk runs, and
# the top functions by their own time are printed. Run bench/fast.sh first (it seeds bench/data/fast).
# It builds the "profiling" profile: the release build with its symbol table (release strips it).
#   bench/profile.sh                      # the module JSON
#   WHAT=html bench/profile.sh            # the module page
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile profiling --bin pravo
BIN=${CARGO_TARGET_DIR:-target}/profiling
PORT=${PORT:-18081}
DATA=bench/data/fast
PASSWORD="bench password of some length"
export PRAVO_DATA_DIR=$DATA DATABASE_URL=sqlite://$DATA/pravo.db PRAVO_BIND=127.0.0.1:$PORT PRAVO_BASE_URL=http://127.0.0.1:$PORT
"$BIN/pravo" serve > "$DATA/profile-serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null; do sleep 0.05; done
API=http://127.0.0.1:$PORT/api/v1
COURSE=human-rights-monitoring
TOKEN=$(curl -sf -H 'Content-Type: application/json' -d "{\"handle\":\"bench-scholar\",\"password\":\"$PASSWORD\"}" "$API/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
MODULE=$(curl -sf -H "Authorization: Bearer $TOKEN" "$API/courses/$COURSE" | python3 -c 'import json,sys; print(json.load(sys.stdin)["modules"][1]["slug"])')
if [ "${WHAT:-json}" = html ]; then
  URL=http://127.0.0.1:$PORT/courses/$COURSE/modules/$MODULE; HEADER="Cookie: pravo_session=$TOKEN"
else
  URL=$API/courses/$COURSE/modules/$MODULE; HEADER="Authorization: Bearer $TOKEN"
fi
wrk -t2 -c64 -d2s -H "$HEADER" "$URL" > /dev/null
perf record -F 999 -g -o "$DATA/perf.data" -p "$SERVER" -- sleep 8 > /dev/null 2>&1 &
PERF=$!
wrk -t2 -c64 -d8s -H "$HEADER" "$URL" | grep -E "Requests/sec"
wait $PERF || true
perf report -i "$DATA/perf.data" --no-children --sort symbol --stdio 2>/dev/null | grep -E '^ +[0-9]' | sed -E 's/ +/ /g' | cut -c1-150 | head -${TOP:-25}
