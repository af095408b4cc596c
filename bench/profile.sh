#!/usr/bin/env bash
# Profiles Pravo under the module-page load of bench/fast.sh: perf samples the server while wrk runs, and
# the top functions by their own time are printed. Run bench/fast.sh first (it seeds bench/data/fast).
# It builds the "profiling" profile: the release build with its symbol table (release strips it).
#   bench/profile.sh                      # the module JSON
#   WHAT=html bench/profile.sh            # the module page
#   WHAT=quiz bench/profile.sh            # the quiz page
#   WHAT=save bench/profile.sh            # answer saves through the API (8 connections)
#   CALLERS=1 WHAT=save bench/profile.sh  # and Pravo's functions by inclusive time (DWARF call graphs)
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
QUIZ=$(curl -sf -H "Authorization: Bearer $TOKEN" "$API/courses/$COURSE" | python3 -c 'import json,sys; print(json.load(sys.stdin)["modules"][0]["quiz_id"])')
CONNECTIONS=64 SCRIPT=()
case "${WHAT:-json}" in
  html) URL=http://127.0.0.1:$PORT/courses/$COURSE/modules/$MODULE; HEADER="Cookie: pravo_session=$TOKEN" ;;
  quiz) URL=http://127.0.0.1:$PORT/quizzes/$QUIZ; HEADER="Cookie: pravo_session=$TOKEN" ;;
  save)
    # The attempt bench/fast.sh started (starting again returns the open one), its essay question.
    ATTEMPT=$(curl -sf -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}' "$API/quizzes/$QUIZ/attempts" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    QUESTION=$(curl -sf -H "Authorization: Bearer $TOKEN" "$API/attempts/$ATTEMPT" | python3 -c 'import json,sys; print([q["id"] for q in json.load(sys.stdin)["questions"] if q["type"]=="essay"][0])')
    printf '%s\n' 'wrk.method = "PUT"' "wrk.body = '{\"answer\": \"A saved answer from the benchmark.\"}'" \
      'wrk.headers["Content-Type"] = "application/json"' > "$DATA/save.lua"
    URL=$API/attempts/$ATTEMPT/answers/$QUESTION; HEADER="Authorization: Bearer $TOKEN"; CONNECTIONS=8 SCRIPT=(-s "$DATA/save.lua") ;;
  *) URL=$API/courses/$COURSE/modules/$MODULE; HEADER="Authorization: Bearer $TOKEN" ;;
esac
wrk -t2 -c"$CONNECTIONS" -d2s "${SCRIPT[@]}" -H "$HEADER" "$URL" > /dev/null
if [ -n "${CALLERS:-}" ]; then
  # DWARF call graphs: the release build has no frame pointers, so -g alone cannot walk Rust's stacks.
  GRAPH=(-F 299 --call-graph dwarf,16384)
else
  GRAPH=(-F 999 -g)
fi
perf record "${GRAPH[@]}" -o "$DATA/perf.data" -p "$SERVER" -- sleep 8 > /dev/null 2>&1 &
PERF=$!
wrk -t2 -c"$CONNECTIONS" -d8s "${SCRIPT[@]}" -H "$HEADER" "$URL" | grep -E "Requests/sec|Non-2xx"
wait $PERF || true
perf report -i "$DATA/perf.data" --no-children --sort symbol --stdio 2>/dev/null | grep -E '^ +[0-9]' | sed -E 's/ +/ /g' | cut -c1-150 | head -${TOP:-25}
if [ -n "${CALLERS:-}" ]; then
  echo "Pravo's functions by time spent in them and in what they call:"
  perf report -i "$DATA/perf.data" --children --sort symbol --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' \
    | grep -E 'pravo::' | grep -v '{{closure}}' | sed -E 's/ +/ /g' | cut -c1-150 | head -${TOP:-40}
fi
