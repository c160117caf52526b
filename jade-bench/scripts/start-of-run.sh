#!/usr/bin/env bash
# How a fixed-rate run starts on a warm solo devnet (issue #6, p99 at 80 %): a fresh devnet, a 60,000-transfer
# warm-up, then `jade bench --rate RATE` over 40,000 transfers; prints the run's committed transfers per second
# and latencies, and the first 20 blocks after the warm-up: height:transactions (* = not only transfers, i.e. the
# run's wallet set-up) + milliseconds since the previous block's timestamp.
# usage: start-of-run.sh SUITE RATE [DATA_DIR] [PORT]   (node JVM options from $JADE_JAVA_OPTS, as with ./jade)
set -euo pipefail
suite=$1; rate=$2; d=${3:-/tmp/jade-start-of-run}; port=${4:-28080}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
. jade-bench/scripts/solo-devnet.sh
start_solo_devnet "$suite" "$d" "$port"
api="http://127.0.0.1:$port"
bench() { ./jade bench --node "$api" --keys "$d/keys" --ceiling 20000 "$@" >/dev/null 2>&1; }
bench --transfers 60000
h0=$(chain_height "$port")
bench --transfers 40000 --rate "$rate" --json "$d.run.json"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print('committed per second', r['tps']['perSecond'], 'latency ms', r['latencyMillis'])" "$d.run.json"
python3 jade-bench/scripts/run-blocks.py "$api" "$h0" 20
