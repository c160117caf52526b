# Sourced by the bench scripts: start_solo_devnet SUITE DATA_DIR PORT starts a fresh `./jade devnet` (the data
# directory emptied first, its log in DATA_DIR.devnet.log) from the repository root, stops it when the script
# exits, and returns once its API answers. Node JVM options come from $JADE_JAVA_OPTS, as with ./jade.
# chain_height PORT prints the height of the chain the node on PORT serves.
start_solo_devnet() {
  local suite=$1 d=$2 port=$3
  rm -rf "$d"
  ./jade devnet --suite "$suite" --data "$d" --port "$port" > "$d.devnet.log" 2>&1 &
  devnet=$!
  trap 'kill $devnet 2>/dev/null; wait $devnet 2>/dev/null || true' EXIT
  for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$port/v1/status" >/dev/null && return 0; sleep 1; done
  echo "the devnet did not answer on port $port within 90 s; see $d.devnet.log" >&2
  return 1
}

chain_height() {
  curl -s "http://127.0.0.1:$1/v1/status" | python3 -c "import json,sys; print(json.load(sys.stdin)['height'])"
}
