"""Summary of a busy-hour run: Gatling's per-request statistics and the server's CPU and RSS.

Usage: python3 busy-hour-summary.py <server-usage.csv> <gatling report directory>
(src/test/perf/api-calls.sh passes "none" for the usage file: it samples no server figures; busy-hour.sh
passes "none" for the report when it summarises each of several instances.)
"""
import csv
import re
from html import unescape
import os
import sys

usage_file, report = sys.argv[1], sys.argv[2]

# Gatling 3.14 writes its statistics into the report's index.html (no stats.json any more): one
# table row per request, the name then Total, OK, KO, % KO, Cnt/s, Min, 50th, 75th, 95th, 99th, Max, Mean, Std Dev.
index = os.path.join(report, "index.html")
if os.path.exists(index):
    with open(index, encoding="utf-8") as f:
        html = f.read()
    rows = []
    for row in re.findall(r"<tr id=\"[^\"]*\"[^>]*>(.*?)</tr>", html, re.S):
        name = re.search(r'class="ellipsed-name">([^<]*)</span>', row)
        values = re.findall(r'<td class="value [a-z]+ col-\d+">([^<]*)</td>', row)
        if name and len(values) >= 13:
            rows.append((unescape(name.group(1)), values))
    print(f"{'request':48} {'count':>6} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'req/s':>7}")
    for name, v in sorted(rows, key=lambda r: (r[0] != "All Requests", r[0])):
        print(f"{name[:48]:48} {v[0]:>6} {v[2]:>6} {v[6]:>7} {v[8]:>7} {v[9]:>7} {v[4]:>7}")
elif report != "none":
    print("no Gatling report found in", report)

samples = []
with open(usage_file if os.path.exists(usage_file) else os.devnull, encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if row["cpu_ticks"] and row["rss_kb"]:
            machine = row.get("machine_ticks") or ""
            samples.append((int(row["epoch_s"]), float(row["cpu_ticks"]), int(row["rss_kb"]), float(row["load1"]),
                            float(machine) if machine else None))
if len(samples) >= 2:
    hz = os.sysconf("SC_CLK_TCK")
    cpu = [(b[1] - a[1]) / hz / max(1, b[0] - a[0]) * 100 for a, b in zip(samples, samples[1:])]
    rss = [s[2] / 1024 for s in samples]
    load = [s[3] for s in samples]
    print(f"server CPU (% of one core, 5 s samples): avg {sum(cpu) / len(cpu):.0f}, max {max(cpu):.0f}")
    if all(x[4] is not None for x in samples):
        machine = [(b[4] - a[4]) / hz / max(1, b[0] - a[0]) * 100 for a, b in zip(samples, samples[1:])]
        others = [m - c for m, c in zip(machine, cpu)]
        print(f"machine CPU (% of one core, all processes): avg {sum(machine) / len(machine):.0f}; "
              f"everything but this server (the load generator, PostgreSQL, ...): avg {sum(others) / len(others):.0f}")
    print(f"server RSS MB: start {rss[0]:.0f}, max {max(rss):.0f}, end {rss[-1]:.0f}")
    print(f"load average (1 min) during the run: min {min(load):.2f}, avg {sum(load) / len(load):.2f}, max {max(load):.2f}")
