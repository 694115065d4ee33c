#!/usr/bin/env bash
# Live heap of the transaction layer under load (hot spot 1 of bench/RESULTS.md).
#
#   bench/heap/txmem.sh                               this checkout
#   CLEARLINE_HOME=/path/to/other/checkout bench/heap/txmem.sh   another build (before/after)
#
# Clearline runs with -Xmx$HEAP on 127.0.0.1. Two phases, each bounded by SIPp's
# -m and -timeout and stopped by PID:
#   reg:   REGISTER with digest auth (401, 200) at REG_RATE/s for LOAD_S seconds;
#   calls: callees pre-registered, a SIPp UAS, calls with a 407 round at CALL_RATE/s
#          for LOAD_S seconds (1 s hold).
# Near the end of each phase (LOAD_S - 3 s in) `jcmd GC.class_histogram` runs: it
# collects first, so it counts only live objects. Between the phases the server
# rests for REST_S (> 64*T1 = 32 s) so that the REGISTER transactions are gone.
# probe: (no server, no SIPp) bench/heap/TransactionProbe.java: the retained heap of one
#        finished transaction of each kind, in-process and noise-free.
# Prints one line per phase: live transactions, parsed messages, scheduled timer
# tasks, total live heap, and the live heap per transaction above the heap just
# before the phase (which is why the per-transaction figure includes the little the
# phase adds for good: the bindings of the REGISTER phase, about 4 MB).
# Knobs: HEAP (256m) LOAD_S (30) REG_RATE (1000) CALL_RATE (300) REST_S (40)
#        PORT (5180) REG_PORT (5162) UAC_PORT (5161) UAS_PORT (5170) PREREG_PORT (5163)
#        OUT, CLEARLINE_HOME, KAMAILIO_ANCHOR, BUILD (auto|always|never), PHASES ("probe reg calls"),
#        EXTRA_JAVA_OPTS (more JVM options for the server, after the heap's and the GC log's),
#        PROBE_N (20000 transactions per probe scenario)
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
CL_HOME=$(cd "${CLEARLINE_HOME:-$REPO}" && pwd) || exit 1
PY=/usr/bin/python3
HEAP=${HEAP:-256m}
LOAD_S=${LOAD_S:-30}
REG_RATE=${REG_RATE:-1000}
CALL_RATE=${CALL_RATE:-300}
REST_S=${REST_S:-40}
PORT=${PORT:-5180}
REG_PORT=${REG_PORT:-5162}
UAC_PORT=${UAC_PORT:-5161}
UAS_PORT=${UAS_PORT:-5170}
PREREG_PORT=${PREREG_PORT:-5163}
PHASES=${PHASES:-probe reg calls}
PROBE_N=${PROBE_N:-20000}
OUT=${OUT:-${TMPDIR:-/tmp}/clearline-txmem-$(date +%Y%m%d-%H%M%S)}
SRVPID=""; PIDS=""

log() { echo "[$(date +%H:%M:%S)] $*"; }

# shared helpers of bench/run.sh: JDK discovery, anchor location, build, port check, stopping
# a PID we started, waiting on PIDs with a bound
eval "$(sed -n '/^locate_anchor() {/,/^}/p; /^find_java() {/,/^}/p; /^build_jar() {/,/^}/p; /^port_busy() {/,/^}/p;
    /^stop_pid() {/,/^}/p; /^bounded_wait() {/,/^}/p' "$REPO/bench/run.sh")"
stop_all() { local p; for p in "$@"; do stop_pid "$p" 2; done; }

cleanup() {
    local p
    for p in $PIDS; do stop_pid "$p" 5; done
    stop_pid "$SRVPID" 20
}
trap cleanup EXIT
trap 'exit 130' INT TERM

JAVA=$(find_java) || exit 1
export JAVA_HOME=${JAVA%/bin/java}
JCMD=${JAVA%/java}/jcmd
BUILD=${BUILD:-auto}
build_jar
ANCHOR=$(locate_anchor) || exit 1
SCN=$ANCHOR/scenarios
SIPPC=(-i 127.0.0.1 -nostdin -buff_size 1048576 -trace_stat -fd 1 -recv_timeout 10000)
mkdir -p "$OUT"

