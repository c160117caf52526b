#!/usr/bin/env bash
# p99 submit-to-commit latency at 80 % of the measured peak (issue #6), on a fresh solo devnet:
# a 60,000-transfer warm-up, a run as fast as accepted (the peak), then a fixed-rate run at 80 % of that peak.
# usage: p99-at-80.sh SUITE CEILING [DATA_DIR] [PORT]   (node JVM options from $JADE_JAVA_OPTS, as with ./jade)
# Prints the peak, the rate and the fixed-rate run's latencies (with SHOW_BLOCKS=1 also that run's blocks, as
# run-blocks.py prints them); leaves the JSON results beside DATA_DIR.
set -euo pipefail
suite=$1; ceiling=$2; d=${3:-/tmp/jade-p99}; port=${4:-28080}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
. jade-bench/scripts/solo-devnet.sh
start_solo_devnet "$suite" "$d" "$port"
bench() { ./jade bench --node "http://127.0.0.1:$port" --keys "$d/keys" --ceiling "$ceiling" "$@" >/dev/null 2>&1; }
field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }
bench --transfers 60000 --json "$d.warmup.json"
bench --transfers 100000 --json "$d.peak.json"
peak=$(field "$d.peak.json" "int(d['committedTps'])")
rate=$((peak * 8 / 10))
h0=$(chain_height "$port")
bench --transfers 100000 --rate "$rate" --json "$d.at80.json"
echo "suite $suite: peak $peak TPS (p99 $(field "$d.peak.json" "d['p99Ms']") ms); at $rate/s:" \
  "$(field "$d.at80.json" "round(d['committedTps'])") TPS, latency ms $(field "$d.at80.json" "d['latencyMillis']")"
if [ "${SHOW_BLOCKS:-0}" = 1 ]; then python3 jade-bench/scripts/run-blocks.py "http://127.0.0.1:$port" "$h0"; fi
