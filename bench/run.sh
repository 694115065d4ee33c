#!/usr/bin/env bash
# Clearline vs Kamailio, same SIPp load, same run, same machine.
#
#   bench/run.sh                 full sweeps (REGISTER with auth, calls with 407)
#   QUICK=1 bench/run.sh         smoke run: 5 s steps, two rates each (< 5 min)
#
# 1. runs the shared Kamailio anchor (${KAMAILIO_ANCHOR}/run.sh) on 127.0.0.1:5060;
# 2. writes a Clearline config from the same subscribers.csv (10000 accounts,
#    realm/domain 127.0.0.1, listen 127.0.0.1:5080) and starts it with the
#    ./clearline launcher (its JDK >= 21 rule, the packaged jar, built here
#    first if the sources are newer) on a fresh data directory;
# 3. runs the identical anchor load at it: SKIP_KAMAILIO=1 TARGET=127.0.0.1:5080
#    SERVER_PIDS=<the JVM>;
# 4. stops everything it started, by PID (trap on exit);
# 5. prints a table: best passing rate per server, ratio Clearline/Kamailio,
#    and each server's CPU ("ok per server CPU-s", server CPU %).
# The call sweep without INVITE challenge is not run (NOAUTH_RATES=""):
# Clearline always challenges local callers.
#
# Knobs (environment), passed through to the anchor: STEP_S REG_RATES CALL_RATES
#   CONFIRM QUIET_PCT QUIET_WAIT_S NOISE_MAX NOISE_RETRIES HOLD_MS DRAIN_S
#   UAC_PORT REG_PORT PREREG_PORT UAS_PORT PORT_WAIT_S SKIP_INSTALL
# Our own: OUT (results folder), QUICK=1, SERVERS ("kamailio clearline", or one
#   of them), BUILD (auto|always|never), CLEARLINE_JAVA_OPTS (default none: the
#   launcher's fixed 512 MB heap; e.g. -Xmx256m for another size),
#   PROFILE=1 (after the warm-up: JFR recording, jstack every 5 s and CPU per
#   thread of Clearline until it stops; bench/profile.sh OUT summarises them),
#   PROFILE=cpu (only the CPU per thread: nothing pauses the server, so a
#   step at a steady rate shows where its CPU goes as it is when measured),
#   KAMAILIO_ANCHOR (the shared runner's folder), CLEARLINE_HOME (the checkout
#   whose ./clearline runs; default this one), WARMUP_S (JIT warm-up before
#   Clearline is measured: 60, QUICK 10; 0 = none. Kamailio, native code,
#   starts inside the anchor run and needs none), WARMUP_CPS (calls per second
#   during it: 1500, QUICK 100), CLEARLINE_CONFIG_EXTRA (YAML
#   appended to the generated config, e.g. "callLog: {enabled: false}"),
#   CL_HTTP_PORT (the administration listener's port; empty: the config's 8080,
#   0: any free one, so that two servers can run side by side).
# Output: $OUT/{kamailio,clearline}/ (the anchor's report.md, results.jsonl,
#   steps), $OUT/clearline.log, $OUT/compare.md, a final line 'COMPARE ...'.
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
# the checkout whose ./clearline is measured (another build, e.g. a candidate fix)
CL_HOME=$(cd "${CLEARLINE_HOME:-$REPO}" && pwd) || exit 1
PY=/usr/bin/python3
CL_PORT=5080
# the administration listener: empty for the config's (8080); 0 for any free port
CL_HTTP_PORT=${CL_HTTP_PORT:-}

locate_anchor() {
    # the shared runner lives beside the repository; a git worktree's checkout
    # sits elsewhere, so also look beside the main checkout it belongs to
    local cand=() common
    if [ -n "${KAMAILIO_ANCHOR:-}" ]; then
        cand=("$KAMAILIO_ANCHOR")
    else
        cand=("$REPO/../shared/bench/kamailio")
        common=$(git -C "$REPO" rev-parse --path-format=absolute --git-common-dir 2>/dev/null) &&
            cand+=("$(dirname "$common")/../shared/bench/kamailio")
    fi
    local c
    for c in "${cand[@]}"; do
        [ -f "$c/run.sh" ] && [ -f "$c/summarize.py" ] && { (cd "$c" && pwd); return 0; }
    done
    echo "Kamailio anchor not found (looked in: ${cand[*]})." >&2
    echo "Set KAMAILIO_ANCHOR to the folder holding the shared run.sh/summarize.py." >&2
    return 1
}
ANCHOR=$(locate_anchor) || exit 1