if [[ " $PHASES " == *" probe "* ]]; then
    log "probe: $PROBE_N finished transactions of each kind, in-process (-Xmx1g)"
    timeout 600 "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx1g -cp "$CL_HOME/target/classes:$CL_HOME/target/lib/*" \
        "$HERE/TransactionProbe.java" "$PROBE_N" 2> "$OUT/probe.err" | grep '^PROBE' | tee -a "$OUT/txmem.txt"
    PHASES=$(echo " $PHASES " | sed 's/ probe / /; s/^ *//; s/ *$//')
    [ -z "$PHASES" ] && { echo "results: $OUT"; exit 0; }
fi

for p in "$PORT" "$REG_PORT" "$UAC_PORT" "$UAS_PORT" "$PREREG_PORT"; do
    if port_busy "$p"; then echo "port $p is in use; choose other ports (PORT, REG_PORT, ...)" >&2; exit 1; fi
done

data=$OUT/data cfg=$OUT/clearline.yaml dir=$OUT/clearline-data
"$PY" "$ANCHOR/gen_data.py" "$data" 10000 1000 > /dev/null
"$PY" "$REPO/bench/lib/clearline_config.py" "$data/subscribers.csv" "$cfg" "$PORT" || exit 1
rm -rf "$dir"; mkdir -p "$dir"
log "Clearline from $CL_HOME ($(git -C "$CL_HOME" rev-parse --short HEAD 2>/dev/null || echo '?')), -Xmx$HEAP, port $PORT"
CLEARLINE_JAVA_OPTS="-Xmx$HEAP -Xlog:gc:file=$OUT/gc.log:uptime ${EXTRA_JAVA_OPTS:-}" "$CL_HOME/clearline" serve \
    --config "$cfg" --data "$dir" --sip-port "$PORT" > "$OUT/clearline.log" 2>&1 &
SRVPID=$!
answer=$("$PY" "$REPO/bench/lib/sip_wait.py" "127.0.0.1:$PORT" 120 "$SRVPID") ||
    { echo "Clearline did not start:" >&2; tail -30 "$OUT/clearline.log" >&2; exit 1; }
log "Clearline pid $SRVPID answers '$answer'"

# one figure from a histogram: instances and bytes of a class (simple name, any package)
count_of() { awk -v c="$2" '$4 ~ ("\\." c "$") {n += $2} END {print n + 0}' "$1"; }
bytes_of() { awk -v c="$2" '$4 ~ ("\\." c "$") {n += $3} END {print n + 0}' "$1"; }
total_of() { awk '$1 == "Total" {print $3}' "$1"; }

histogram() {  # $1 = label; a full GC, then the live objects
    "$JCMD" "$SRVPID" GC.class_histogram > "$OUT/histogram-$1.txt" 2>&1
}

report() {  # $1 = label, $2 = idle histogram
    local h=$OUT/histogram-$1.txt idle tx live per c line
    idle=$(total_of "$2")
    live=$(total_of "$h")
    tx=0
    for c in ServerNonInviteTransaction ServerInviteTransaction ClientInviteTransaction ClientNonInviteTransaction; do
        tx=$((tx + $(count_of "$h" "$c")))
    done
    per=$([ "$tx" -gt 0 ] && echo $(((live - idle) / tx)) || echo 0)
    line="TXMEM $1 server_non_invite=$(count_of "$h" ServerNonInviteTransaction)"
    line+=" server_invite=$(count_of "$h" ServerInviteTransaction)"
    line+=" client_invite=$(count_of "$h" ClientInviteTransaction)"
    line+=" client_non_invite=$(count_of "$h" ClientNonInviteTransaction)"
    line+=" SipRequest=$(count_of "$h" SipRequest) SipResponse=$(count_of "$h" SipResponse)"
    line+=" Header=$(count_of "$h" Header) Inbound=$(count_of "$h" Inbound)"
    line+=" timer_tasks=$(count_of "$h" ScheduledFutureTask)"
    line+=" live_heap_mb=$((live / 1048576)) idle_heap_mb=$((idle / 1048576))"
    line+=" bytes_per_transaction=$per"
    echo "$line" | tee -a "$OUT/txmem.txt"
}

sipp_summary() {  # $1 = stat csv: successful and failed calls, retransmissions
    awk -F';' 'NR == 1 {for (i = 1; i <= NF; i++) h[$i] = i; next}
        END {printf "%s ok, %s failed, %s retransmissions\n", $h["SuccessfulCall(C)"], $h["FailedCall(C)"],
             $h["Retransmissions(C)"]}' "$1"
}

