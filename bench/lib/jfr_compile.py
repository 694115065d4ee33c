#!/usr/bin/env python3
"""What the JIT compiles while a benchmark step runs, from a JFR recording.

  jfr_compile.py JFR_BIN RECORDING.jfr [FROM [TO]]      times as HH:MM:SS (UTC, as jfr prints them)

Prints, for the recording (or the window FROM..TO):
  - C2 and C1 compile time per 10 s, with the deoptimizations of each 10 s
  - C2 compile time by package and by method in the window, OSR compiles marked
  - methods C2 compiled more than once (a compile thrown away by a deoptimization
    costs the whole compile again)
  - the most frequent deoptimizations (method and reason)

Record with the settings in bench/lib/compile.jfc (every compilation, however short,
and every deoptimization, without stacks: cheap enough for a measured step):
  CLEARLINE_JAVA_OPTS="-XX:StartFlightRecording:filename=X.jfr,settings=$PWD/bench/lib/compile.jfc"
"""
import collections
import json
import subprocess
import sys


def seconds(iso):
    """An ISO-8601 duration as jfr writes it (PT0.012S, PT1M2.5S) in seconds."""
    body = iso.removeprefix("PT").removesuffix("S")
    minutes = 0.0
    if "M" in body:
        m, body = body.split("M")
        minutes = float(m)
    return minutes * 60 + (float(body) if body else 0.0)


def name(method):
    return method["type"]["name"].split("/")[-1] + "." + method["name"]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    jfr, rec = sys.argv[1], sys.argv[2]
    start = sys.argv[3] if len(sys.argv) > 3 else "00:00:00"
    end = sys.argv[4] if len(sys.argv) > 4 else "99:99:99"
    out = subprocess.run([jfr, "print", "--json", "--events", "jdk.Compilation,jdk.Deoptimization", rec],
                         capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]

    per_bin = collections.defaultdict(lambda: [0.0, 0.0, 0])
    by_package, by_method, compiles, deopts = (collections.Counter() for _ in range(4))
    c2_total = 0.0
    for e in events:
        v = e["values"]
        at = v["startTime"][11:19]
        bin_ = at[:7] + "0"
        if e["type"] == "jdk.Deoptimization":
            per_bin[bin_][2] += 1
            if start <= at < end:
                deopts[f'{name(v["method"])} {v["reason"]} -> {v["action"]}'] += 1
            continue
        took = seconds(v["duration"])
        c2 = v["compileLevel"] == 4
        per_bin[bin_][0 if c2 else 1] += took
        if not c2 or not (start <= at < end):
            continue
        c2_total += took
        method = name(v["method"]) + (" (OSR)" if v["isOsr"] else "")
        by_package["/".join(v["method"]["type"]["name"].split("/")[:3])] += took
        by_method[method] += took
        compiles[method] += 1

    print("10 s from    C2 ms   C1 ms  deopts")
    for b in sorted(per_bin):
        c2, c1, d = per_bin[b]
        print(f"{b}  {c2 * 1000:7.0f} {c1 * 1000:7.0f} {d:7d}")
    print(f"\nC2 in {start}..{end}: {c2_total:.2f} s")
    print("by package:")
    for k, t in by_package.most_common(10):
        print(f"  {t * 1000:7.0f} ms  {k}")
    print("by method:")
    for k, t in by_method.most_common(15):
        print(f"  {t * 1000:7.0f} ms  {compiles[k]}x  {k}")
    again = [(k, n) for k, n in compiles.most_common() if n > 1]
    print("compiled by C2 more than once:", ", ".join(f"{k} {n}x" for k, n in again[:15]) or "none")
    print("deoptimizations:")
    for k, n in deopts.most_common(12):
        print(f"  {n:4d}  {k}")


if __name__ == "__main__":
    main()
