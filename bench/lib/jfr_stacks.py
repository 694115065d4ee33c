#!/usr/bin/env python3
"""Where Clearline spends CPU, from a JFR recording's execution samples.

  jfr_stacks.py JFR_BIN RECORDING.jfr [TOP]

Reads `jfr print --events jdk.ExecutionSample --stack-depth 96` and prints
  - self time: the top frame of each sample, by method
  - inclusive time: every method on the stack, counted once per sample,
    for org.clearline methods and for the JDK/Netty parts they call
    (a method at 30 % inclusive is on the stack in 30 % of the samples)
  - by thread group (Netty event loops, shards, store writer, GC is not sampled)
  - by area: the first org.clearline package under the top frame
"""
import collections
import re
import subprocess
import sys

FRAME = re.compile(r"^\s+([\w$.<>/]+)\(")
THREAD = re.compile(r'sampledThread = "([^"]*)"')


def samples(jfr, rec):
    out = subprocess.run([jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", rec],
                         capture_output=True, text=True, check=True).stdout
    thread, frames, in_stack = None, [], False
    for line in out.splitlines():
        m = THREAD.search(line)
        if m:
            thread = m.group(1)
        elif "stackTrace = [" in line:
            frames, in_stack = [], True
        elif in_stack and line.strip() == "]":
            in_stack = False
            yield thread, frames
        elif in_stack:
            f = FRAME.match(line)
            if f:
                frames.append(f.group(1))


def group(thread):
    t = re.sub(r"[-#]?\d+$", "", thread or "?")
    return re.sub(r"\d+", "N", t)


def area(frames):
    for f in frames:
        if f.startswith("org.clearline."):
            return ".".join(f.split(".")[2:4])
    return "(no clearline frame: " + ".".join(frames[0].split(".")[:3]) + ")" if frames else "?"


def main():
    jfr, rec = sys.argv[1], sys.argv[2]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    self_t, incl, threads, areas = (collections.Counter() for _ in range(4))
    n = 0
    for thread, frames in samples(jfr, rec):
        if not frames:
            continue
        n += 1
        self_t[frames[0]] += 1
        for f in set(frames):
            incl[f] += 1
        threads[group(thread)] += 1
        areas[area(frames)] += 1
    if not n:
        print("no execution samples")
        return
    pct = lambda c: f"{100.0 * c / n:5.1f}%"
    print(f"{n} execution samples")
    print("\n## by thread group")
    for k, c in threads.most_common(10):
        print(f"  {pct(c)}  {k}")
    print("\n## by area (first org.clearline package on the stack)")
    for k, c in areas.most_common(15):
        print(f"  {pct(c)}  {k}")
    print(f"\n## self (top frame), top {top}")
    for k, c in self_t.most_common(top):
        print(f"  {pct(c)}  {k}")
    print(f"\n## inclusive, org.clearline methods, top {top}")
    for k, c in [x for x in incl.most_common() if x[0].startswith("org.clearline.")][:top]:
        print(f"  {pct(c)}  {k}")
    print(f"\n## inclusive, JDK/Netty methods of interest")
    keys = ("java.security.MessageDigest.digest", "sun.security.provider.MD5", "javax.crypto.Mac.doFinal",
            "java.lang.String.format", "java.util.Formatter", "java.util.regex", "java.lang.Throwable.<init>",
            "io.netty.channel.socket.nio.NioDatagramChannel.doWriteMessage",
            "io.netty.channel.epoll.EpollDatagramChannel.doWriteMessage", "sun.nio.ch.DatagramChannelImpl.send",
            "sun.nio.ch.DatagramChannelImpl.receive", "java.lang.StringBuilder.toString",
            "java.util.concurrent.CompletableFuture", "org.h2.", "ch.qos.logback", "java.time.format",
            "java.lang.invoke", "java.util.HexFormat", "java.lang.StringConcatHelper")
    for key in keys:
        c = max((v for k, v in incl.items() if k.startswith(key)), default=0)
        if c:
            print(f"  {pct(c)}  {key}*")


if __name__ == "__main__":
    main()
