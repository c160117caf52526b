#!/usr/bin/env python3
"""Catch-up speed of a Raft validator (issue #6, ADR 0010), measured end to end on a local devnet.

Starts `./jade devnet --nodes 3`, warms it up with `jade bench`, takes one follower out (SIGSTOP, or SIGKILL
and later a restart with `jade node start`), runs `jade bench` on the two others (the network's commit rate
while the follower is away), brings the follower back and polls its height every 50 ms until it reaches the
leader's. Prints the network's rate, the follower's replay rate and their ratio, from the moment it was
brought back and from its first new block.

usage: catch-up.py [--suite sm|intl] [--mode stop|kill] [--transfers N] [--warmup N] [--data DIR]
                   [--port P] [--raft-port P] [--away SECONDS] [--jfr FILE] [--threads PREFIX] [--timeline]
With --timeline, it prints the follower's height at each change and what each replayed block held (read from
the leader at the end). With --jfr (stop mode), the paused follower records a JFR profile (settings=profile)
from just before it is paused until it has caught up.
Run from anywhere; it uses the repository's ./jade launcher. The devnet is stopped at the end.
"""
import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
JADE = os.path.join(ROOT, "jade")


def status(api):
    try:
        with urllib.request.urlopen(api + "/v1/status", timeout=2) as r:
            return json.load(r)
    except Exception:
        return None


