#!/usr/bin/env bash
# The call log's cost (issue 5: calls/s with the log on >= 90 % of the rate
# without it), measured so that the machine's drift cancels out.
#
#   bench/logcost/interleaved.sh        about 20 minutes
#
# run.sh's sweeps measure one server after the other, five minutes apart; on
# these shared 2-core VMs the same build's speed can change by a third in a
# quarter of an hour (bench/RESULTS.md, twenty-first pass), so one pair of such
# sweeps does not decide a 10 % question. Here two Clearline servers from the
# same build run side by side: "on" with the generated config as it is (the
# log's defaults: every message of every call) on 127.0.0.1:5080, "off" with
# "callLog: {enabled: false}" on 127.0.0.1:5081, each with its own fresh data
# directory and an administration listener on any free port. Both are warmed
# up (bench/run.sh's ramped warm-up, one after the other, then the first again
# for 10 s so that neither has rested long), then every rate of
# CALL_RATES is measured on both, one right after the other, the one going
# first alternating from rate to rate. Each step is one run of the anchor's
# runner (SKIP_KAMAILIO=1, the 407 call sweep at that one rate: the identical
# SIPp load, pass rule and CPU accounting as every other benchmark here). Only
# one server has load at any time; the anchor waits before each step until the
# other is quiet. A server leaves the sweep at its first failing step; with
# CONFIRM=1 each best rate is run once more at the end (interleaved too).
# FIRST says which server starts first and has the first step (run it once each
# way).
#
# Knobs: CALL_RATES ("2750 ... 4750" in steps of 125), STEP_S (20), CONFIRM (1),
#   FIRST (on), ON_EXTRA (YAML appended to the log-on server's config, e.g.
#   "callLog: {ladders: failed}" to measure that policy; default none),
#   OUT, and bench/run.sh's CLEARLINE_JAVA_OPTS, WARMUP_S, WARMUP_CPS, BUILD,
#   CLEARLINE_HOME, KAMAILIO_ANCHOR.
# Output: $OUT/{on,off}/ (server log, config, data, warm-up, steps/r<rate>/ one
#   anchor run each, results.jsonl of all of them), $OUT/compare.md (bench/lib/
#   compare.py, off as the base) and a final line 'LOGCOST interleaved ...'.
set -uo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$REPO/bench  # what bench/run.sh's functions call $HERE
CL_HOME=$(cd "${CLEARLINE_HOME:-$REPO}" && pwd) || exit 1
PY=/usr/bin/python3
OUT_ROOT=${OUT:-${TMPDIR:-/tmp}/clearline-logcost-interleaved-$(date +%Y%m%d-%H%M%S)}
CALL_RATES=${CALL_RATES:-$(seq 2750 125 4750 | tr '\n' ' ')}
STEP_S=${STEP_S:-20}
CONFIRM=${CONFIRM:-1}
FIRST=${FIRST:-on}
case $FIRST in on|off) ;; *) echo "FIRST must be on or off" >&2; exit 2 ;; esac
CLEARLINE_JAVA_OPTS=${CLEARLINE_JAVA_OPTS-}
WARMUP_S=${WARMUP_S:-60}
WARMUP_CPS=${WARMUP_CPS:-1500}
BUILD=${BUILD:-auto}
SAMPLE_PIDS=""
declare -A PORT=([on]=5080 [off]=5081) PID=() EXTRA=([on]="${ON_EXTRA:-}" [off]="callLog: {enabled: false}")
declare -A FAILED=() BEST=()

# bench/run.sh's own: JDK rule, build, server start, ramped warm-up, stopping by PID
eval "$(sed -n '/^log() {/,/^}/p; /^stop_pid() {/,/^}/p; /^locate_anchor() {/,/^}/p; /^find_java() {/,/^}/p;
    /^build_jar() {/,/^}/p; /^port_busy() {/,/^}/p; /^start_clearline() {/,/^}/p; /^warm_up() {/,/^}/p;
    /^bounded_wait() {/,/^}/p' "$REPO/bench/run.sh")"
# and the log database's rows and size, as run.sh in this folder reports them
eval "$(sed -n '/^log_rows() {/,/^}/p' "$REPO/bench/logcost/run.sh")"

