#!/usr/bin/env bash
# Heap for 100,000 registrations (target: <= 256 MB).
#
#   bench/heap/run.sh            both parts
#   PART=probe bench/heap/run.sh  only the in-process probe (seconds)
#   PART=e2e   bench/heap/run.sh  only the end-to-end run (minutes)
#
# probe: HeapProbe.java fills the real CachedDirectory (N accounts) and
#        LocationService (N bindings) under -Xmx256m, reports retained heap
#        after GC, and a class histogram of the live state.
# e2e:   Clearline started with -Xmx256m and N accounts in its store; SIPp
#        registers every one of them (the anchor's reg_auth.xml, one
#        injection row per account) at RATE/s; then the server must still
#        answer, and its heap after a full GC is read with jcmd. Everything on
#        127.0.0.1; the server and SIPp are bounded and stopped by PID.
# Knobs: N (100000), RATE (500), HEAP (256m), OUT, PORT (5080), SIPP_PORT (5062),
#        CLEARLINE_HOME, KAMAILIO_ANCHOR, BUILD (auto|always|never), REST_S (40: wait
#        after the load before the heap at rest is read)
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
CL_HOME=$(cd "${CLEARLINE_HOME:-$REPO}" && pwd) || exit 1
PY=/usr/bin/python3
N=${N:-100000}
RATE=${RATE:-500}
HEAP=${HEAP:-256m}
PORT=${PORT:-5080}
SIPP_PORT=${SIPP_PORT:-5062}
PART=${PART:-all}
REST_S=${REST_S:-40}
OUT=${OUT:-${TMPDIR:-/tmp}/clearline-heap-$(date +%Y%m%d-%H%M%S)}
SRVPID=""; SIPPPID=""; PROBEPID=""

log() { echo "[$(date +%H:%M:%S)] $*"; }

