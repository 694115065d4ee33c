#!/usr/bin/env python3
"""Helpers of bench/analyzer/run.sh.

    timing.py TIME_FILE NAME       one line from a `/usr/bin/time -v` report
    timing.py --best SUMMARY       the best run of each tool and the ratios to tshark
    timing.py --found JSON...      what each analysis found (from `clearline analyze --json`)
"""
import json
import re
import sys


def one(path, name):
    text = open(path).read()

    def field(label):
        return re.search(re.escape(label) + r":\s*(.+)", text).group(1).strip()

    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    seconds = sum(float(p) * 60 ** i for i, p in enumerate(reversed(wall.split(":"))))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    print(f"{name:<16} {seconds:8.1f} s elapsed {cpu:8.1f} s CPU {rss:8.0f} MB peak RSS")


def best(path):
    runs = {}
    for line in open(path):
        m = re.match(r"([\w]+)-\d+\s+([\d.]+) s elapsed\s+([\d.]+) s CPU\s+(\d+) MB", line)
        if m:
            name, wall, cpu, rss = m.group(1), float(m.group(2)), float(m.group(3)), int(m.group(4))
            if name not in runs or wall < runs[name][0]:
                runs[name] = (wall, cpu, rss)
    t = runs.pop("tshark")
    print(f"best tshark -Y sip: {t[0]:.1f} s elapsed, {t[1]:.1f} s CPU, {t[2]} MB peak RSS")
    for name, c in sorted(runs.items()):
        print(f"best {name}: {c[0]:.1f} s elapsed, {c[1]:.1f} s CPU, {c[2]} MB peak RSS;"
              f" tshark/clearline elapsed {t[0] / c[0]:.2f}x, CPU {t[1] / c[1]:.2f}x, RSS {t[2] / c[2]:.1f}x")


def found(paths):
    for path in paths:
        d = json.load(open(path))
        i, c = d["input"], d["counts"]
        print(f"{path.rsplit('/', 1)[-1]}: {i['packets']} packets, {i['sipMessages']} SIP messages,"
              f" {c['calls']} calls, {c['registrations']} registrations, {c['problems']} with a problem:"
              f" {c['byDiagnosis']}")


if __name__ == "__main__":
    if sys.argv[1] == "--best":
        best(sys.argv[2])
    elif sys.argv[1] == "--found":
        found(sys.argv[2:])
    else:
        one(sys.argv[1], sys.argv[2])
