#!/usr/bin/env bash
# The CPU each thread of the given node processes spends per committed transfer during one `jade bench` run:
# jstack of every PID when the bench starts its timed run ("running against") and when it ends.
# usage: bench-thread-cpu.sh NODE_URL KEYS_DIR TRANSFERS OUT_PREFIX PID... (extra bench options in $BENCH_ARGS)
set -u
url=$1; keys=$2; n=$3; out=$4; shift 4
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/../.."
java -jar "$root/jade-cli/target/jade.jar" bench --node "$url" --keys "$keys" --transfers "$n" ${BENCH_ARGS:-} \
  > "$out.bench" 2>&1 &
bench=$!
while ! grep -q "running against" "$out.bench"; do kill -0 $bench 2>/dev/null || break; sleep 0.2; done
for p in "$@"; do jstack "$p" > "$out.$p.before"; done
wait $bench
for p in "$@"; do
  jstack "$p" > "$out.$p.after"
  echo "== pid $p"
  python3 "$here/thread-cpu.py" "$out.$p.before" "$out.$p.after" "$n"
done
grep -E "^committed|^latency|^of ceiling" "$out.bench"