if [ "${QUICK:-0}" = 1 ]; then
    : "${STEP_S:=5}" "${REG_RATES=1000 2000}" "${CALL_RATES=250 500}"
    : "${CONFIRM:=0}" "${QUIET_WAIT_S:=15}" "${NOISE_RETRIES:=0}" "${DRAIN_S:=2}"
else
    : "${STEP_S:=20}"
    : "${REG_RATES=1000 2000 3000 4000 5000 6000 7000 8000 9000 10000 11000 12000 14000}"
    : "${CALL_RATES=500 1000 1500 2000 2500 3000 3500 4000 4500 5000 5500 6000}"
fi
export STEP_S REG_RATES CALL_RATES NOAUTH_RATES=""
for v in CONFIRM QUIET_WAIT_S NOISE_RETRIES DRAIN_S; do [ -n "${!v:-}" ] && export "$v"; done
OUT=${OUT:-${TMPDIR:-/tmp}/clearline-bench-$(date +%Y%m%d-%H%M%S)}
SERVERS=${SERVERS:-kamailio clearline}
BUILD=${BUILD:-auto}
CLEARLINE_JAVA_OPTS=${CLEARLINE_JAVA_OPTS-}
PROFILE=${PROFILE:-0}
case $PROFILE in 0|1|cpu) ;; *) echo "PROFILE must be 0, 1 or cpu" >&2; exit 2 ;; esac
# The warm-up must give C2 its thresholds: a per-call method needs thousands of calls,
# so 30 s at 100 calls/s (the first passes' warm-up) left compiling to the measured steps
WARMUP_S=${WARMUP_S:-$([ "${QUICK:-0}" = 1 ] && echo 10 || echo 60)}
WARMUP_CPS=${WARMUP_CPS:-$([ "${QUICK:-0}" = 1 ] && echo 100 || echo 1500)}

CLPID=""; RUNPID=""; SAMPLERPID=""; SAMPLE_PIDS=""

log() { echo "[$(date +%H:%M:%S)] $*"; }

stop_pid() {  # TERM one process we started, wait up to $2 s, then KILL
    local pid=$1 grace=${2:-10} i
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < grace * 10; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { log "pid $pid ignored TERM; killing"; kill -KILL "$pid" 2>/dev/null; }
    wait "$pid" 2>/dev/null
    return 0
}

cleanup() {
    stop_pid "$SAMPLERPID" 2; SAMPLERPID=""
    local p
    for p in $SAMPLE_PIDS; do stop_pid "$p" 2; done
    stop_pid "$RUNPID" 60; RUNPID=""   # the anchor stops its own SIPp/Kamailio on TERM
    stop_pid "$CLPID" 20; CLPID=""
}
trap cleanup EXIT
trap 'exit 130' INT TERM

find_java() {  # the launcher's own JDK rule (bin/find-jdk.sh): sets JAVA_HOME, prints its java
    # shellcheck source=../bin/find-jdk.sh
    source "$REPO/bin/find-jdk.sh" && clearline_find_jdk && echo "$JAVA_HOME/bin/java"
}

build_jar() {
    local jar=$CL_HOME/target/clearline.jar stale=0
    if [ "$BUILD" = never ]; then
        [ -f "$jar" ] || { echo "$jar missing and BUILD=never" >&2; exit 1; }
        return 0
    fi
    [ -f "$jar" ] || stale=1
    [ "$BUILD" = always ] && stale=1
    ((stale)) || [ -z "$(find "$CL_HOME/src/main" "$CL_HOME/pom.xml" -newer "$jar" -print -quit)" ] || stale=1
    ((stale)) || return 0
    # built here rather than by ./clearline so the build is not part of the start-up wait (main code only:
    # a test that does not compile yet must not stop a benchmark)
    log "building $jar (./mvnw -q -o -Dmaven.test.skip=true package)"
    (cd "$CL_HOME" && ./mvnw -q -o -Dmaven.test.skip=true package 2>&1 | grep -v '^WARNING') ||
        (cd "$CL_HOME" && ./mvnw -q -Dmaven.test.skip=true package) || { echo "build failed" >&2; exit 1; }
}

