#!/usr/bin/env bash
# What the call and registration log costs (issue 5: calls/s with the log on
# must be >= 90 % of the rate without it) and how many rows its store sustains.
#
#   bench/logcost/run.sh                both parts
#   PART=probe bench/logcost/run.sh     only the store probe (about a minute)
#   PART=sweep bench/logcost/run.sh     only the on/off sweeps (10-20 minutes)
#
# sweep: bench/run.sh once per entry of ORDER, each time SERVERS=clearline with
#        the same anchor load, rates, warm-up and fresh data directory: "on" with
#        the generated config as it is (the log's defaults: every message of every
#        call), "failed" with "callLog: {ladders: failed}" (summaries for all, messages
#        only of failed calls), "off" with "callLog: {enabled: false}" appended (no
#        tap, no recorder, no writer). The runs are back to back in this one invocation.
#        bench/lib/compare.py then reads each "on" against the "off" before or
#        after it: best passing rate and ok per server CPU-s, both as ratios. After
#        each "on" run the log database is read (rows, file size) with H2's shell.
# probe: LogStoreProbe.java appends batches of realistic records to a fresh log
#        store: calls with every message, calls without (ladders: none), and
#        registration attempts; rows/s and MB per 1000 rows.
# Knobs: PART (all), ORDER ("on off"; "on off on" brackets drift), CALL_RATES
#   ("1000 1250 1500 1750 2000 2250 2500": high enough that both sides find their
#   limit on this machine, so the rate ratio is measured, not capped), REG_RATES ("": no REGISTER sweep), STEP_S (20),
#   PROBE_S (20), OUT, and bench/run.sh's (CLEARLINE_JAVA_OPTS, WARMUP_S, WARMUP_CPS,
#   QUIET_*, NOISE_*, BUILD, CLEARLINE_HOME, KAMAILIO_ANCHOR ...).
# Beside it: ZstdLevels.java times the compressor at zstd levels on the ladders an
#   "on" run left in $OUT/<n>-log-on/clearline-data (see its header).
# Output: $OUT/<n>-log-<on|off>/ (each a bench/run.sh folder), $OUT/probe.txt,
#   $OUT/logcost.md and a final line 'LOGCOST ...'.
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
CL_HOME=$(cd "${CLEARLINE_HOME:-$REPO}" && pwd) || exit 1
PY=/usr/bin/python3
PART=${PART:-all}
ORDER=${ORDER:-on off}
PROBE_S=${PROBE_S:-20}
OUT=${OUT:-${TMPDIR:-/tmp}/clearline-logcost-$(date +%Y%m%d-%H%M%S)}
export CALL_RATES=${CALL_RATES-1000 1250 1500 1750 2000 2250 2500}
export REG_RATES=${REG_RATES-}
export STEP_S=${STEP_S:-20}
PROBEPID=""

log() { echo "[$(date +%H:%M:%S)] $*"; }

