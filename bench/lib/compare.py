#!/usr/bin/env python3
"""Side-by-side table of two anchor runs made back to back on this machine.

  compare.py ANCHOR_DIR BASE_RESULTS.jsonl BASE_LABEL OURS_RESULTS.jsonl OURS_LABEL

ANCHOR_DIR is the shared Kamailio runner; its summarize.py decides what passed
(the same rule as its ANCHOR line: every run of a rate passed, quiet runs
preferred, every lower rate passed too), so the table cannot disagree with the
two reports. For each kind it prints the best passing rate of each server, the
ratio ours/base, and the server CPU at that rate: "ok per server CPU-s"
(successful attempts per CPU-second of the server's own processes, the figure
that does not depend on how much of the 2 cores SIPp took) and server CPU %.
Ratios of ok/CPU-s are also given at the highest rate both servers passed,
since per-attempt cost depends on the rate.
"""
import json
import os
import statistics
import sys

KINDS = [("reg", "REGISTER/s (401 + 200)"), ("call_auth", "calls/s (407, record-routed)"),
         ("call_noauth", "calls/s (no INVITE challenge)")]


def load(path):
    if not os.path.exists(path):
        return []
    return [json.loads(l) for l in open(path) if l.strip()]


def runs_at(recs, kind, rate):
    runs = [r for r in recs if r["kind"] == kind and r["rate"] == rate]
    quiet = [r for r in runs if not r.get("noisy")]
    return quiet or runs


def median_of(runs, key):
    vals = [r[key] for r in runs if isinstance(r.get(key), (int, float))]
    return statistics.median(vals) if vals else None


def srv_pct(runs):
    vals = [r.get("cpu_pct", {}).get("srv") for r in runs]
    vals = [v for v in vals if isinstance(v, (int, float))]
    return statistics.median(vals) if vals else None


def fmt(v, nd=0):
    if v is None:
        return "-"
    return f"{v:.{nd}f}"


def ratio(a, b):
    return a / b if a and b else None


def main():
    anchor_dir, base_path, base_label, ours_path, ours_label = sys.argv[1:6]
    sys.path.insert(0, anchor_dir)
    import summarize  # the shared pass rule

    base, ours = load(base_path), load(ours_path)
    best_b = summarize.anchor(base, lambda r: r["pass"])
    best_o = summarize.anchor(ours, lambda r: r["pass"])
    clean_b = summarize.anchor(base, summarize.clean_pass)
    clean_o = summarize.anchor(ours, summarize.clean_pass)
    tried = lambda recs, k: max((r["rate"] for r in recs if r["kind"] == k), default=None)

    print(f"| load | {base_label} best rate | {ours_label} best rate | ratio {ours_label}/{base_label} | "
          f"{base_label} ok per server CPU-s | {ours_label} ok per server CPU-s | "
          f"CPU efficiency ratio | {base_label} server CPU % | {ours_label} server CPU % | "
          f"same-rate ok/CPU-s ratio | clean best rate ({base_label} / {ours_label}) | noisy steps |")
    print("|" + "---|" * 12)
    lines = []
    for kind, title in KINDS:
        if not any(r["kind"] == kind for r in base + ours):
            continue
        rb, ro = best_b.get(kind), best_o.get(kind)
        capb = "≥" if rb is not None and rb == tried(base, kind) else ""
        capo = "≥" if ro is not None and ro == tried(ours, kind) else ""
        eb = median_of(runs_at(base, kind, rb), "ok_per_srv_cpu_s") if rb else None
        eo = median_of(runs_at(ours, kind, ro), "ok_per_srv_cpu_s") if ro else None
        pb = srv_pct(runs_at(base, kind, rb)) if rb else None
        po = srv_pct(runs_at(ours, kind, ro)) if ro else None
        common = min(rb, ro) if rb and ro else None
        same = None
        if common:
            same = ratio(median_of(runs_at(ours, kind, common), "ok_per_srv_cpu_s"),
                         median_of(runs_at(base, kind, common), "ok_per_srv_cpu_s"))
        noisy = sum(1 for r in base + ours if r["kind"] == kind and r.get("noisy"))
        steps = sum(1 for r in base + ours if r["kind"] == kind)
        r_rate = ratio(ro, rb)
        print(f"| {title} | {capb}{rb or 'none'} | {capo}{ro or 'none'} | {fmt(r_rate, 2)}× | "
              f"{fmt(eb)} | {fmt(eo)} | {fmt(ratio(eo, eb), 2)}× | {fmt(pb, 1)} | {fmt(po, 1)} | "
              f"{fmt(same, 2)}× at {common or '-'}/s | {clean_b.get(kind, 'none')} / "
              f"{clean_o.get(kind, 'none')} | {noisy}/{steps} |")
        lines.append(f"{kind}={fmt(r_rate, 2)}x(cpu {fmt(ratio(eo, eb), 2)}x)")
    print()
    print("'≥': the best rate is the highest rate tried, so the real limit is higher.")
    print(f"COMPARE {ours_label}/{base_label} " + " ".join(lines))


if __name__ == "__main__":
    main()