port_busy() {  # UDP or TCP port $1 bound by anything?
    local hex
    hex=$(printf '%04X' "$1")
    awk -v p=":$hex" 'NR > 1 && substr($2, length($2) - 4) == p {f = 1} END {exit !f}' \
        /proc/net/udp /proc/net/tcp /proc/net/udp6 /proc/net/tcp6 2>/dev/null
}

run_anchor() {  # $1 label, then VAR=value pairs for the anchor
    local label=$1; shift
    mkdir -p "$OUT/$label"
    log "anchor run: $label ($*)"
    env OUT="$OUT/$label" "$@" bash "$ANCHOR/run.sh" > "$OUT/$label.anchor.log" 2>&1 &
    RUNPID=$!
    tail -n +1 -f --pid="$RUNPID" "$OUT/$label.anchor.log" 2>/dev/null | grep --line-buffered -E \
        '^(reg|call_auth) |^ANCHOR|not quiet|confirming|sweep|registration failed|install failed|refusing|no SIP|must be|stopping' &
    local tailpid=$!
    wait "$RUNPID"; local rc=$?
    RUNPID=""
    wait "$tailpid" 2>/dev/null
    ((rc == 0)) || log "anchor run $label exited with $rc (see $OUT/$label.anchor.log)"
    return $rc
}

start_clearline() {
    local data=$OUT/data cfg=$OUT/clearline.yaml dir=$OUT/clearline-data
    "$PY" "$ANCHOR/gen_data.py" "$data" 10000 1000 >/dev/null
    "$PY" "$HERE/lib/clearline_config.py" "$data/subscribers.csv" "$cfg" "$CL_PORT" || exit 1
    [ -n "${CLEARLINE_CONFIG_EXTRA:-}" ] && printf '%s\n' "$CLEARLINE_CONFIG_EXTRA" >> "$cfg"
    rm -rf "$dir"; mkdir -p "$dir"
    if port_busy "$CL_PORT"; then echo "port $CL_PORT is in use; refusing to start Clearline" >&2; exit 1; fi
    local opts=($CLEARLINE_JAVA_OPTS)
    local http=()
    [ -n "$CL_HTTP_PORT" ] && http=(--http-port "$CL_HTTP_PORT")
    log "starting Clearline: CLEARLINE_JAVA_OPTS='${opts[*]}' ./clearline serve --config $cfg --data $dir --sip-port $CL_PORT ${http[*]}"
    # the launcher execs the JVM, so $! is the server's PID (for CPU accounting and stopping)
    CLEARLINE_JAVA_OPTS="${opts[*]}" "$CL_HOME/clearline" serve --config "$cfg" --data "$dir" \
        --sip-port "$CL_PORT" "${http[@]}" > "$OUT/clearline.log" 2>&1 &
    CLPID=$!
    local answer
    if ! answer=$("$PY" "$HERE/lib/sip_wait.py" "127.0.0.1:$CL_PORT" 90 "$CLPID"); then
        echo "Clearline did not answer OPTIONS on 127.0.0.1:$CL_PORT; its log:" >&2
        tail -30 "$OUT/clearline.log" >&2
        exit 1
    fi
    log "Clearline pid $CLPID answers '$answer'"
}

