#!/usr/bin/env bash
# Issue "Fast", goal 5: how the pages a scholar uses most, an answer save and a cohort dashboard cost as the
# database grows. For each size it seeds a fresh database (bench/seed_scale.rs: N scholars, N × 10
# module-progress rows, N finished attempts, N / 20 certificates, a 1,000-scholar cohort), serves the
# release build, and times each request with wrk at 4 connections (mean latency, requests a second) for a
# scholar who has just enrolled, and the cohort's dashboard for its administrator. Prints one table, with
# each size's latency as a share of the smallest size's.
#   bench/scale.sh                          # 100, 10,000 and 100,000 scholars on SQLite
#   SIZES="100 10000" bench/scale.sh
#   BACKEND=postgres bench/scale.sh         # a fresh database pravo_scale on 127.0.0.1:5432
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/database.sh
BIN=${CARGO_TARGET_DIR:-target}/release
PORT=${PORT:-18082}
DATA=bench/data/scale
SECONDS_PER_RUN=${SECONDS_PER_RUN:-5}
PASSWORD="bench password of some length"
cargo build --release --bin pravo --example seed_scale
RESULTS=$(mktemp)

timed() { # name url header [lua] -> "name mean_ms req/s non2xx"
  local name=$1 url=$2 header=$3 script=${4:-}
  local args=(-t1 -c4 -d"${SECONDS_PER_RUN}s" --latency -H "$header")
  [ -n "$script" ] && args+=(-s "$script")
  wrk -t1 -c4 -d1s -H "$header" ${script:+-s "$script"} "$url" > /dev/null  # warm-up
  wrk "${args[@]}" "$url" | python3 -c '
import re, sys
out = sys.stdin.read()
unit = {"us": 0.001, "ms": 1.0, "s": 1000.0}
mean, u = re.search(r"Latency\s+([\d.]+)(\w+)", out).groups()
rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
print(sys.argv[1], round(float(mean) * unit[u], 3), round(float(rps)), bad.group(1) if bad else 0)' "$name"
}

for SIZE in ${SIZES:-100 10000 100000}; do
  rm -rf "$DATA" && mkdir -p "$DATA"
  fresh_database pravo_scale "$DATA"
  export PRAVO_DATA_DIR=$DATA PRAVO_BIND=127.0.0.1:$PORT PRAVO_BASE_URL=http://127.0.0.1:$PORT
  export PRAVO_COURSES_DIR=$DATA/no-courses
  "$BIN/examples/seed_scale" "$SIZE" | tee "$DATA/seed.txt" >&2
  PROGRAMME=$(awk '/^programme /{print $2}' "$DATA/seed.txt")
  QUIZ=$(awk '/^quiz /{print $2}' "$DATA/seed.txt")
  printf '%s' "$PASSWORD" | "$BIN/pravo" user create --handle bench-scholar --password-stdin > /dev/null
  "$BIN/pravo" serve > "$DATA/serve.log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true' EXIT
  until curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null; do sleep 0.05; done
  API=http://127.0.0.1:$PORT/api/v1
  token() { curl -sf -H 'Content-Type: application/json' -d "{\"handle\":\"$1\",\"password\":\"$PASSWORD\"}" "$API/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
  TOKEN=$(token bench-scholar)
  ADMIN=$(token bench-admin)
  curl -sf -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}' "$API/courses/scale-track/enrol" > /dev/null
  ATTEMPT=$(curl -sf -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}' "$API/quizzes/$QUIZ/attempts" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  printf '%s\n' 'wrk.method = "PUT"' "wrk.body = '{\"answer\": \"A saved answer from the benchmark.\"}'" \
    'wrk.headers["Content-Type"] = "application/json"' > "$DATA/save.lua"
  # The certificates of the seeded completions: issued before timing (the server's issuer takes 20 every
  # 2 s; asking for one's certificates issues 50 more at once).
  for _ in $(seq 1 $(( SIZE / 1000 + 2 ))); do curl -sf -H "Authorization: Bearer $ADMIN" "$API/me/certificates" > /dev/null; done
  CERTS=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM certificates").fetchone()[0])' "$DATA/pravo.db" 2>/dev/null || echo "?")
  echo "== $SIZE scholars (certificates issued: $CERTS)" >&2
  {
    timed "module-JSON" "$API/courses/scale-track/modules/m05" "Authorization: Bearer $TOKEN"
    timed "module-page" "http://127.0.0.1:$PORT/courses/scale-track/modules/m05" "Cookie: pravo_session=$TOKEN"
    timed "course-page" "http://127.0.0.1:$PORT/courses/scale-track" "Cookie: pravo_session=$TOKEN"
    timed "quiz-page" "http://127.0.0.1:$PORT/quizzes/$QUIZ" "Cookie: pravo_session=$TOKEN"
    timed "answer-save" "$API/attempts/$ATTEMPT/answers/word" "Authorization: Bearer $TOKEN" "$DATA/save.lua"
    timed "dashboard-1000" "$API/programmes/$PROGRAMME/dashboard" "Authorization: Bearer $ADMIN"
  } | sed "s/^/$SIZE /" | tee -a "$RESULTS" >&2
  kill $SERVER; wait $SERVER 2>/dev/null || true
done

python3 - "$RESULTS" <<'EOF'
import sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
sizes = sorted({int(r[0]) for r in rows})
loads = list(dict.fromkeys(r[1] for r in rows))
cell = {(int(r[0]), r[1]): (float(r[2]), int(r[3]), int(r[4])) for r in rows}
print(f"{'mean ms at c4 (× smallest)':<28}" + "".join(f"{s:>22,}" for s in sizes))
for load in loads:
    base = cell.get((sizes[0], load), (0, 0, 0))[0]
    line = f"{load:<28}"
    for s in sizes:
        ms, rps, bad = cell.get((s, load), (0, 0, 0))
        note = f"{ms:.2f} ({ms / base:.2f}×){' !' if bad else ''}" if base else "-"
        line += f"{note:>22}"
    print(line)
print("(! = some responses were not 2xx/3xx)")
EOF
