#!/usr/bin/env bash
# Regenerates the analyzer's capture fixtures with real tools: dumpcap records
# SIPp scenarios (a caller against a SIPp callee that plays each failure, and
# calls through a running Clearline) on 127.0.0.1 only, with free ports, every
# run bounded by `timeout`. Then the text-log fixtures are written from one of
# the captures (sngrep, Kamailio sipdump, Asterisk pjsip formats) beside SIPp's
# own -trace_msg log. The tests only read the committed results; they never need
# these tools.
#
#   src/test/resources/analyzer/make-captures.sh        (about 3 minutes; needs
#   dumpcap from Debian's wireshark/tshark, sipp from sip-tester, python3, root
#   or the capture capability for dumpcap)
#
# Output: captures/*.pcap, captures/*.pcapng and logs/* next to this script.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../../.." && pwd)
scenarios="$here/scenarios"
interop="$root/src/test/resources/interop/sipp"
out_captures="$here/captures"
out_logs="$here/logs"
work=$(mktemp -d "${TMPDIR:-/tmp}/analyzer-captures.XXXXXX")
mkdir -p "$out_captures" "$out_logs"

for tool in dumpcap sipp python3 timeout; do
  command -v "$tool" >/dev/null || { echo "make-captures: $tool is missing" >&2; exit 1; }
done

pids=()      # everything started here, stopped on exit
bg_pids=()   # the background SIPp callees of the current step
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# A port free for UDP and TCP on 127.0.0.1 (the OS picks it).
free_port() {
  python3 - <<'EOF'
import socket
while True:
    t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    t.bind(("127.0.0.1", 0))
    port = t.getsockname()[1]
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        u.bind(("127.0.0.1", port))
    except OSError:
        t.close(); continue
    u.close(); t.close()
    print(port)
    break
EOF
}

# scenario TEMPLATE NAME [TOKEN=VALUE...]: a copy of a scenario with its @TOKEN@s replaced.
scenario() {
  local template=$1 name=$2; shift 2
  local file="$work/$name.xml"
  cp "$template" "$file"
  local kv
  for kv in "$@"; do
    python3 - "$file" "${kv%%=*}" "${kv#*=}" <<'EOF'
import sys
path, key, value = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path, encoding="iso-8859-1").read().replace("@" + key + "@", value)
open(path, "w", encoding="iso-8859-1").write(text)
EOF
  done
  echo "$file"
}

cap_pid=
# capture_start FILE INTERFACE LINKTYPE FORMAT BPF
capture_start() {
  local file=$1 iface=$2 linktype=$3 format=$4 filter=$5
  local flags=(-q -i "$iface" -y "$linktype" -f "$filter" -w "$file")
  [[ $format == pcap ]] && flags+=(-P)
  rm -f "$file"
  timeout 600 dumpcap "${flags[@]}" 2>"$work/dumpcap.err" &
  cap_pid=$!
  pids+=("$cap_pid")
  local i
  for i in $(seq 100); do
    grep -q "Capturing on" "$work/dumpcap.err" 2>/dev/null && break
    sleep 0.1
  done
  sleep 0.3
}
capture_stop() {
  sleep 0.5
  kill -INT "$cap_pid" 2>/dev/null || true
  wait "$cap_pid" 2>/dev/null || true
  grep -h "Packets captured" "$work/dumpcap.err" >&2 || true
}

# sipp_bg NAME SCENARIO PORT TRANSPORT [ARGS...]: a callee in the background, bounded to 90 s.
sipp_bg() {
  local name=$1 sf=$2 port=$3 transport=$4; shift 4
  (cd "$work" && exec timeout 90 sipp -sf "$sf" -i 127.0.0.1 -p "$port" -t "$transport" -m 1 -nostdin \
      -max_invite_retrans 20 -max_non_invite_retrans 20 "$@" >"$work/$name.out" 2>&1) &
  pids+=("$!")
  bg_pids+=("$!")
  sleep 0.5
}

# sipp_fg NAME SCENARIO PORT TRANSPORT TARGET [ARGS...]: a caller, waited for; failures are reported, not fatal.
sipp_fg() {
  local name=$1 sf=$2 port=$3 transport=$4 target=$5; shift 5
  (cd "$work" && timeout 90 sipp -sf "$sf" -i 127.0.0.1 -p "$port" -t "$transport" -m 1 -nostdin \
      -max_invite_retrans 20 -max_non_invite_retrans 20 \
      -trace_msg -message_file "$work/$name.messages.log" "$@" "$target" >"$work/$name.out" 2>&1) \
    || echo "make-captures: $name: sipp exit $?" >&2
}