cleanup() {
    local p
    for p in $SAMPLE_PIDS; do stop_pid "$p" 2; done
    [ -n "${RUNPID:-}" ] && stop_pid "$RUNPID" 60  # the anchor stops its own SIPp on TERM
    for p in "${PID[@]}"; do stop_pid "$p" 30; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

JAVA=$(find_java) || exit 1
export JAVA_HOME=${JAVA%/bin/java}
ANCHOR=$(locate_anchor) || exit 1
build_jar
H2_JAR=$(ls "$CL_HOME"/target/lib/h2-*.jar 2>/dev/null | head -1)
mkdir -p "$OUT_ROOT"

start() {  # $1 on|off: starts and warms up that server (run.sh's functions read OUT, CL_PORT, CLPID)
    local s=$1
    OUT=$OUT_ROOT/$s CL_PORT=${PORT[$s]} CL_HTTP_PORT=0 CLEARLINE_CONFIG_EXTRA=${EXTRA[$s]}
    mkdir -p "$OUT"
    start_clearline
    PID[$s]=$CLPID
    warm_up
}

step() {  # $1 on|off, $2 rate: one anchor run; returns 0 when the step passed
    local s=$1 rate=$2 d line
    d=$OUT_ROOT/$s/steps/r$rate-$(date +%H%M%S)
    mkdir -p "$d"
    env OUT="$d" SKIP_KAMAILIO=1 SKIP_INSTALL=1 TARGET="127.0.0.1:${PORT[$s]}" SERVER_PIDS="${PID[$s]}" \
        CALL_RATES="$rate" REG_RATES="" NOAUTH_RATES="" CONFIRM=0 STEP_S="$STEP_S" bash "$ANCHOR/run.sh" > "$d.log" 2>&1 &
    RUNPID=$!
    wait "$RUNPID"; RUNPID=""
    cat "$d/results.jsonl" >> "$OUT_ROOT/$s/results.jsonl" 2>/dev/null
    line=$(grep -m1 '^call_auth ' "$d.log")
    log "log $s: ${line:-no step line (see $d.log)}"
    [[ $line == *"=> PASS"* ]]
}

log "servers: log on at 127.0.0.1:${PORT[on]}, log off at 127.0.0.1:${PORT[off]} ($CL_HOME)"
if [ "$FIRST" = on ]; then first="on off"; then_="off on"; else first="off on"; then_="on off"; fi
for s in $first; do start "$s"; done
# The server started first has idled through the other's warm-up (80 s); a short
# second warm-up puts both at the same start. (Its first steps used to fail: page
# faults inside GC pauses, gone since the launcher pre-touches the heap; RESULTS,
# twenty-third pass.) During the sweep each server rests only for the other's step.
s=${first%% *}
OUT=$OUT_ROOT/$s/rewarm CL_PORT=${PORT[$s]}
mkdir -p "$OUT"
ln -s "$OUT_ROOT/$s/data" "$OUT/data"  # the users and calls its first warm-up used
WARMUP_S=10 warm_up
# the comparison means nothing if the log-off server logs (as one did while serve's
# --http-port dropped the config's callLog section)
if [ -e "$OUT_ROOT/off/clearline-data/calllog.mv.db" ]; then
    echo "the log-off server wrote a call log: its 'callLog: {enabled: false}' was not applied" >&2
    exit 1
fi
i=0
for rate in $CALL_RATES; do
    [ -n "${FAILED[on]:-}" ] && [ -n "${FAILED[off]:-}" ] && break
    if ((i % 2 == 0)); then order=$first; else order=$then_; fi
    i=$((i + 1))
    for s in $order; do
        [ -n "${FAILED[$s]:-}" ] && continue
        if step "$s" "$rate"; then BEST[$s]=$rate; else FAILED[$s]=$rate; fi
    done
done
if ((CONFIRM)); then
    for s in on off; do
        [ -n "${BEST[$s]:-}" ] && { log "confirming log $s at ${BEST[$s]}/s"; step "$s" "${BEST[$s]}"; }
    done
fi
for s in on off; do
    ps -o rss= -p "${PID[$s]}" | awk -v s="$s" '{printf "log %s: rss_mb=%.0f\n", s, $1 / 1024}' \
        >> "$OUT_ROOT/rss.txt"  # printed with the report below
    stop_pid "${PID[$s]}" 30
    unset "PID[$s]"
done
log_rows "$OUT_ROOT/on" | tee "$OUT_ROOT/on/logrows.txt"

{
    echo "# Call log cost, interleaved, $(date -Is)"
    echo
    echo "CALL_RATES=\"$CALL_RATES\" STEP_S=$STEP_S CONFIRM=$CONFIRM FIRST=$FIRST WARMUP_S=$WARMUP_S WARMUP_CPS=$WARMUP_CPS" \
         "CLEARLINE_JAVA_OPTS=${CLEARLINE_JAVA_OPTS:-none, the launcher default: fixed 512 MB heap}"
    echo "clearline: $CL_HOME at $(git -C "$CL_HOME" rev-parse --short HEAD 2>/dev/null || echo '(no git)')"
    echo
    "$PY" "$REPO/bench/lib/compare.py" "$ANCHOR" "$OUT_ROOT/off/results.jsonl" log-off \
        "$OUT_ROOT/on/results.jsonl" log-on
    echo
    cat "$OUT_ROOT/rss.txt" "$OUT_ROOT/on/logrows.txt"
} > "$OUT_ROOT/compare.md"
cat "$OUT_ROOT/compare.md"
echo "LOGCOST interleaved $(grep -h '^COMPARE' "$OUT_ROOT/compare.md" | tr '\n' ' ')"
echo "results: $OUT_ROOT"
