#!/usr/bin/env python3
"""Writes the SIP messages of a capture as three servers' text logs.

    pcap2logs.py CAPTURE.pcap OUT_DIR

Reads a classic pcap (Ethernet, IPv4, UDP) and writes, for the analyzer's
fixtures:
  sngrep.txt               sngrep's "save as txt": "date time src -> dst", the message, a blank line
  kamailio-sipdump.data    Kamailio's sipdump module text file (tag/pid/time/proto/srcip... blocks)
  asterisk-pjsip.log       Asterisk's full log with "pjsip set logger on" (<--- Received/Transmitting --->)
Kamailio and Asterisk are taken to be the callee of each call: a message sent
to the destination of the call's first request is "received", the rest "sent".
"""
import struct
import sys
import time
from pathlib import Path


def packets(path):
    data = Path(path).read_bytes()
    magic = struct.unpack("<I", data[:4])[0]
    endian = "<" if magic in (0xA1B2C3D4, 0xA1B23C4D) else ">"
    nanos = magic in (0xA1B23C4D, 0x4D3CB2A1)
    linktype = struct.unpack(endian + "I", data[20:24])[0] & 0x0FFFFFFF
    p = 24
    while p + 16 <= len(data):
        sec, frac, caplen, _ = struct.unpack(endian + "IIII", data[p:p + 16])
        frame = data[p + 16:p + 16 + caplen]
        p += 16 + caplen
        micros = sec * 1_000_000 + (frac // 1000 if nanos else frac)
        if linktype == 1:
            ip = frame[14:]
        elif linktype == 113:
            ip = frame[16:]
        elif linktype == 276:
            ip = frame[20:]
        else:
            continue
        if len(ip) < 20 or ip[0] >> 4 != 4 or ip[9] != 17:
            continue
        ihl = (ip[0] & 0x0F) * 4
        src = ".".join(str(b) for b in ip[12:16])
        dst = ".".join(str(b) for b in ip[16:20])
        sport, dport, length = struct.unpack(">HHH", ip[ihl:ihl + 6])
        payload = ip[ihl + 8:ihl + length]
        if payload.startswith(b"SIP/2.0 ") or payload.split(b"\r\n", 1)[0].endswith(b" SIP/2.0"):
            yield micros, src, sport, dst, dport, payload


def call_id(payload):
    for line in payload.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() in (b"call-id", b"i"):
            return value.strip()
    return b""


def main():
    capture, out = sys.argv[1], Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    callee = {}
    sngrep, sipdump, asterisk = [], [], []
    for micros, src, sport, dst, dport, payload in packets(capture):
        cid = call_id(payload)
        callee.setdefault(cid, (dst, dport))
        received = (dst, dport) == callee[cid]
        t = time.gmtime(micros // 1_000_000)
        us = micros % 1_000_000
        text = payload.decode("iso-8859-1")
        sngrep.append("%s.%06d %s:%d -> %s:%d\n%s\n\n" % (
            time.strftime("%Y/%m/%d %H:%M:%S", t), us, src, sport, dst, dport, text))
        sipdump.append(
            "====================\n"
            "tag: %s\npid: 4242\nprocess: 3\ntime: %d.%06d\ndate: %s\nproto: udp ipv4\n"
            "srcip: %s\nsrcport: %d\ndstip: %s\ndstport: %d\n"
            "~~~~~~~~~~~~~~~~~~~~\n%s||||||||||||||||||||\n" % (
                "rcv" if received else "snd", micros // 1_000_000, us, time.asctime(t),
                src, sport, dst, dport, text))
        kind = "request" if not text.startswith("SIP/2.0 ") else "response"
        stamp = "[%s.%03d] VERBOSE[4242][C-0000000%d] res_pjsip_logger.c: " % (
            time.strftime("%Y-%m-%d %H:%M:%S", t), us // 1000, len(callee))
        if received:
            head = "<--- Received SIP %s (%d bytes) from UDP:%s:%d --->" % (kind, len(payload), src, sport)
        else:
            head = "<--- Transmitting SIP %s (%d bytes) to UDP:%s:%d --->" % (kind, len(payload), dst, dport)
        asterisk.append(stamp + head + "\n" + text + "\n")
    (out / "sngrep.txt").write_text("".join(sngrep), encoding="iso-8859-1")
    (out / "kamailio-sipdump.data").write_text("".join(sipdump), encoding="iso-8859-1")
    (out / "asterisk-pjsip.log").write_text("".join(asterisk), encoding="iso-8859-1")


if __name__ == "__main__":
    main()