cleanup() {
    [ -n "$PROBEPID" ] && kill -0 "$PROBEPID" 2>/dev/null && kill -TERM "$PROBEPID" 2>/dev/null
    [ -n "$PROBEPID" ] && wait "$PROBEPID" 2>/dev/null
    return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shared helpers of bench/run.sh: JDK discovery, anchor location, build
eval "$(sed -n '/^locate_anchor() {/,/^}/p; /^find_java() {/,/^}/p; /^build_jar() {/,/^}/p' "$REPO/bench/run.sh")"
JAVA=$(find_java) || exit 1
export JAVA_HOME=${JAVA%/bin/java}
BUILD=${BUILD:-auto}
build_jar
ANCHOR=$(locate_anchor) || exit 1
mkdir -p "$OUT"
H2_JAR=$(ls "$CL_HOME"/target/lib/h2-*.jar 2>/dev/null | head -1)

probe() {
    local kind
    : > "$OUT/probe.txt"
    for kind in calls summaries registrations; do
        log "probe: $kind, ${PROBE_S}s after a 5 s warm-up"
        "$JAVA" -Xmx256m -cp "$CL_HOME/target/classes:$CL_HOME/target/lib/*" "$HERE/LogStoreProbe.java" \
            "$PROBE_S" "$kind" > "$OUT/probe-$kind.log" 2>&1 &
        PROBEPID=$!
        wait "$PROBEPID"; PROBEPID=""
        grep '^PROBE' "$OUT/probe-$kind.log" | tee -a "$OUT/probe.txt"
    done
}

log_rows() {  # $1: a run's folder; the server has stopped, so the log file is free to open
    local db=$1/clearline-data/calllog
    [ -f "$db.mv.db" ] || { echo "no log database in $1"; return 0; }
    local size segments=$1/clearline-data/calllog-ladders
    # the database and the ladders' segment files beside it
    size=$(( $(stat -c %s "$db.mv.db") + $( [ -d "$segments" ] && du -sb "$segments" | cut -f1 || echo 0) ))
    "$JAVA" -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$db" -user sa -password "" \
        -sql "SELECT (SELECT COUNT(*) FROM call_log) AS calls, (SELECT COUNT(*) FROM registration_log) AS regs" \
        2>/dev/null | awk -v size="$size" -F'|' 'NR == 2 {
            gsub(/ /, ""); printf "log database: %d calls, %d registration attempts, %.1f MB with ladders", $1, $2, size / 1e6
            if ($1 + $2 > 0) printf " (%.2f MB per 1000 rows)", size / 1e6 / ($1 + $2) * 1000
            printf "\n" }'
}

sweeps() {
    local n=0 state dir runs=()
    for state in $ORDER; do
        n=$((n + 1))
        dir=$OUT/$n-log-$state
        case $state in
            on) extra="" ;;
            off) extra="callLog: {enabled: false}" ;;
            failed) extra="callLog: {ladders: failed}" ;;
            *) echo "ORDER: on, failed or off, got '$state'" >&2; exit 1 ;;
        esac
        log "run $n: log $state"
        OUT=$dir SERVERS=clearline CLEARLINE_CONFIG_EXTRA=$extra BUILD=never bash "$REPO/bench/run.sh" \
            > "$OUT/$n-log-$state.txt" 2>&1
        grep -E '^ANCHOR|^\[' "$OUT/$n-log-$state.txt" | grep -E 'ANCHOR|warm-up|call_auth|reg ' | tail -12
        [ "$state" != off ] && log_rows "$dir" | tee "$dir/logrows.txt"
        runs+=("$n:$state:$dir")
    done
    {
        echo "# Call log cost, $(date -Is)"
        echo
        echo "ORDER=\"$ORDER\" CALL_RATES=\"$CALL_RATES\" REG_RATES=\"$REG_RATES\" STEP_S=$STEP_S" \
             "CLEARLINE_JAVA_OPTS=${CLEARLINE_JAVA_OPTS:-none, the launcher default: fixed 512 MB heap}"
        local i j a b
        for ((i = 0; i < ${#runs[@]}; i++)); do
            IFS=: read -r a sa da <<< "${runs[$i]}"
            [ "$sa" != off ] || continue
            for j in $((i - 1)) $((i + 1)); do
                ((j >= 0 && j < ${#runs[@]})) || continue
                IFS=: read -r b sb db <<< "${runs[$j]}"
                [ "$sb" = off ] || continue
                echo
                echo "## run $a (log $sa) against run $b (log off)"
                echo
                "$PY" "$REPO/bench/lib/compare.py" "$ANCHOR" "$db/clearline/results.jsonl" log-off \
                    "$da/clearline/results.jsonl" "log-$sa"
            done
            [ -f "$da/logrows.txt" ] && { echo; cat "$da/logrows.txt"; }
        done
    } > "$OUT/logcost.md"
    cat "$OUT/logcost.md"
}

case $PART in
    probe) probe ;;
    sweep) sweeps ;;
    all) probe; sweeps ;;
    *) echo "PART must be probe, sweep or all" >&2; exit 1 ;;
esac
echo "LOGCOST $(grep -h '^COMPARE' "$OUT/logcost.md" 2>/dev/null | tr '\n' ' ')$(awk '{print $2, $4}' "$OUT/probe.txt" 2>/dev/null | tr '\n' ' ')"
echo "results: $OUT"
