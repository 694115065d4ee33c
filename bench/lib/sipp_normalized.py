#!/usr/bin/env python3
"""Server CPU per SIPp CPU, step by step: a log-cost figure that the machine's speed cancels out of.

  sipp_normalized.py RUN_FOLDER... [--max-retrans-pct 5]

On these shared machines the same build's best rate moved by up to 30 % between runs of
one sweep, and so did the CPU every process needed per call: SIPp's client took 38 % of a
core at 2500 calls/s in one run and 45 % in the next. SIPp does the same work for every
call whatever the server, so the server's CPU divided by SIPp's (client and server
together) at the same step is the server's cost per call in units of the load
generator's, and a slower or faster moment of the machine changes both alike.

Reads each run's `clearline.anchor.log` (bench/run.sh or bench/logcost/run.sh
folders) and prints, per run, the ratio for every passing step whose SIPp
retransmissions stay under the limit (a step that is resending is doing extra
work on both sides), and their median. Two runs' medians divided (log off by log on)
are the log's CPU efficiency, steadier than the ratio of best rates.
"""
import glob
import os
import re
import sys

STEP = re.compile(r"rate=\s*(\d+)/s .*ok=(\d+)/(\d+) .*retrans=(\d+) "
                  r"cpu%\[srv=([\d.]+) uac=([\d.]+) uas=([\d.]+).*=> (\w+)")


def steps(log, max_retrans):
    out = []
    for line in open(log):
        m = STEP.search(line)
        if not m:
            continue
        rate, _ok, attempts, retrans, srv, uac, uas, result = m.groups()
        if result != "PASS" or int(retrans) > max_retrans * int(attempts):
            continue
        out.append((int(rate), float(srv) / (float(uac) + float(uas))))
    return out


def main(argv):
    max_retrans = 0.05
    if "--max-retrans-pct" in argv:
        i = argv.index("--max-retrans-pct")
        max_retrans = float(argv[i + 1]) / 100
        del argv[i:i + 2]
    for folder in argv:
        logs = sorted(glob.glob(folder + "/clearline.anchor.log") + glob.glob(folder + "/*/clearline.anchor.log"))
        for log in logs:
            found = steps(log, max_retrans)
            run = os.path.relpath(os.path.dirname(log), os.path.dirname(folder.rstrip("/")) or ".")
            if not found:
                print(f"{run:20s} no passing step under {max_retrans:.0%} retransmissions")
                continue
            ratios = sorted(r for _, r in found)
            n = len(ratios)
            median = ratios[n // 2] if n % 2 else (ratios[n // 2 - 1] + ratios[n // 2]) / 2
            print(f"{run:20s} steps={len(found):2d} server/SIPp CPU median={median:.3f}  "
                  + " ".join(f"{rate}:{r:.2f}" for rate, r in found))


if __name__ == "__main__":
    main(sys.argv[1:])
