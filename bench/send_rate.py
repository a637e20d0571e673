#!/usr/bin/env python3
"""Sending rate, side by side in one run: circular send (--connections 1 and 4), the bare
reference (bench/src/BareSend.java), awdeorio/mailmerge (Python, a new connection per letter) and
Postfix's smtp-source (1 and 4 sessions), each against a fresh Postfix smtp-sink on 127.0.0.1,
interleaved, REPS repetitions, medians.

A run counts only if smtp-sink received exactly N messages; otherwise it is reported FAILED and
gets no rate. Rates are N / wall time of the whole process (JVM start, preflight and all), as a
user waits for it. CPU (user + system) and peak RSS from /usr/bin/time -v. System calls per
letter from one more run of each variant under `strace -c -f` (--strace N letters; slowed by
strace, so not timed). c4shm is not a way to run circular but a bound: c4 with its campaign folder
in memory (/dev/shm), where the log's fsync returns at once and a letter's copy costs no journal,
which shows what the disk costs a run.

circular runs with the JVM options of CIRCULAR_JVM below (the launcher's), and with the
class-data sharing archive target/circular.jsa when there is one (bench/cds.sh).

Usage (from the project root, after bench/setup.sh):
    python3 bench/send_rate.py [--n 10000] [--reps 3] [--only c1,c4,c4shm,bare,mm,src1,src4] [--strace 2000]
                               [--jar OTHER.jar --jvm 'OPTIONS']   (an earlier build, as it was run)
"""
import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "target", "bench")
POSTFIX = os.path.join(BENCH, "postfix")
JAR = os.path.join(ROOT, "target", "circular.jar")
CIRCULAR_JAR = JAR  # --jar: the circular measured; the references always use target/circular.jar
LETTER = os.path.join(BENCH, "letters", "bench-letter")
PEER = os.path.join(BENCH, "peer")
MAILMERGE = os.path.join(PEER, "venv", "bin", "mailmerge")
TIMEOUT = 600  # seconds, for any one run

# The JVM options for a short batch run, chosen by measurement (bench/README.md, "JVM options"):
# C1 only (C2 spends more CPU compiling than it saves in a run of seconds) and one compiler thread
# (no idle C2 thread to set up), the serial collector
# (no collector threads competing for two cores, a third of G1's memory), no performance-data
# file in /tmp; with the class-data sharing archive when there is one.
CIRCULAR_JVM = ["-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC", "-XX:-UsePerfData"]


def circular_jvm():
    if JVM_OVERRIDE is not None:
        return JVM_OVERRIDE
    cds = os.path.join(os.path.dirname(CIRCULAR_JAR), "circular.jsa")  # the archive of that jar's build
    return CIRCULAR_JVM + (["-XX:SharedArchiveFile=" + cds] if os.path.exists(cds) else [])


JVM_OVERRIDE = None  # --jvm: other options, e.g. none to measure an older jar as it was run


def env():
    e = dict(os.environ)
    e["LD_LIBRARY_PATH"] = os.path.join(POSTFIX, "usr", "lib", "postfix")
    e["LANG"] = "C"
    return e


def start_sink(port, log):
    out = open(log, "wb")
    sink = subprocess.Popen(
        [os.path.join(POSTFIX, "usr", "sbin", "smtp-sink"), "-c", "-u", "nobody", "-4",
         "127.0.0.1:%d" % port, "256"],
        stdout=out, stderr=subprocess.STDOUT, env=env())
    for _ in range(50):  # up to 5 s for the port to open
        if subprocess.run(["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/%d" % port],
                          stderr=subprocess.DEVNULL).returncode == 0:
            break
        time.sleep(0.1)
    return sink, out


def stop_sink(sink, out, log):
    time.sleep(0.2)
    sink.send_signal(signal.SIGTERM)
    try:
        sink.wait(10)
    except subprocess.TimeoutExpired:
        sink.kill()
        sink.wait()
    out.close()
    counts = re.findall(rb"mesg=(\d+)", open(log, "rb").read())
    # the probe connection that checked the port is a session without a message
    return int(counts[-1]) if counts else 0