gc_summary() {  # pauses and their sum from -Xlog:gc, since uptime $1 s (not the histograms' own)
    awk -v from="$1" '{t = substr($1, 2) + 0} t >= from && /Pause/ && !/Heap Inspection/ {
            n++; if ($0 ~ /Pause Full/) f++; ms = $NF; sub("ms", "", ms); s += ms}
        END {printf "%d GC pauses (%d full: heap exhausted), %.0f ms paused\n", n, f, s}' "$OUT/gc.log"
}

uptime_s() { "$JCMD" "$SRVPID" VM.uptime 2>/dev/null | awk '/s$/ {print int($1)}' | tail -1; }

sleep 5
histogram idle
log "idle: $(total_of "$OUT/histogram-idle.txt") bytes live"

phase_reg() {
    local d=$OUT/reg t0
    mkdir -p "$d"
    t0=$(uptime_s)
    log "reg: REGISTER at $REG_RATE/s for ${LOAD_S}s"
    (cd "$d" && exec sipp "127.0.0.1:$PORT" -sf "$SCN/reg_auth.xml" -inf "$data/reg_users.csv" \
        -key cport "$REG_PORT" -p "$REG_PORT" -m $((REG_RATE * LOAD_S)) -r "$REG_RATE" \
        -timeout "$((LOAD_S + 30))s" -stf stat.csv "${SIPPC[@]}" > sipp.out 2>&1) &
    PIDS=$!
    sleep $((LOAD_S - 3))
    histogram reg
    bounded_wait 40 $PIDS; stop_all $PIDS; PIDS=""
    log "reg SIPp: $(sipp_summary "$d/stat.csv"); server: $(gc_summary "${t0:-0}")"
    report reg "$OUT/histogram-idle.txt"
}

phase_calls() {
    local d=$OUT/calls uas t0
    mkdir -p "$d"
    log "calls: callees registered, then calls at $CALL_RATE/s for ${LOAD_S}s"
    (cd "$d" && exec sipp "127.0.0.1:$PORT" -sf "$SCN/reg_auth.xml" -inf "$data/callees.csv" \
        -key cport "$UAS_PORT" -p "$PREREG_PORT" -m 1000 -r 500 -timeout 25s -stf prereg.csv \
        "${SIPPC[@]}" > prereg.out 2>&1) &
    PIDS=$!
    bounded_wait 30 $PIDS; stop_all $PIDS; PIDS=""
    histogram calls-idle
    (cd "$d" && exec sipp -sf "$SCN/uas.xml" -p "$UAS_PORT" -timeout "$((LOAD_S + 40))s" -stf uas.csv \
        -i 127.0.0.1 -nostdin -buff_size 1048576 -trace_stat > uas.out 2>&1) &
    uas=$!
    PIDS=$uas
    sleep 0.5
    t0=$(uptime_s)
    (cd "$d" && exec sipp "127.0.0.1:$PORT" -sf "$SCN/uac_auth.xml" -inf "$data/calls.csv" -p "$UAC_PORT" \
        -d 1000 -m $((CALL_RATE * LOAD_S)) -r "$CALL_RATE" -timeout "$((LOAD_S + 30))s" -stf stat.csv \
        "${SIPPC[@]}" > sipp.out 2>&1) &
    PIDS="$uas $!"
    sleep $((LOAD_S - 3))
    histogram calls
    bounded_wait 40 ${PIDS#* }
    stop_all ${PIDS#* }
    kill -USR1 "$uas" 2>/dev/null  # SIPp's UAS: no new calls, end when the current ones have
    bounded_wait 5 "$uas"; stop_all "$uas"; PIDS=""
    log "calls SIPp: $(sipp_summary "$d/stat.csv"); server: $(gc_summary "${t0:-0}")"
    report calls "$OUT/histogram-calls-idle.txt"
}

first=1
for ph in $PHASES; do
    if ((!first)); then
        log "resting ${REST_S}s (Timer J of the previous phase runs out)"
        sleep "$REST_S"
    fi
    first=0
    "phase_$ph"
done
histogram end
log "after the phases: $(total_of "$OUT/histogram-end.txt") bytes live"
stop_pid "$SRVPID" 20; SRVPID=""
echo "results: $OUT (txmem.txt, histogram-*.txt, gc.log)"
