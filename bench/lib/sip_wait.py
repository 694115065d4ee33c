#!/usr/bin/env python3
"""Wait until a SIP server answers an OPTIONS over UDP (any response will do).

  sip_wait.py HOST:PORT MAX_SECONDS [PID]

Sends one OPTIONS from an ephemeral 127.0.0.1 port every 0.5 s; exit 0 with
the status line printed once something answers, 1 after MAX_SECONDS, 2 as soon
as PID (the server process we started) is gone.
"""
import os
import socket
import sys
import time
import uuid


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False


def main():
    host, port = sys.argv[1].rsplit(":", 1)
    deadline = time.monotonic() + float(sys.argv[2])
    pid = int(sys.argv[3]) if len(sys.argv) > 3 else None
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    lport = s.getsockname()[1]
    s.settimeout(0.5)
    while time.monotonic() < deadline:
        if pid is not None and not alive(pid):
            sys.exit(2)
        b = uuid.uuid4().hex
        msg = (f"OPTIONS sip:{host}:{port} SIP/2.0\r\n"
               f"Via: SIP/2.0/UDP 127.0.0.1:{lport};branch=z9hG4bK{b};rport\r\n"
               f"Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag={b[:8]}\r\n"
               f"To: <sip:{host}>\r\nCall-ID: {b}@127.0.0.1\r\nCSeq: 1 OPTIONS\r\n"
               f"Content-Length: 0\r\n\r\n")
        try:
            s.sendto(msg.encode(), (host, int(port)))
            reply = s.recv(65535).decode(errors="replace").split("\r\n", 1)[0]
            print(reply)
            return
        except OSError:
            time.sleep(0.5)
    sys.exit(1)


if __name__ == "__main__":
    main()