def timed(cmd, label, cwd=ROOT):
    timefile = os.path.join(BENCH, "runs", label + ".time")
    outfile = os.path.join(BENCH, "runs", label + ".out")
    t0 = time.monotonic()
    with open(outfile, "wb") as out:
        p = subprocess.Popen(["/usr/bin/time", "-v", "-o", timefile] + cmd, cwd=cwd, stdout=out,
                             stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env())
        try:
            status = p.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            status = -1
    wall = time.monotonic() - t0
    rss, cpu = 0, 0.0
    for line in open(timefile):
        if "Maximum resident set size" in line:
            rss = int(line.split(":")[1]) // 1024
        elif "User time (seconds)" in line or "System time (seconds)" in line:
            cpu += float(line.split(":")[1])
    return status, wall, rss, cpu


CAMPAIGNS = []


MEMORY = "/dev/shm"  # a tmpfs: the c4shm variant's campaign, where fsync returns at once


def campaign_folder(k, tag):
    """A campaign folder of its own for every circular run, all removed at the end of the benchmark:
    never one removed just before a run. Deleting a campaign's 10,000 letter copies makes ext4's
    next 10,000 file creations slow for a while (its inode allocator skips recently deleted inodes:
    up to ~300 us of system CPU per file instead of ~10 here, seen in perf as find_inode_bit and
    recently_deleted), a cost a user's run never meets after the benchmark's own rmtree."""
    root = os.path.join(MEMORY, "circular-bench") if k == "c4shm" else os.path.join(BENCH, "runs")
    folder = os.path.join(root, "campaign-%s-%s" % (k, tag))
    if folder not in CAMPAIGNS:
        CAMPAIGNS.append(folder)
    return folder