def cpu_seconds(pid):
    """User plus system CPU time of a process so far, from /proc (Linux)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError):
        return 0.0


def wait_for(predicate, timeout, step=0.05):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        v = predicate()
        if v:
            return v
        time.sleep(step)
    raise SystemExit("timed out")


def bench(api, keys, transfers, json_out):
    subprocess.run([JADE, "bench", "--node", api, "--keys", keys, "--transfers", str(transfers),
                    "--ceiling", "20000", "--json", json_out], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(json_out) as f:
        return json.load(f)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--suite", default="sm")
    p.add_argument("--mode", choices=["stop", "kill"], default="stop")
    p.add_argument("--transfers", type=int, default=60000)
    p.add_argument("--warmup", type=int, default=20000)
    p.add_argument("--data", default="/tmp/jade-catch-up")
    p.add_argument("--port", type=int, default=38080)
    p.add_argument("--raft-port", type=int, default=39180)
    p.add_argument("--away", type=float, default=0,
                   help="keep the follower out at least this many seconds (the network idles after the load)")
    p.add_argument("--jfr")
    p.add_argument("--timeline", action="store_true", help="print the follower's height at each change while it catches up")
    p.add_argument("--threads", help="stop mode: jstack the follower when resumed and when caught up, "
                   "and print each thread's CPU per replayed transfer")
    a = p.parse_args()

    shutil.rmtree(a.data, ignore_errors=True)
    log = open(a.data + ".devnet.log", "w")
    devnet = subprocess.Popen([JADE, "devnet", "--nodes", "3", "--suite", a.suite, "--data", a.data,
                               "--port", str(a.port), "--raft-port", str(a.raft_port)],
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    restarted = None
    try:
        def nodes():
            with open(a.data + ".devnet.log") as f:
                found = re.findall(r"(node-\d)\s+pid (\d+)\s+API (\S+)", f.read())
            return found if len(found) == 3 else None

        found = wait_for(nodes, 120, 0.5)
        apis = {n: api for n, _, api in found}
        pids = {n: int(pid) for n, pid, _ in found}

        def leader():
            for n, api in apis.items():
                s = status(api)
                if s and s.get("leader"):
                    return n
            return None

        lead = wait_for(leader, 60, 0.5)
        keys = os.path.join(a.data, "keys")
        bench(apis[lead], keys, a.warmup, a.data + ".warmup.json")
        follower = next(n for n in sorted(apis) if n != lead)
        before = status(apis[follower])["height"]

        if a.jfr and a.mode == "stop":
            subprocess.run(["jcmd", str(pids[follower]), "JFR.start", "name=catchup", "settings=profile"],
                           check=True, stdout=subprocess.DEVNULL)
        os.kill(pids[follower], signal.SIGSTOP if a.mode == "stop" else signal.SIGKILL)
        follower_cpu0 = cpu_seconds(pids[follower])
        out_since = time.monotonic()
        away = bench(apis[lead], keys, a.transfers, a.data + ".away.json")
        time.sleep(max(0.0, a.away - (time.monotonic() - out_since)))
        network_tps = away["committedTps"]
        target = status(apis[lead])["height"]

        others = {n: pid for n, pid in pids.items() if n != follower}
        cpu0 = {n: cpu_seconds(pid) for n, pid in others.items()}
        t0 = time.monotonic()
        if a.mode == "stop":
            os.kill(pids[follower], signal.SIGCONT)
            if a.threads:
                with open(a.threads + ".before", "w") as out:
                    subprocess.run(["jstack", str(pids[follower])], stdout=out, check=True)
        else:
            restarted = subprocess.Popen([JADE, "node", "start", "--config",
                                          os.path.join(a.data, follower, "node.json")],
                                         stdout=open(a.data + ".restart.log", "w"), stderr=subprocess.STDOUT,
                                         start_new_session=True)
        api_open = first_block = first_height = None
        timeline = []
        while True:
            s = status(apis[follower])
            now = time.monotonic() - t0
            if s is not None:
                if not timeline or timeline[-1][1] != s["height"]:
                    timeline.append((now, s["height"]))
                if api_open is None:
                    api_open = now
                if first_block is None and s["height"] > before:
                    first_block, first_height = now, s["height"]
                if s["height"] >= target:
                    done = now
                    follower_pid = pids[follower] if a.mode == "stop" else s.get("pid")
                    cpu = {n: cpu_seconds(pid) - cpu0[n] for n, pid in others.items()}
                    break
            if now > 600:
                raise SystemExit("the follower did not catch up in 600 s")
            time.sleep(0.05)

        if a.threads and a.mode == "stop":
            with open(a.threads + ".after", "w") as out:
                subprocess.run(["jstack", str(pids[follower])], stdout=out, check=True)
        follower_cpu = cpu_seconds(follower_pid) - (follower_cpu0 if a.mode == "stop" else 0)
        if a.jfr and a.mode == "stop":
            subprocess.run(["jcmd", str(pids[follower]), "JFR.dump", "name=catchup", "filename=" + os.path.abspath(a.jfr)],
                           check=True, stdout=subprocess.DEVNULL)
        replay = a.transfers / done
        # transfers in the blocks after the first new one seen, taking the blocks as equally full
        later = a.transfers * (target - first_height) / (target - before)
        print(f"suite {a.suite}, follower {follower} {'paused (SIGSTOP/SIGCONT)' if a.mode == 'stop' else 'killed and restarted'}")
        print(f"network while it was away: {network_tps:,.0f} TPS ({a.transfers:,} transfers, "
              f"blocks {before} -> {target}); away {t0 - out_since:.1f} s")
        print(f"back to caught up: {done:.2f} s (API answering after {api_open:.2f} s, first new block after "
              f"{first_block:.2f} s)")
        print(f"replay: {replay:,.0f} transfers/s = {replay / network_tps:.2f}x the network from the moment it was back")
        print(f"CPU while catching up: follower {follower_cpu:.2f} s"
              + "".join(f", {n} {c:.2f} s" for n, c in sorted(cpu.items()))
              + f" (in {done:.2f} s on {os.cpu_count()} cores)")
        if done > first_block and later > 0:
            print(f"        {later / (done - first_block):,.0f} transfers/s = "
                  f"{later / (done - first_block) / network_tps:.2f}x from its first new block")
        if a.timeline:
            def txs(h):
                with urllib.request.urlopen(f"{apis[lead]}/v1/blocks/{h}", timeout=5) as r:
                    methods = [t["method"] for t in json.load(r)["transactions"]]
                return ", ".join(f"{methods.count(m)} {m}" for m in sorted(set(methods))) or "empty"
            print("follower's height (its transactions) at each change: "
                  + ", ".join(f"{h} ({txs(h)}) {t:.2f}s" for t, h in timeline))
        if a.threads and a.mode == "stop":
            print("follower's threads, CPU per replayed transfer:")
            subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "thread-cpu.py"),
                            a.threads + ".before", a.threads + ".after", str(a.transfers)])
    finally:
        for proc in (restarted, devnet):
            if proc is not None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for pid in (pids.values() if 'pids' in locals() else []):
            try:
                os.kill(pid, signal.SIGCONT)
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        time.sleep(2)


if __name__ == "__main__":
    sys.exit(main())