warm_up() {  # JIT warm-up of the JVM before it is measured: REGISTER and calls, not measured
    ((WARMUP_S > 0)) || return 0
    local d=$OUT/warmup scn=$ANCHOR/scenarios data=$OUT/data uas p i
    local sippc=(-i 127.0.0.1 -nostdin -buff_size 1048576 -trace_stat -fd 1 -recv_timeout 10000)
    # both loads start at a tenth of their rate and add a tenth every 2 s: a cold JVM at
    # full rate at once could trip the overload guard in its first seconds (RESULTS,
    # twenty-first pass), and a warm-up spent answering 503 compiles the wrong code.
    # ramp: the seconds until the full rate (nine steps), which the time limits add
    local step_s=2; local ramp=$((9 * step_s))
    ramped() {
        local tenth=$(($1 / 10 > 0 ? $1 / 10 : 1))
        echo -r "$tenth" -rate_increase "$tenth" -rate_interval "${step_s}s" -rate_max "$1" -no_rate_quit
    }
    mkdir -p "$d"
    log "warm-up: ${WARMUP_S}s of REGISTER at 500/s and calls at ${WARMUP_CPS}/s, reached over ${ramp}s (not measured)"
    # every SIPp is exec'd (its PID is ours to stop), bounded by -m and -timeout, and
    # stopped by PID below if it outlives the warm-up
    (cd "$d" && exec sipp "127.0.0.1:$CL_PORT" -sf "$scn/reg_auth.xml" -inf "$data/callees.csv" \
        -key cport "${UAS_PORT:-5070}" -p "${PREREG_PORT:-5063}" -m 1000 -r 500 -timeout 25s \
        -stf prereg.csv "${sippc[@]}" > prereg.out 2>&1) &
    SAMPLE_PIDS=$!
    bounded_wait 30 $SAMPLE_PIDS
    (cd "$d" && exec sipp -sf "$scn/uas.xml" -p "${UAS_PORT:-5070}" -timeout "$((WARMUP_S + ramp + 30))s" \
        -stf uas.csv -i 127.0.0.1 -nostdin -buff_size 1048576 -trace_stat > uas.out 2>&1) &
    uas=$!
    sleep 0.5
    (cd "$d" && exec sipp "127.0.0.1:$CL_PORT" -sf "$scn/reg_auth.xml" \
        -inf "$data/reg_users.csv" -key cport "${REG_PORT:-5062}" -p "${REG_PORT:-5062}" \
        -m $((500 * WARMUP_S)) $(ramped 500) -timeout "$((WARMUP_S + ramp + 20))s" -stf reg.csv "${sippc[@]}" \
        > reg.out 2>&1) &
    SAMPLE_PIDS="$uas $!"
    (cd "$d" && exec sipp "127.0.0.1:$CL_PORT" -sf "$scn/uac_auth.xml" \
        -inf "$data/calls.csv" -p "${UAC_PORT:-5061}" -d 500 -m $((WARMUP_CPS * WARMUP_S)) $(ramped "$WARMUP_CPS") \
        -timeout "$((WARMUP_S + ramp + 20))s" -stf calls.csv "${sippc[@]}" > calls.out 2>&1) &
    SAMPLE_PIDS="$SAMPLE_PIDS $!"
    bounded_wait $((WARMUP_S + ramp + 25)) ${SAMPLE_PIDS#* }
    kill -USR1 "$uas" 2>/dev/null  # SIPp's UAS: no new calls, end when the current ones have
    bounded_wait 5 "$uas"
    for p in $SAMPLE_PIDS; do stop_pid "$p" 2; done
    SAMPLE_PIDS=""
    for p in reg calls; do
        [ -f "$d/$p.csv" ] && log "warm-up $p: $(tail -1 "$d/$p.csv" | awk -F';' '{print $16 " ok, " $18 " failed"}')"
    done
}

bounded_wait() {  # $1 seconds at most, then PIDs: until every one has exited
    local until=$((SECONDS + $1)) p alive; shift
    while ((SECONDS < until)); do
        alive=0
        for p in "$@"; do kill -0 "$p" 2>/dev/null && alive=1; done
        ((alive)) || break
        sleep 0.2
    done
    for p in "$@"; do kill -0 "$p" 2>/dev/null || wait "$p" 2>/dev/null; done
    return 0
}

start_profile() {  # after start-up and warm-up: CPU per thread; PROFILE=1 adds JFR and thread dumps
    "$PY" "$HERE/lib/threadcpu.py" "$CLPID" 0 > "$OUT/threadcpu.txt" &
    SAMPLE_PIDS="$SAMPLE_PIDS $!"
    [ "$PROFILE" = 1 ] || return 0
    local jcmd=${JAVA%/java}/jcmd
    "$jcmd" "$CLPID" JFR.start name=bench settings=profile filename="$OUT/clearline.jfr" > /dev/null
    mkdir -p "$OUT/jstack"
    (i=0; while kill -0 "$CLPID" 2>/dev/null; do
        "$jcmd" "$CLPID" Thread.print > "$OUT/jstack/$(printf '%04d' $i).txt" 2>/dev/null
        i=$((i + 1)); sleep 5
    done) &
    SAMPLERPID=$!
}

stop_profile() {
    [ "$PROFILE" != 0 ] || return 0
    stop_pid "$SAMPLERPID" 2; SAMPLERPID=""
    local p
    for p in $SAMPLE_PIDS; do stop_pid "$p" 5; done
    SAMPLE_PIDS=""
    "${JAVA%/java}/jcmd" "$CLPID" JFR.stop name=bench > /dev/null 2>&1
}

stop_clearline() {
    [ -n "$CLPID" ] || return 0
    stop_profile
    # the JVM's RSS and GC totals before it goes, for the report
    ps -o rss=,vsz= -p "$CLPID" | awk '{printf "clearline rss_mb=%.0f\n", $1 / 1024}' | tee -a "$OUT/clearline.stats"
    "${JAVA%/java}/jcmd" "$CLPID" GC.heap_info >> "$OUT/clearline.stats" 2>/dev/null
    stop_pid "$CLPID" 30; CLPID=""
    grep -E -i 'exception|error' "$OUT/clearline.log" | sort | uniq -c | sort -rn | head -5 |
        sed 's/^/  clearline.log: /'
}

main() {
    mkdir -p "$OUT"
    JAVA=$(find_java) || exit 1
    export JAVA_HOME=${JAVA%/bin/java}
    {
        echo "date: $(date -Is)"
        echo "host: $(uname -r); cpus: $(nproc); cpu:$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
        echo "java: $JAVA ($("$JAVA" -version 2>&1 | head -1)); CLEARLINE_JAVA_OPTS=$CLEARLINE_JAVA_OPTS"
        echo "clearline: $CL_HOME at $(git -C "$CL_HOME" rev-parse --short HEAD 2>/dev/null || echo '(no git)')," \
             "$(git -C "$CL_HOME" status --porcelain -- src pom.xml 2>/dev/null | wc -l) local changes"
        echo "anchor: $ANCHOR"
        [ -n "${CLEARLINE_CONFIG_EXTRA:-}" ] && echo "config extra: $CLEARLINE_CONFIG_EXTRA"
        echo "STEP_S=$STEP_S QUICK=${QUICK:-0} SERVERS=$SERVERS"
        echo "REG_RATES=$REG_RATES"; echo "CALL_RATES=$CALL_RATES"
    } | tee "$OUT/env.txt"

    local s
    for s in $SERVERS; do
        case $s in
            kamailio) run_anchor kamailio ;;
            clearline)
                build_jar
                start_clearline
                warm_up
                [ "$PROFILE" != 0 ] && start_profile
                run_anchor clearline SKIP_KAMAILIO=1 TARGET=127.0.0.1:$CL_PORT SERVER_PIDS="$CLPID"
                stop_clearline ;;
            *) echo "unknown server '$s' in SERVERS" >&2; exit 1 ;;
        esac
    done

    echo
    "$PY" "$HERE/lib/compare.py" "$ANCHOR" "$OUT/kamailio/results.jsonl" kamailio \
        "$OUT/clearline/results.jsonl" clearline | tee "$OUT/compare.md"
    for s in $SERVERS; do grep -h '^ANCHOR' "$OUT/$s/report.md" 2>/dev/null; done
    [ "$PROFILE" = 1 ] && [ -f "$OUT/clearline.jfr" ] &&
        echo "profile: $OUT/clearline.jfr, $OUT/threadcpu.txt, $OUT/jstack (bench/profile.sh $OUT summarises them)"
    echo "results: $OUT"
}

main "$@"
