#!/usr/bin/env python3
"""CPU per thread group over time (issue #6): every INTERVAL seconds for DURATION seconds, the milliseconds of CPU
that the node JVM (`jade.jar devnet`/`node`, the first found) spent per thread group (signature pool, orderer, Jetty,
GC, JIT, wallet-key preparer, RocksDB, other), and that all `jade.jar bench` JVMs spent, in the last step.
Read from /proc/PID/task/*/stat.  usage: thread-cpu-timeline.py INTERVAL DURATION"""
import os
import subprocess
import sys
import time

GROUPS = [("sig-verify", "verify"), ("solo-orderer", "orderer"), ("qtp", "jetty"), ("Jetty", "jetty"),
          ("GC", "gc"), ("G1", "gc"), ("C2 Compiler", "jit"), ("C1 Compiler", "jit"), ("wallet-keys", "keys"),
          ("rocksdb", "rocks")]
TICK = os.sysconf("SC_CLK_TCK")


def pids(pattern):
    try:
        return [int(p) for p in subprocess.check_output(["pgrep", "-f", pattern]).split()]
    except subprocess.CalledProcessError:
        return []


def group(name):
    for prefix, g in GROUPS:
        if name.startswith(prefix):
            return g
    return "other"


def ticks_by_group(pid):
    out = {}
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for t in tasks:
        try:
            stat = open(f"/proc/{pid}/task/{t}/stat").read()
        except OSError:
            continue
        name, fields = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2:].split()
        g = group(name)
        out[g] = out.get(g, 0) + int(fields[11]) + int(fields[12])
    return out


def main():
    interval, duration = float(sys.argv[1]), float(sys.argv[2])
    node, prev, start = None, None, time.time()
    while time.time() - start < duration:
        if node is None:
            found = pids("jade.jar (devnet|node)")
            node = found[0] if found else None
        bench = {p: sum(ticks_by_group(p).values()) for p in pids("jade.jar bench")}
        cur = (ticks_by_group(node) if node else {}, bench)
        if prev:
            ms = {g: (v - prev[0].get(g, 0)) * 1000 // TICK for g, v in cur[0].items()}
            bench_ms = sum((v - prev[1].get(p, v)) * 1000 // TICK for p, v in bench.items())
            print(f"{time.time() - start:6.2f}s node " + " ".join(f"{g}={v}" for g, v in sorted(ms.items()) if v)
                  + f" | bench {bench_ms}", flush=True)
        prev = cur
        time.sleep(interval)


main()
