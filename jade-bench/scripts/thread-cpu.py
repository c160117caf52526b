#!/usr/bin/env python3
"""CPU of each thread of a JVM per unit of work, from two `jstack` dumps taken before and after the work.

usage: thread-cpu.py BEFORE.txt AFTER.txt UNITS
Threads are grouped by name with digits replaced by '#'; prints microseconds of CPU per unit, largest first.
"""
import collections
import re
import sys


def load(path):
    cpu = collections.Counter()
    for line in open(path):
        m = re.match(r'^"([^"]+)".*?cpu=([0-9.]+)ms', line)
        if m:
            cpu[re.sub(r'\d+', '#', m.group(1))] += float(m.group(2))
    return cpu


before, after, units = load(sys.argv[1]), load(sys.argv[2]), int(sys.argv[3])
rows = sorted(((after[k] - before.get(k, 0)) * 1000 / units, k) for k in after)
total = 0.0
for us, name in reversed(rows):
    total += us
    if us >= 1:
        print("  %8.1f us  %s" % (us, name))
print("  %8.1f us  TOTAL" % total)