def file_creation_cost():
    """CPU microseconds to create one file in a new folder under target/bench/runs, as circular's
    letters/ copies are. On this project's machine it varied from 9 to 330 us, highest just after
    many files were deleted (see campaign_folder); it is printed beside each circular run."""
    import resource
    folder = os.path.join(BENCH, "runs", "probe-%d" % os.getpid())
    os.makedirs(folder, exist_ok=True)
    before = resource.getrusage(resource.RUSAGE_SELF)
    for i in range(500):
        os.close(os.open(os.path.join(folder, "f%d.tmp" % i), os.O_WRONLY | os.O_CREAT, 0o644))
    after = resource.getrusage(resource.RUSAGE_SELF)
    shutil.rmtree(folder, ignore_errors=True)
    return (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / 500 * 1e6


def syscalls(cmd, label, n):
    """System calls per letter of one run under strace -c -f: the total and the five most frequent."""
    out = os.path.join(BENCH, "runs", label + ".strace")
    with open(os.path.join(BENCH, "runs", label + ".out"), "wb") as log:
        subprocess.run(["strace", "-c", "-f", "-o", out] + cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                       stdin=subprocess.DEVNULL, env=env(), timeout=TIMEOUT)
    calls = {}
    for line in open(out):
        parts = line.split()
        if len(parts) >= 5 and parts[0][0].isdigit() and parts[-1] != "total":
            calls[parts[-1]] = int(parts[3])
    top = sorted(calls.items(), key=lambda kv: -kv[1])[:5]
    return sum(calls.values()) / n, ", ".join("%s %.1f" % (name, count / n) for name, count in top)


def sending_phase(k, rep, n):
    """Seconds from the first to the last row of sent.csv (circular), or as the bare reference
    reports it (from its connection to its last letter); None for smtp-source."""
    if k in ("c1", "c4", "c4shm"):
        import csv
        import datetime
        rows = list(csv.DictReader(open(os.path.join(campaign_folder(k, rep), "sent.csv"))))
        t = [datetime.datetime.fromisoformat(r["time"].replace("Z", "+00:00")) for r in rows]
        return (t[-1] - t[0]).total_seconds() if len(t) > 1 else None
    if k == "bare":
        m = re.search(r"sent \d+ in ([0-9.]+) s", open(os.path.join(BENCH, "runs", "%s-%d.out" % (k, rep))).read())
        return float(m.group(1)) if m else None
    return None


def variants(n, port):
    smtp = "smtp://127.0.0.1:%d" % port
    listfile = os.path.join(BENCH, "recipients-%d.csv" % n)
    one = os.path.join(BENCH, "one-letter.eml")

    def circular(connections, tag, variant=None):
        campaign = campaign_folder(variant or "c%d" % connections, tag)
        shutil.rmtree(campaign, ignore_errors=True)  # left by an interrupted benchmark only
        return ["java"] + circular_jvm() + ["-jar", CIRCULAR_JAR, "send", LETTER, listfile, "--smtp", smtp, "--yes",
                                            "--campaign", campaign, "--connections", str(connections)]

    def mailmerge():
        config = os.path.join(BENCH, "runs", "mailmerge_server.conf")
        with open(config, "w") as f:  # no security, no rate limit: as fast as it goes
            f.write("[smtp_server]\nhost = 127.0.0.1\nport = %d\nratelimit = 0\n" % port)
        return [MAILMERGE, "--template", os.path.join(PEER, "mailmerge_template.txt"), "--database", listfile,
                "--config", config, "--no-dry-run", "--no-limit"]

    def source(sessions):
        return [os.path.join(POSTFIX, "usr", "sbin", "smtp-source"), "-4", "-d", "-s", str(sessions),
                "-m", str(n), "-F", one, "-f", "nim-coordinator@mission-coordinator.example",
                "-t", "geneva@d000001-mission.example", "127.0.0.1:%d" % port]

    return {
        "c1": ("circular send --connections 1", lambda tag: circular(1, tag)),
        "c4": ("circular send --connections 4", lambda tag: circular(4, tag)),
        # not a way to run circular, a bound: the same run with its campaign folder (log, copies) in
        # memory, where fsync returns at once and a new file costs no journal; what the disk costs
        "c4shm": ("c4, its campaign in memory (/dev/shm: no disk)", lambda tag: circular(4, tag, "c4shm")),
        # compiled beforehand (see main): source-file mode would add javac to its start-up time
        "bare": ("bare reference (1 connection, no log)",
                 lambda tag: ["java", "-cp", JAR + ":" + os.path.join(BENCH, "classes"), "BareSend",
                          LETTER, listfile, "127.0.0.1", str(port)]),
        "mm": ("awdeorio/mailmerge (Python, a connection per letter)", lambda tag: mailmerge()),
        "src1": ("smtp-source -s 1 (pre-rendered)", lambda tag: source(1)),
        "src4": ("smtp-source -s 4 (pre-rendered)", lambda tag: source(4)),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--port", type=int, default=25250)
    ap.add_argument("--only", default="c1,c4,c4shm,bare,mm,src1,src4")
    ap.add_argument("--strace", type=int, default=2000, help="letters for the system-call count (0: none)")
    ap.add_argument("--jar", help="measure this circular jar instead of target/circular.jar (e.g. an earlier build)")
    ap.add_argument("--jvm", help="circular's JVM options instead of CIRCULAR_JVM ('' for none)")
    args = ap.parse_args()
    global CIRCULAR_JAR, JVM_OVERRIDE
    if args.jar:
        CIRCULAR_JAR = os.path.abspath(args.jar)
    if args.jvm is not None:
        JVM_OVERRIDE = args.jvm.split()
    os.makedirs(os.path.join(BENCH, "runs"), exist_ok=True)
    subprocess.run(["javac", "-cp", JAR, "-d", os.path.join(BENCH, "classes"),
                    os.path.join(ROOT, "bench", "src", "BareSend.java")], check=True)
    one = os.path.join(BENCH, "one-letter.eml")
    with open(one, "wb") as f:  # the letter of the first row, exactly as circular renders it
        subprocess.run(["java", "-jar", JAR, "preview", LETTER, os.path.join(BENCH, "recipients-%d.csv" % args.n),
                        "--only", "D000001", "--format", "eml"], stdout=f, check=True, cwd=ROOT)
    keys = args.only.split(",")
    if "mm" in keys and not os.path.exists(MAILMERGE):
        print("awdeorio/mailmerge is not installed under %s (bench/setup.sh): left out" % PEER)
        keys.remove("mm")
    if "c4shm" in keys and not os.path.isdir(MEMORY):
        print("no %s (a tmpfs) on this machine: c4shm left out" % MEMORY)
        keys.remove("c4shm")
    table = variants(args.n, args.port)
    results = {k: [] for k in keys}
    load = open("/proc/loadavg").read().split()[0]
    print("N=%d, %d repetitions, load average at start %s; circular's JVM options: %s" % (
        args.n, args.reps, load, " ".join(circular_jvm())), flush=True)
    for rep in range(args.reps):
        order = keys[rep % len(keys):] + keys[:rep % len(keys)]  # interleaved, rotated each round
        for k in order:
            name, cmd = table[k]
            probe = " (creating a file here: %.0f us CPU)" % file_creation_cost() if k in ("c1", "c4") else ""
            log = os.path.join(BENCH, "runs", "sink-%s-%d.log" % (k, rep))
            sink, out = start_sink(args.port, log)
            try:
                status, wall, rss, cpu = timed(cmd(rep), "%s-%d" % (k, rep))
            finally:
                received = stop_sink(sink, out, log)
            ok = status == 0 and received == args.n
            phase = sending_phase(k, rep, args.n) if ok else None
            results[k].append((ok, wall, rss, received, phase, cpu))
            print("  round %d %-5s exit %d, received %d/%d, %.2f s, CPU %.2f s, peak RSS %d MB, load %s%s%s" % (
                rep + 1, k, status, received, args.n, wall, cpu, rss, open("/proc/loadavg").read().split()[0], probe,
                "" if ok else "  FAILED RUN: no rate reported"), flush=True)
    print("load average at end %s" % open("/proc/loadavg").read().split()[0])
    calls = {}
    if args.strace > 0 and shutil.which("strace"):
        strace_table = variants(args.strace, args.port)
        for k in keys:
            log = os.path.join(BENCH, "runs", "sink-%s-strace.log" % k)
            sink, out = start_sink(args.port, log)
            try:
                calls[k] = syscalls(strace_table[k][1]("strace"), "%s-strace" % k, args.strace)
            finally:
                stop_sink(sink, out, log)
    medians = {}
    print()
    print("| what | letters/s (median of %d) | wall s | CPU ms/letter (user+sys) | syscalls/letter (strace -c -f, %d letters) | peak RSS MB | letters/s while sending (circular: after its preflight) |" % (args.reps, args.strace))
    print("|---|---:|---:|---:|---:|---:|---:|")
    for k in keys:
        runs = results[k]
        name = table[k][0]
        if not all(r[0] for r in runs):
            print("| %s | FAILED (%s) | | | | | |" % (name, ", ".join("%d/%d" % (r[3], args.n) for r in runs)))
            continue
        wall = statistics.median(r[1] for r in runs)
        medians[k] = args.n / wall
        phases = [r[4] for r in runs if r[4]]
        phase = "%.0f" % (args.n / statistics.median(phases)) if phases else "-"
        cpu = statistics.median(r[5] for r in runs) * 1000 / args.n
        sc = "%.1f" % calls[k][0] if k in calls else "-"
        print("| %s | %.0f | %.2f | %.3f | %s | %d | %s |" % (name, medians[k], wall, cpu, sc, statistics.median(r[2] for r in runs), phase))
    print()
    if calls:
        print("System calls per letter, the five most frequent:")
        for k in keys:
            if k in calls:
                print("- %s: %s" % (k, calls[k][1]))
        print()
    for a, b, target in (("c4", "mm", 5.0), ("c1", "bare", 0.90), ("c4", "src4", 0.50), ("c4", "c1", None), ("src4", "src1", None)):
        if a in medians and b in medians:
            ratio = medians[a] / medians[b]
            if target is not None and target >= 1:
                print("- %s / %s = %.1fx (target >= %.0fx: %s)" % (a, b, ratio, target, "met" if ratio >= target else "MISSED"))
            else:
                verdict = "" if target is None else (" (target >= %d%%: %s)" % (target * 100, "met" if ratio >= target else "MISSED"))
                print("- %s / %s = %.0f%%%s" % (a, b, 100 * ratio, verdict))
    if "c4shm" in medians and "mm" in medians:
        print("- c4shm / mm = %.1fx (a bound, not a result: the log's fsyncs and the copies' files cost nothing there)"
              % (medians["c4shm"] / medians["mm"]))
    for folder in CAMPAIGNS:
        shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(os.path.join(MEMORY, "circular-bench"), ignore_errors=True)
    sys.exit(0 if all(all(r[0] for r in results[k]) for k in keys) else 1)


if __name__ == "__main__":
    main()
