#!/usr/bin/env python3
"""G1's pauses and marking cycles in a window of a GC log.

  gc_pauses.py GC.log [FROM_S TO_S]

Reads a log written with -Xlog:gc:file=GC.log:uptime (or gc*) and prints, per
kind of pause, the count, total, mean, 90th percentile and maximum, then all
pauses as a share of the window and the concurrent marking cycles. FROM_S and
TO_S are JVM uptimes in seconds (default: the whole log).
"""
import collections
import re
import sys

PAUSE = re.compile(r"^\[([\d.]+)s\]\[gc\s*\] GC\(\d+\) (Pause \w+(?: \(\w+\))?(?: \([\w ]+\))?) .*? ([\d.]+)ms$")
MARK = re.compile(r"^\[([\d.]+)s\]\[gc\s*\] GC\(\d+\) Concurrent Mark Cycle ([\d.]+)ms")


def main():
    path = sys.argv[1]
    start = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
    end = float(sys.argv[3]) if len(sys.argv) > 3 else float("inf")
    pauses, marks, last = collections.defaultdict(list), [], start
    with open(path) as f:
        for line in f:
            m = PAUSE.match(line)
            if m and start <= float(m.group(1)) <= end:
                pauses[m.group(2)].append(float(m.group(3)))
                last = max(last, float(m.group(1)))
            m = MARK.match(line)
            if m and start <= float(m.group(1)) <= end:
                marks.append(float(m.group(2)))
    every = []
    for kind, times in sorted(pauses.items()):
        times.sort()
        every += times
        print(f"{kind:45s} n={len(times):4d} total={sum(times):8.1f} ms mean={sum(times) / len(times):5.1f}"
              f" p90={times[int(len(times) * 0.9)]:5.1f} max={times[-1]:5.1f}")
    window = (min(end, last) - start) or 1
    print(f"all pauses: {len(every)}, {sum(every):.0f} ms ({100 * sum(every) / 1000 / window:.1f} % of {window:.0f} s);"
          f" concurrent marking cycles: {len(marks)} ({sum(marks):.0f} ms)")


if __name__ == "__main__":
    main()
