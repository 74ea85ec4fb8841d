#!/usr/bin/env python3
"""Runs one command and prints how it ran, as one JSON object on stdout.

    python3 Benchmarks/run_once.py CWD COMMAND [ARGUMENTS...]

{"wall_s", "user_s", "sys_s", "peak_rss_bytes", "exit_code", "stderr", "bytes_written"}:
wall time from a monotonic clock around start and reap, CPU time and peak RSS from wait4,
and what the command passed to write calls (`wchar` of /proc/PID/io, read before it is
reaped; null without /proc).

scale.py times every build through this small process rather than forking the command
itself: on Linux a child starts with the peak RSS of the process it was forked from (it
is carried over fork and exec), and scale.py holds snapshots of every file of the site by
then, hundreds of megabytes at ten years, which showed as the peak of builds that used a
tenth of it.  Python 3 stdlib only; Linux (os.wait4, os.waitid).
"""

import json
import os
import subprocess
import sys
import time


def bytes_written(pid):
    """`wchar` of the exited, not yet reaped process `pid` (its threads and reaped children
    included); None when unreadable."""
    try:
        with open(f"/proc/{pid}/io") as io:
            for line in io:
                if line.startswith("wchar:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.split("\n\n")[1])
    cwd, argv = sys.argv[1], sys.argv[2:]
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    # Waited for without reaping, so its I/O counters can still be read.
    os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
    wall = time.monotonic() - t0
    written = bytes_written(proc.pid)
    _, status, ru = os.wait4(proc.pid, 0)
    proc.stderr.close()
    json.dump({"wall_s": wall, "user_s": ru.ru_utime, "sys_s": ru.ru_stime, "peak_rss_bytes": ru.ru_maxrss * 1024,
               "exit_code": os.waitstatus_to_exitcode(status), "stderr": err.decode("utf-8", "replace"),
               "bytes_written": written}, sys.stdout)


if __name__ == "__main__":
    main()
