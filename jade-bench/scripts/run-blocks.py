#!/usr/bin/env python3
"""Prints the blocks a run committed (issue #6 bench scripts): for each block after height H0 (at most MAX of them),
height:transactions, '*' when it holds anything but transfers (a run's wallet set-up), and '+N ms' since the
previous block's timestamp.  usage: run-blocks.py API_URL H0 [MAX]"""
import json
import sys
import urllib.request

api, h0 = sys.argv[1], int(sys.argv[2])
top = json.load(urllib.request.urlopen(api + "/v1/status"))["height"]
if len(sys.argv) > 3:
    top = min(top, h0 + int(sys.argv[3]))
prev, out = None, []
for h in range(h0 + 1, top + 1):
    b = json.load(urllib.request.urlopen(f"{api}/v1/blocks/{h}"))
    ts, methods = b["header"]["timestamp"], [t["method"] for t in b["transactions"]]
    out.append(f"{h}:{len(methods)}{'' if set(methods) <= {'transfer'} else '*'}+{ts - prev if prev else 0}ms")
    prev = ts
print(" ".join(out))
