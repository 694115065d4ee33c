#!/usr/bin/env python3
"""What the collector copies out of the young generation, from a JFR recording.

  jfr_promotions.py JFR_BIN RECORDING.jfr [CLASS]

Record with the settings in bench/lib/promotion.jfc, e.g.
  CLEARLINE_JAVA_OPTS="-Xmx1g -XX:StartFlightRecording:filename=X.jfr,settings=$PWD/bench/lib/promotion.jfc"

G1 emits one event for the first object of each PLAB it fills (and one for each
object copied outside a PLAB), so each event stands for its PLAB's size: the
sums are samples of the bytes copied, by class, split into those tenured (moved
to the old generation) and those copied to a survivor region. With CLASS
(e.g. 'byte[]'), also that class by object size.
"""
import collections
import re
import subprocess
import sys

UNITS = {"bytes": 1, "kB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30}
BUCKETS = (32, 64, 128, 256, 512, 1024, 2048, 4096, 16384, 65536)


def size(text):
    value, unit = text.split()
    return float(value) * UNITS[unit]


def events(jfr, rec):
    out = subprocess.run([jfr, "print", "--events", "jdk.PromoteObjectInNewPLAB,jdk.PromoteObjectOutsidePLAB", rec],
                         capture_output=True, text=True, check=True).stdout
    for ev in re.split(r"\njdk\.PromoteObject\w+", out):
        cls = re.search(r"objectClass = (\S+)", ev)
        tenured = re.search(r"tenured = (\w+)", ev)
        obj = re.search(r"objectSize = ([\d.]+ \w+)", ev)
        plab = re.search(r"plabSize = ([\d.]+ \w+)", ev)
        if cls and tenured and obj:
            yield cls.group(1), tenured.group(1) == "true", size(obj.group(1)), size((plab or obj).group(1))


def main():
    jfr, rec = sys.argv[1], sys.argv[2]
    wanted = sys.argv[3] if len(sys.argv) > 3 else None
    by_class = {True: collections.Counter(), False: collections.Counter()}
    by_size = {True: collections.Counter(), False: collections.Counter()}
    n = 0
    for cls, tenured, obj, weight in events(jfr, rec):
        n += 1
        by_class[tenured][cls] += weight
        if cls == wanted:
            by_size[tenured][next((b for b in BUCKETS if obj <= b), "more")] += weight
    mb = 1 << 20
    print(f"events {n}, tenured {sum(by_class[True].values()) / mb:.0f} MB, "
          f"to survivors {sum(by_class[False].values()) / mb:.0f} MB (samples)")
    for tenured, label in ((True, "tenured"), (False, "to survivors")):
        print(f"\n{label}, by class:")
        for cls, w in by_class[tenured].most_common(20):
            print(f"  {w / mb:8.1f} MB  {cls}")
    if wanted:
        for tenured, label in ((True, "tenured"), (False, "to survivors")):
            print(f"\n{wanted} {label}, by object size (up to N bytes): "
                  + " ".join(f"{b}:{w / mb:.0f}" for b, w in sorted(by_size[tenured].items(), key=lambda x: x[0] if isinstance(x[0], int) else 1 << 62)))


if __name__ == "__main__":
    main()