wait_bg() {
  local p
  for p in "${bg_pids[@]}"; do wait "$p" 2>/dev/null || true; done
  bg_pids=()
}

filter_for_ports() {
  local f="" p
  for p in "$@"; do f+="${f:+ or }port $p"; done
  echo "host 127.0.0.1 and ($f)"
}

# ---------------------------------------------------------------- SIPp against SIPp
# Ports are drawn first so the capture filter can name them.
sipp_udp() {
  local file=$1 iface=$2 linktype=$3 format=$4 transport=$5 wait_ms=$6
  : >"$work/ports"
  local ports=() i
  for i in $(seq 24); do ports+=("$(free_port)"); done
  capture_start "$file" "$iface" "$linktype" "$format" "$(filter_for_ports "${ports[@]}")"
  n=0
  pair() { # NAME UAS UAC SERVICE
    local a=${ports[$n]} b=${ports[$((n + 1))]}
    n=$((n + 2))
    sipp_bg "$1.uas" "$2" "$a" "$transport"
    sipp_fg "$1" "$3" "$b" "$transport" "127.0.0.1:$a" -s "$4"
    wait_bg
  }
  local final
  final=$(scenario "$scenarios/uas_final.xml" uas486 FINAL=486 REASON="Busy Here" EXTRA="")
  pair busy "$final" "$(scenario "$scenarios/uac_call.xml" uac486 FINAL=486)" busy
  final=$(scenario "$scenarios/uas_final.xml" uas404 FINAL=404 REASON="Not Found" EXTRA="")
  pair notfound "$final" "$(scenario "$scenarios/uac_call.xml" uac404 FINAL=404)" nobody
  pair codec "$scenarios/uas_488.xml" "$(scenario "$scenarios/uac_call.xml" uac488 FINAL=488)" g722only
  local silent
  silent=$(scenario "$scenarios/uas_silent.xml" silent WAIT=$((wait_ms + 1000)))
  pair unanswered "$silent" "$(scenario "$scenarios/uac_unanswered.xml" unanswered WAIT="$wait_ms")" firewalled
  # registrations with a wrong password against a registrar that refuses every one
  local a=${ports[$n]} b=${ports[$((n + 1))]}
  n=$((n + 2))
  printf 'SEQUENTIAL\nwrongpass;not-the-password;\n' >"$work/wrongpass.csv"
  sipp_bg wrongpass.uas "$scenarios/uas_challenge.xml" "$a" "$transport"
  sipp_fg wrongpass "$scenarios/uac_register_wrong.xml" "$b" "$transport" "127.0.0.1:$a" \
      -inf "$work/wrongpass.csv" -key domain analyzer.test
  wait_bg
  if [[ $transport == u1 ]]; then
    final=$(scenario "$scenarios/uas_final.xml" uas482 FINAL=482 REASON="Loop Detected" EXTRA="")
    pair looped "$final" "$scenarios/uac_looped.xml" looped
    final=$(scenario "$scenarios/uas_final.xml" uas302 FINAL=302 REASON="Moved Temporarily" \
        EXTRA="Contact: <sip:elsewhere@127.0.0.1:${ports[23]}>")
    pair redirect "$final" "$(scenario "$scenarios/uac_call.xml" uac302 FINAL=302)" moved
    final=$(scenario "$scenarios/uas_final.xml" uas603 FINAL=603 REASON="Decline" EXTRA="")
    pair decline "$final" "$(scenario "$scenarios/uac_call.xml" uac603 FINAL=603)" declines
  else
    pair answered "$(scenario "$scenarios/uas_answer.xml" uas_ok BYE_FINAL="200 OK")" \
        "$(scenario "$scenarios/uac_answered.xml" uac_ok ADDR=127.0.0.1 BYE_CODE=200)" answers
  fi
  capture_stop
}

sipp_dialogs() {
  local file=$1 iface=$2 linktype=$3 format=$4
  local ports=() i
  for i in $(seq 12); do ports+=("$(free_port)"); done
  capture_start "$file" "$iface" "$linktype" "$format" "$(filter_for_ports "${ports[@]}")"
  n=0
  pair() {
    local a=${ports[$n]} b=${ports[$((n + 1))]}
    n=$((n + 2))
    sipp_bg "$1.uas" "$2" "$a" u1
    sipp_fg "$1" "$3" "$b" u1 "127.0.0.1:$a" -s "$4"
    wait_bg
  }
  pair answered "$(scenario "$scenarios/uas_answer.xml" d_ok BYE_FINAL="200 OK")" \
      "$(scenario "$scenarios/uac_answered.xml" d_uac_ok ADDR=127.0.0.1 BYE_CODE=200)" answers
  pair natted "$(scenario "$scenarios/uas_answer.xml" d_nat BYE_FINAL="200 OK")" \
      "$(scenario "$scenarios/uac_answered.xml" d_uac_nat ADDR=192.168.1.50 BYE_CODE=200)" natted
  pair byegone "$(scenario "$scenarios/uas_answer.xml" d_481 BYE_FINAL="481 Call/Transaction Does Not Exist")" \
      "$(scenario "$scenarios/uac_answered.xml" d_uac_481 ADDR=127.0.0.1 BYE_CODE=481)" byegone
  pair race "$scenarios/uas_cancel_race.xml" "$scenarios/uac_cancel_race.xml" race
  pair noack "$scenarios/uas_no_ack.xml" "$scenarios/uac_no_ack.xml" noack
  capture_stop
}

