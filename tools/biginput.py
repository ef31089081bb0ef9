#!/usr/bin/env python3
"""Write a large JSON Lines input for memory and throughput runs.

usage: biginput.py SIZE_MB OUT.jsonl

Lines repeat the project's own fixtures (the seed texts and HTML pages) with
unique ids and URLs, so every line is a distinct record.
"""
import glob
import json
import os
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")
size = int(sys.argv[1]) * 1024 * 1024
items = []
for path in sorted(glob.glob(os.path.join(root, "seeds", "*.txt"))):
    with open(path, encoding="utf-8") as fh:
        items.append({"text": fh.read()})
for path in sorted(glob.glob(os.path.join(root, "html", "*.html"))):
    with open(path, encoding="utf-8") as fh:
        items.append({"html": fh.read()})
written = 0
n = 0
with open(sys.argv[2], "w", encoding="utf-8") as out:
    while written < size:
        item = dict(items[n % len(items)])
        item.update(id=f"big-{n}", url=f"https://example.org/big/{n}", published="2023-09-26")
        line = json.dumps(item) + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))
        n += 1
print(f"{n} lines, {written / 1e6:.0f} MB", file=sys.stderr)
