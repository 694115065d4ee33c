#!/usr/bin/env bash
# Summarise the profile of a `PROFILE=1 bench/run.sh` run:
#   bench/profile.sh OUT_DIR
# - CPU by thread group, by Clearline package, hot methods (self and inclusive)
#   from the JFR execution samples ($OUT/clearline.jfr)
# - GC pauses and allocation by class from the same recording
# - CPU per thread, GC and JIT threads included ($OUT/threadcpu.txt)
# - the top frames of RUNNABLE threads across the jstack samples ($OUT/jstack/)
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
OUT=${1:?usage: bench/profile.sh OUT_DIR}
eval "$(sed -n '/^find_java() {/,/^}/p' "$HERE/run.sh")"
JAVA=$(find_java) || exit 1
export JAVA_HOME=${JAVA%/bin/java}
JFR=${JAVA%/java}/jfr
if [ -f "$OUT/clearline.jfr" ]; then
    /usr/bin/python3 "$HERE/lib/jfr_stacks.py" "$JFR" "$OUT/clearline.jfr" 30
    echo; echo "## GC"
    "$JFR" view gc-pauses "$OUT/clearline.jfr" 2>/dev/null | head -20
    echo; echo "## allocation by class"
    "$JFR" view allocation-by-class "$OUT/clearline.jfr" 2>/dev/null | head -25
    echo; echo "## lock contention"
    "$JFR" view contention-by-site "$OUT/clearline.jfr" 2>/dev/null | head -15
else
    echo "no $OUT/clearline.jfr"
fi
if [ -f "$OUT/threadcpu.txt" ]; then
    echo; echo "## CPU per thread over the measured part (GC and JIT included)"
    head -25 "$OUT/threadcpu.txt"
fi
if [ -d "$OUT/jstack" ]; then
    echo; echo "## jstack: top frames of RUNNABLE threads over $(ls "$OUT/jstack" | wc -l) dumps"
    awk '/^"/ {name = $0; grab = 0} /java.lang.Thread.State: RUNNABLE/ {grab = 1; next}
         grab && /^\tat / {sub(/^\tat /, ""); sub(/\(.*/, ""); print; grab = 0}' "$OUT"/jstack/*.txt |
        sort | uniq -c | sort -rn | head -25
fi