# ---------------------------------------------------------------- calls through Clearline
clearline_calls() {
  local file=$1 iface=$2 linktype=$3 format=$4 transport=$5
  local server trunk bob_port alice_port peggy_port
  server=$(free_port); trunk=$(free_port); bob_port=$(free_port); alice_port=$(free_port); peggy_port=$(free_port)
  local extra=()
  local i
  for i in $(seq 16); do extra+=("$(free_port)"); done
  cat >"$work/clearline.yaml" <<EOF
server:
  domain: demo.clearline.test
  sip: { listen: 127.0.0.1, port: $server }
  timers: { t1: 500ms, t2: 4s, t4: 5s }
  registrar: { minExpires: 60s, maxExpires: 3600s, defaultExpires: 3600s }
  auth: { nonceLifetime: 300s, algorithms: [MD5] }
  proxy: { timerC: 180s }
  dialPlan: { countryCode: "49", areaCode: "30" }
accounts:
  - { sipId: alice, password: secret-alice, numbers: ["+493012345001"] }
  - { sipId: bob, password: secret-bob, numbers: ["+493012345002"] }
  - { sipId: carol, password: secret-carol, numbers: ["+493012345003"], line: { dnd: true } }
  - { sipId: erin, password: secret-erin, numbers: ["+493012345005"],
      line: { forward: { unconditional: { to: "+493012345002", mode: redirect-permanent } } } }
  - { sipId: grace, password: secret-grace, numbers: ["+493012345007"],
      line: { forward: { unconditional: { to: "+493012345008", mode: follow } } } }
  - { sipId: heidi, password: secret-heidi, numbers: ["+493012345008"],
      line: { forward: { unconditional: { to: "+493012345007", mode: follow } } } }
  - { sipId: ivan, password: secret-ivan, numbers: ["+493012345009"], line: { reject: ["+493012345001"] } }
  - { sipId: judy, password: secret-judy, numbers: ["+493012345010"], line: { codecs: [G722] } }
  - { sipId: ken, password: secret-ken, numbers: ["+493012345011"] }
  - { sipId: peggy, password: secret-peggy, numbers: ["+493012345012"] }
trunks:
  - { name: broken, host: 127.0.0.1, port: $trunk, transport: tcp, prefixes: ["+4940"] }
EOF
  local data="$work/data-$transport"
  mkdir -p "$data"
  # build first (the launcher builds when the sources changed): the server must start at once
  (cd "$root" && ./clearline --help >/dev/null 2>&1) || { echo "make-captures: clearline does not build" >&2; exit 1; }
  capture_start "$file" "$iface" "$linktype" "$format" \
      "$(filter_for_ports "$server" "$bob_port" "$alice_port" "$peggy_port" "${extra[@]}")"
  (cd "$root" && exec timeout 600 ./clearline --data "$data" serve --config "$work/clearline.yaml" \
      >"$work/server.log" 2>&1) &
  local server_pid=$!
  pids+=("$server_pid")
  for i in $(seq 300); do
    grep -q "clearline ready" "$work/server.log" 2>/dev/null && break
    sleep 0.2
  done
  grep -q "clearline ready" "$work/server.log" || { echo "make-captures: clearline did not start" >&2; exit 1; }
  sleep 0.5
  # bob's phone: a SIPp callee on UDP (its Contact names no transport), registered by a
  # separate SIPp run with bob's credentials; the callers below use $transport
  if [[ $transport == t1 ]]; then
    # over TCP, bob's phone also left a stale binding behind (it moved to a new port, the old
    # registration lives on): the proxy forks to both, and the old contact never answers
    printf 'SEQUENTIAL\nbob;secret-bob;%s;\n' "${extra[15]}" >"$work/bob-stale.csv"
    sipp_fg bob.stale "$(scenario "$interop/register.xml" cl_stale FINAL=200)" "${extra[14]}" u1 \
        "127.0.0.1:$server" -inf "$work/bob-stale.csv" -key domain demo.clearline.test -key expires 300
  fi
  sipp_bg bob.uas "$(scenario "$scenarios/uas_answer.xml" cl_bob BYE_FINAL="200 OK")" "$bob_port" u1
  printf 'SEQUENTIAL\nbob;secret-bob;%s;\n' "$bob_port" >"$work/bob.csv"
  sipp_fg bob.register "$(scenario "$interop/register.xml" cl_reg FINAL=200)" "${extra[0]}" u1 \
      "127.0.0.1:$server" -inf "$work/bob.csv" -key domain demo.clearline.test -key expires 300
  # alice calls bob: answered, then hung up
  printf 'SEQUENTIAL\nalice;secret-alice;bob;\n' >"$work/alice-bob.csv"
  sipp_fg alice.bob "$interop/call_uac.xml" "$alice_port" "$transport" "127.0.0.1:$server" \
      -inf "$work/alice-bob.csv" -key domain demo.clearline.test
  wait_bg
  # alice's refused calls: each callee plays one situation of the catalogue
  local k=1 callee final
  for callee in carol:480 ken:480 +493012345099:404 judy:488 erin:301 grace:482 ivan:603 +494012345:503; do
    final=${callee##*:}
    printf 'SEQUENTIAL\nalice;secret-alice;%s;\n' "${callee%:*}" >"$work/alice-$k.csv"
    sipp_fg "alice.${callee%:*}" "$(scenario "$scenarios/clearline_uac.xml" "cl_$k" FINAL="$final")" \
        "${extra[$k]}" "$transport" "127.0.0.1:$server" -inf "$work/alice-$k.csv" -key domain demo.clearline.test
    k=$((k + 1))
  done
  # peggy's phone with a wrong password
  printf 'SEQUENTIAL\npeggy;wrong-password;\n' >"$work/peggy.csv"
  sipp_fg peggy.register "$scenarios/uac_register_wrong.xml" "$peggy_port" "$transport" "127.0.0.1:$server" \
      -inf "$work/peggy.csv" -key domain demo.clearline.test
  capture_stop
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  # what the server itself logged for each call: Call-ID, final code, its catalogue situation
  sed -n 's/^.* calls - call \([^ ]*\) .*: \([0-9]*\)\( \[\(.*\)\]\)\{0,1\}$/\1 \2 \4/p' "$work/server.log" \
      >"${file%.*}.server-calls.txt"
}

# PARTS selects what to record again (default: everything).
parts=" ${PARTS:-udp tcp dialogs clearline-udp clearline-tcp logs} "
if [[ $parts == *" udp "* ]]; then
  echo "make-captures: SIPp against SIPp over UDP (pcap, Ethernet on lo)" >&2
  sipp_udp "$out_captures/sipp-udp.pcap" lo EN10MB pcap u1 3600
fi
if [[ $parts == *" tcp "* ]]; then
  echo "make-captures: SIPp against SIPp over TCP (pcapng, Ethernet on lo)" >&2
  sipp_udp "$out_captures/sipp-tcp.pcapng" lo EN10MB pcapng t1 33000
fi
if [[ $parts == *" dialogs "* ]]; then
  echo "make-captures: dialog problems over UDP (pcapng, Linux cooked v2 on any)" >&2
  sipp_dialogs "$out_captures/sipp-dialogs-sll2.pcapng" any LINUX_SLL2 pcapng
fi
if [[ $parts == *" clearline-udp "* ]]; then
  echo "make-captures: calls through Clearline over UDP (pcap, Linux cooked v1 on any)" >&2
  clearline_calls "$out_captures/clearline-udp.pcap" any LINUX_SLL pcap u1
fi
if [[ $parts == *" clearline-tcp "* ]]; then
  echo "make-captures: calls through Clearline over TCP (pcapng, Ethernet on lo)" >&2
  clearline_calls "$out_captures/clearline-tcp.pcapng" lo EN10MB pcapng t1
fi
[[ $parts == *" logs "* ]] || exit 0

# ---------------------------------------------------------------- text logs
# SIPp's own message log of two callers, as SIPp wrote them (kept from the UDP run)
if [[ -f $work/busy.messages.log ]]; then
  cat "$work/busy.messages.log" "$work/wrongpass.messages.log" >"$out_logs/sipp-trace_msg.log"
fi
# the UDP capture's messages as sngrep, Kamailio sipdump and Asterisk pjsip write them
python3 "$here/pcap2logs.py" "$out_captures/sipp-udp.pcap" "$out_logs"
ls -l "$out_captures" "$out_logs" >&2
