#!/usr/bin/env bash
# The cohort dashboard benchmark: seeds SCHOLARS scholars on a track of MODULES modules (once per fresh
# database), serves the release build, and prints latency and throughput of the dashboard (bench/load.py).
#   bench/dashboard.sh                          # embedded SQLite under bench/data
#   BACKEND=postgres bench/dashboard.sh         # a fresh database pravo_bench on 127.0.0.1:5432
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/database.sh
SCHOLARS=${SCHOLARS:-1000}
MODULES=${MODULES:-10}
REQUESTS=${REQUESTS:-50}
PORT=${PORT:-18080}
BIN=${CARGO_TARGET_DIR:-target}/release

cargo build --release --bin pravo --example seed_cohort
rm -rf bench/data && mkdir -p bench/data
fresh_database pravo_bench "bench/data"
"$BIN/examples/seed_cohort" "$SCHOLARS" "$MODULES" | tee bench/data/seed.txt
PROGRAMME=$(awk '/^programme /{print $2}' bench/data/seed.txt)

PRAVO_DATA_DIR=bench/data PRAVO_BIND=127.0.0.1:$PORT "$BIN/pravo" serve > bench/data/serve.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null && break; sleep 0.5; done
echo "backend ${BACKEND:-sqlite}, $SCHOLARS scholars x $MODULES modules, $REQUESTS requests each"
python3 bench/load.py "http://127.0.0.1:$PORT" "$PROGRAMME" "$REQUESTS"
