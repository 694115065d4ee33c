#!/usr/bin/env python3
"""CPU per thread of one process over a window, from /proc/PID/task/*/stat.

  threadcpu.py PID SECONDS     (SECONDS 0: until SIGTERM, or until PID exits)

Prints each thread's share of one core during the window, busiest first
(names as /proc has them, cut to 15 characters, with the thread id), how much
of it was kernel time (system calls: sendto, recvmsg, epoll_wait), and how long
the threads were runnable but waiting for a CPU (schedstat), which on a shared
machine says how much of a slow step was the server and how much the neighbours.
"""
import os
import signal
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")


def snapshot(pid):
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                data = f.read()
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                sched = f.read().split()
        except OSError:
            continue
        i, j = data.index("("), data.rindex(")")
        name = data[i + 1:j]
        rest = data[j + 2:].split()
        cpu = (int(rest[11]) + int(rest[12])) / HZ
        sys_ = int(rest[12]) / HZ                        # kernel time: syscalls (sendto, recvmsg, epoll)
        out[tid] = (name, cpu, int(sched[1]) / 1e9, sys_)  # schedstat[1]: ns waiting on a runqueue
    return out


def main():
    pid, secs = int(sys.argv[1]), float(sys.argv[2])
    a = snapshot(pid)
    t0 = time.monotonic()
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    b = a
    while not stop and (secs <= 0 or time.monotonic() - t0 < secs):
        time.sleep(0.5)
        now = snapshot(pid) if os.path.exists(f"/proc/{pid}") else {}
        if not now:
            break
        b = now
    dt = time.monotonic() - t0
    groups = {}
    for tid, (name, cpu, wait, sys_) in b.items():
        c0, w0, s0 = (a[tid][1], a[tid][2], a[tid][3]) if tid in a else (0.0, 0.0, 0.0)
        # /proc truncates names to 15 characters: keep threads apart by their id
        g = groups.setdefault(f"{name} [{tid}]", [0.0, 0.0, 0.0])
        g[0] += cpu - c0
        g[1] += wait - w0
        g[2] += sys_ - s0
    total = sum(g[0] for g in groups.values())
    print(f"window {dt:.1f}s, process CPU {100 * total / dt:.0f}% of a core")
    print(f"{'thread':<36} {'cpu%':>6} {'of it sys%':>10} {'runq-wait%':>10}")
    for name, (cpu, wait, sys_) in sorted(groups.items(), key=lambda kv: -kv[1][0]):
        if cpu / dt < 0.005 and wait / dt < 0.005:
            continue
        print(f"{name:<36} {100 * cpu / dt:6.1f} {100 * sys_ / dt:10.1f} {100 * wait / dt:10.1f}")


if __name__ == "__main__":
    main()
