#!/usr/bin/env bash
# The trace analyzer against tshark on the same synthetic capture, same run.
#
#   bench/analyzer/run.sh                 1 GiB capture (written once to $TMPDIR)
#   SIZE_MB=100 bench/analyzer/run.sh     a smaller one
#
# 1. writes $TMPDIR/clearline-bench-<SIZE_MB>mb-rtp<N>.pcap with GenerateCapture.java
#    (seeded: the same file every time) unless it exists;
# 2. reads it once with cat to warm the page cache, so every run reads from memory;
# 3. runs `clearline analyze --json` with each bounded heap of HEAPS (default
#    "256 64": -Xmx256m and -Xmx64m) and `tshark -Y sip -r` (all output to files
#    or /dev/null), each under /usr/bin/time -v, ROUNDS times (default 2) in turn;
# 4. prints elapsed seconds, CPU seconds and peak RSS per run, the best of each,
#    the ratio tshark/clearline (above 1: the analyzer is faster), and what the
#    analysis found.
# Knobs: SIZE_MB, RTP_PER_CALL (default 40), HEAPS, ROUNDS, KEEP=1 (keep the capture), OUT.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
size=${SIZE_MB:-1024}
rtp=${RTP_PER_CALL:-40}
heaps=${HEAPS:-256 64}
rounds=${ROUNDS:-2}
tmp=${TMPDIR:-/tmp}
capture="$tmp/clearline-bench-${size}mb-rtp${rtp}.pcap"
out=${OUT:-$tmp/clearline-analyzer-bench.$$}
mkdir -p "$out"

# shellcheck source=../../bin/find-jdk.sh
source "$repo/bin/find-jdk.sh"
clearline_find_jdk || exit 1
(cd "$repo" && ./clearline --help >/dev/null)   # builds the jar when the sources changed
command -v tshark >/dev/null || { echo "bench: tshark is missing (apt-get install tshark)" >&2; exit 1; }

if [[ ! -f $capture ]]; then
  echo "bench: writing $capture" >&2
  "$JAVA_HOME/bin/java" "$here/GenerateCapture.java" "$capture" "$size" "$rtp"
fi
[[ ${KEEP:-0} == 1 ]] || trap 'rm -f "$capture"' EXIT
cat "$capture" >/dev/null

measure() { # NAME COMMAND...: one run, its /usr/bin/time -v report in $out/NAME.time
  local name=$1; shift
  /usr/bin/time -v -o "$out/$name.time" "$@" >/dev/null 2>"$out/$name.err" || {
    echo "bench: $name failed:" >&2; tail -3 "$out/$name.err" >&2; exit 1; }
  python3 "$here/timing.py" "$out/$name.time" "$name"
}

echo "capture: $capture ($(du -h "$capture" | cut -f1)), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" \
    | tee "$out/summary.txt"
for r in $(seq "$rounds"); do
  for h in $heaps; do
    measure "clearline${h}m-$r" "$JAVA_HOME/bin/java" "-Xmx${h}m" -jar "$repo/target/clearline.jar" analyze --json \
        -o "$out/analysis-${h}m.json" "$capture" | tee -a "$out/summary.txt"
  done
  measure "tshark-$r" tshark -Y sip -r "$capture" | tee -a "$out/summary.txt"
done
python3 "$here/timing.py" --best "$out/summary.txt" | tee -a "$out/summary.txt"
python3 "$here/timing.py" --found "$out"/analysis-*.json | tee -a "$out/summary.txt"
echo "bench: details in $out" >&2