stop_pid() {
    local pid=$1 grace=${2:-10} i
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < grace * 10; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return 0
}
cleanup() { stop_pid "$PROBEPID" 2; stop_pid "$SIPPPID" 5; stop_pid "$SRVPID" 20; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# shared helpers of bench/run.sh: JDK discovery, anchor location, build
source_helpers() {
    eval "$(sed -n '/^locate_anchor() {/,/^}/p; /^find_java() {/,/^}/p; /^build_jar() {/,/^}/p; /^port_busy() {/,/^}/p' "$REPO/bench/run.sh")"
}
source_helpers
JAVA=$(find_java) || exit 1
export JAVA_HOME=${JAVA%/bin/java}
JCMD=${JAVA%/java}/jcmd
BUILD=${BUILD:-auto}
build_jar
mkdir -p "$OUT"

probe() {
    log "probe: $N accounts + $N bindings in the real CachedDirectory/LocationService, -Xmx$HEAP"
    # the probe waits on stdin after measuring, so a histogram can be taken of its live state
    local fifo=$OUT/probe.stdin
    rm -f "$fifo"; mkfifo "$fifo"
    "$JAVA" -Xmx"$HEAP" -Dprobe.pause=1 -cp "$CL_HOME/target/classes" "$HERE/HeapProbe.java" "$N" \
        < "$fifo" > "$OUT/probe.txt" 2>&1 &
    PROBEPID=$!
    exec 7> "$fifo"
    local i
    for ((i = 0; i < 1200; i++)); do
        grep -q '^PAUSED' "$OUT/probe.txt" && break
        kill -0 "$PROBEPID" 2>/dev/null || break
        sleep 0.1
    done
    "$JCMD" "$PROBEPID" GC.class_histogram -all 2>/dev/null | head -25 > "$OUT/probe_histogram.txt"
    echo >&7; exec 7>&-
    wait "$PROBEPID"; PROBEPID=""
    rm -f "$fifo"
    grep -v '^PAUSED' "$OUT/probe.txt"
    echo "class histogram of the live state (top 20): $OUT/probe_histogram.txt"
    head -23 "$OUT/probe_histogram.txt" | tail -21
}

e2e() {
    local anchor data=$OUT/data cfg=$OUT/clearline-$N.yaml dir=$OUT/clearline-data
    anchor=$(locate_anchor) || exit 1
    log "e2e: $N accounts, Clearline -Xmx$HEAP on 127.0.0.1:$PORT, SIPp REGISTER at $RATE/s"
    "$PY" "$anchor/gen_data.py" "$data" "$N" 1000 > /dev/null
    # the config declares one account; the store gets all N beforehand (a YAML file of
    # 100,000 accounts is over the config loader's 3 MB limit; undeclared accounts are kept)
    "$PY" "$REPO/bench/lib/clearline_config.py" "$data/subscribers.csv" "$cfg" "$PORT" 1 || exit 1
    { echo SEQUENTIAL; tail -n +2 "$data/subscribers.csv" | cut -d';' -f1,3; } > "$data/all_users.csv"
    rm -rf "$dir"; mkdir -p "$dir"
    "$JAVA" -cp "$CL_HOME/target/classes:$CL_HOME/target/lib/*" "$HERE/Provision.java" \
        "$data/subscribers.csv" "$dir" 2>&1 | grep -v -E '^WARNING|SLF4J|^[0-9:.]+ (INFO|DEBUG)' || exit 1
    if port_busy "$PORT" || port_busy "$SIPP_PORT"; then echo "port $PORT or $SIPP_PORT in use" >&2; exit 1; fi
    CLEARLINE_JAVA_OPTS="-Xmx$HEAP -Xlog:gc:file=$OUT/gc.log:uptime" "$CL_HOME/clearline" serve \
        --config "$cfg" --data "$dir" --sip-port "$PORT" > "$OUT/clearline.log" 2>&1 &
    SRVPID=$!
    local t0=$SECONDS answer
    answer=$("$PY" "$REPO/bench/lib/sip_wait.py" "127.0.0.1:$PORT" 300 "$SRVPID") ||
        { echo "Clearline did not start:" >&2; tail -30 "$OUT/clearline.log" >&2; exit 1; }
    log "Clearline pid $SRVPID answers '$answer' after $((SECONDS - t0)) s"
    "$JCMD" "$SRVPID" GC.run > /dev/null 2>&1
    "$JCMD" "$SRVPID" GC.heap_info > "$OUT/heap_before.txt" 2>&1
    local tmax=$((N / RATE * 2 + 60))
    (cd "$OUT" && exec timeout "$((tmax + 30))" sipp "127.0.0.1:$PORT" -sf "$anchor/scenarios/reg_auth.xml" \
        -inf "$data/all_users.csv" -key cport "$SIPP_PORT" -p "$SIPP_PORT" -i 127.0.0.1 -m "$N" -r "$RATE" \
        -recv_timeout 10000 -timeout "${tmax}s" -nostdin -buff_size 1048576 -trace_stat -stf stat.csv -fd 5 \
        -trace_err -error_file err.log -ringbuffer_size 5000000 -ringbuffer_files 1 > sipp.out 2>&1) &
    SIPPPID=$!
    wait "$SIPPPID"; SIPPPID=""
    local last ok failed retrans
    last=$(tail -1 "$OUT/stat.csv")
    ok=$(awk -F';' 'NR == 1 {for (i = 1; i <= NF; i++) h[$i] = i; next} END {print $h["SuccessfulCall(C)"]}' "$OUT/stat.csv")
    failed=$(awk -F';' 'NR == 1 {for (i = 1; i <= NF; i++) h[$i] = i; next} END {print $h["FailedCall(C)"]}' "$OUT/stat.csv")
    retrans=$(awk -F';' 'NR == 1 {for (i = 1; i <= NF; i++) h[$i] = i; next} END {print $h["Retransmissions(C)"]}' "$OUT/stat.csv")
    log "SIPp: $ok/$N registered (200 OK), $failed failed, $retrans retransmissions"
    local healthy=no
    "$PY" "$REPO/bench/lib/sip_wait.py" "127.0.0.1:$PORT" 5 "$SRVPID" > /dev/null && healthy=yes
    "$JCMD" "$SRVPID" GC.run > /dev/null 2>&1
    "$JCMD" "$SRVPID" GC.heap_info > "$OUT/heap_after_load.txt" 2>&1
    # §17.2.2 Timer J keeps each finished REGISTER transaction 64*T1 = 32 s (UDP): the
    # heap at rest, with the N bindings and no transactions, is read after it has run out
    log "waiting ${REST_S}s for the transactions of the load to end (Timer J)"
    sleep "$REST_S"
    "$PY" "$REPO/bench/lib/sip_wait.py" "127.0.0.1:$PORT" 5 "$SRVPID" > /dev/null || healthy=no
    "$JCMD" "$SRVPID" GC.run > /dev/null 2>&1
    "$JCMD" "$SRVPID" GC.heap_info > "$OUT/heap_rest.txt" 2>&1
    "$JCMD" "$SRVPID" GC.class_histogram 2>/dev/null | head -25 > "$OUT/e2e_histogram.txt"
    local rss used_b used_l used_r maxgc fulls
    rss=$(ps -o rss= -p "$SRVPID" | awk '{printf "%.0f", $1 / 1024}')
    used_b=$(grep -o -m1 'used [0-9]*K' "$OUT/heap_before.txt" | grep -o '[0-9]*')
    used_l=$(grep -o -m1 'used [0-9]*K' "$OUT/heap_after_load.txt" | grep -o '[0-9]*')
    used_r=$(grep -o -m1 'used [0-9]*K' "$OUT/heap_rest.txt" | grep -o '[0-9]*')
    # the live set while the load ran: the largest heap left after any collection
    maxgc=$(grep -o -E '[0-9]+M->[0-9]+M' "$OUT/gc.log" | awk -F'->' '{sub("M", "", $2); if ($2 + 0 > m) m = $2 + 0} END {print m + 0}')
    fulls=$(grep -c 'Pause Full (G1 Compaction' "$OUT/gc.log")
    echo "E2E n=$N rate=$RATE ok=$ok failed=$failed retrans=$retrans healthy_after=$healthy" \
         "heap_before_load_mb=$((used_b / 1024)) heap_right_after_load_mb=$((used_l / 1024))" \
         "heap_at_rest_with_${N}_mb=$((used_r / 1024)) max_live_during_load_mb=$maxgc" \
         "full_gcs_during_load=$fulls rss_mb=$rss xmx=$HEAP" | tee "$OUT/e2e.txt"
    grep 'Pause Full (G1 Compaction' "$OUT/gc.log" | awk '{print $NF}' | sort -n | tail -1 |
        sed 's/^/longest full GC pause: /'
    echo "histogram at rest with $N registered (top 20): $OUT/e2e_histogram.txt"
    head -23 "$OUT/e2e_histogram.txt" | tail -21
    stop_pid "$SRVPID" 20; SRVPID=""
}

case $PART in
    probe) probe ;;
    e2e) e2e ;;
    all) probe; e2e ;;
    *) echo "PART is probe, e2e or all" >&2; exit 1 ;;
esac
echo "results: $OUT"
