#!/usr/bin/env bash
# Runs `npm test` (unit + integration, then the browser tests on a production build) N times
# beside a CPU-heavy load, to show the suite holds on a busy machine. Stops at the first failure.
#
#   scripts/busy-test.sh [N]          N runs, default 3 (or BUSY_RUNS)
#   BUSY_CORES=4 scripts/busy-test.sh  busy loops to start, default one per core (nproc)
#
# The load is one `node` busy loop per core at nice 0 — the same priority as the tests — owned by
# this script, stopped by PID when it exits (success, failure or Ctrl-C), and each loop also ends
# by itself after BUSY_MAX_SECONDS (default 6 h) should this script be killed outright.
# The environment passes through to `npm test`: give the browser tests their own build, port and
# database when others use the machine, e.g.
#   NEXT_DIST_DIR=.next-me E2E_PORT=3300 E2E_PGLITE_DIR=.data/e2e-me scripts/busy-test.sh 1
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-${BUSY_RUNS:-3}}"
cores="${BUSY_CORES:-$(nproc)}"
max_seconds="${BUSY_MAX_SECONDS:-21600}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ && "$cores" =~ ^[0-9]+$ && "$max_seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: [BUSY_CORES=n] [BUSY_MAX_SECONDS=s] $0 [runs]" >&2
  exit 2
fi

load_pids=()
stop_load() {
  local pid
  for pid in "${load_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${load_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  load_pids=()
}
trap stop_load EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for _ in $(seq 1 "$cores"); do
  nice -n 0 node -e "const end = Date.now() + ${max_seconds} * 1000; let x = 0; while (Date.now() < end) x = (x + Math.sqrt(x + 1)) % 1e9;" &
  load_pids+=("$!")
done
echo "busy-test: ${cores} busy loop(s) running (PIDs ${load_pids[*]}); ${runs} run(s) of npm test"

for run in $(seq 1 "$runs"); do
  started=$SECONDS
  echo "busy-test: run ${run}/${runs} starts; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  if ! npm test; then
    echo "busy-test: run ${run}/${runs} FAILED after $((SECONDS - started)) s" >&2
    exit 1
  fi
  echo "busy-test: run ${run}/${runs} passed in $((SECONDS - started)) s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "busy-test: all ${runs} run(s) passed beside ${cores} busy loop(s)"
