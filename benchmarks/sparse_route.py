#!/usr/bin/python3
"""The sparse route as a user runs it: whole `simzsl embed` processes on seeded sparse problems (exact hyperbolic
distances, κ = −1, d = 8, 100 observed pairs per class), wall time and peak memory from /usr/bin/time -v, and the
median relative error on 10,000 pairs that were not observed (`SimZsl.Benchmarks.dll pair-error`).

Usage (from the repository root, after `dotnet build SimZsl.sln -c Release`; Python standard library only):
  /usr/bin/python3 benchmarks/sparse_route.py [--sizes 5000 10000 20000 40000] [--per-class 100] [--repeats 1]
      [--dense 4000] [--dir /tmp/simzsl-sparse]

For each n it writes (once) DIR/n{n}/pairs.csv and heldout.csv with `SimZsl.Benchmarks.dll write-pairs` and embeds
pairs.csv (`--input-kind pairs --transform none`, the automatic route). `--dense N` also writes the N-class problem as
a dense .npy with NaN where a pair is not observed and embeds that (the automatic route must be sparse), checking every pair
(`pair-error-all`). The growth
factor is time(2n)/time(n) between consecutive sizes that double.
"""
import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIMZSL = os.path.join(ROOT, "src/SimZsl.Cli/bin/Release/net10.0/SimZsl.Cli")
BENCH = os.path.join(ROOT, "benchmarks/SimZsl.Benchmarks/bin/Release/net10.0/SimZsl.Benchmarks.dll")
sys.path.insert(0, os.path.join(ROOT, "benchmarks", "peers"))
from process_time import timed   # noqa: E402  (shared with the peers)


def problem(directory, n, per_class, npy):
    folder = os.path.join(directory, f"n{n}")
    wanted = os.path.join(folder, "dense.npy" if npy else "pairs.csv")
    if not os.path.exists(wanted):
        command = ["dotnet", BENCH, "write-pairs", folder, str(n), str(per_class), "-1", "8"] + (["--npy"] if npy else [])
        subprocess.run(command, check=True, capture_output=True)
    return folder


def embed(folder, npy, repeats):
    source = os.path.join(folder, "dense.npy" if npy else "pairs.csv")
    kind = ["--input-kind", "distance"] if npy else ["--input-kind", "pairs", "--transform", "none"]
    output, report = os.path.join(folder, "coords.csv"), os.path.join(folder, "report.json")
    runs = [timed([SIMZSL, "embed", "--input", source, *kind, "--curvature", "-1", "--dim", "8", "--output", output, "--quiet"])
            for _ in range(repeats)]
    # The route and iterations from one more run with a report (not timed: the report measures quality on top).
    subprocess.run([SIMZSL, "embed", "--input", source, *kind, "--curvature", "-1", "--dim", "8", "--output", output,
                    "--report", report, "--quiet"], check=True)
    with open(report) as f:
        facts = json.load(f)
    check = subprocess.run(["dotnet", BENCH, "pair-error", output, os.path.join(folder, "heldout.csv"), "-1"],
                           capture_output=True, text=True, check=True).stdout
    median = re.search(r"median relative error (\S+),", check).group(1)
    if npy:
        # Every pair of the N classes, observed or not, against the drawn points.
        n = facts["classes"]
        every = subprocess.run(["dotnet", BENCH, "pair-error-all", output, str(n), "-1", "8"], capture_output=True, text=True, check=True).stdout
        all_pairs = re.search(r"median relative error (\S+),", every).group(1)
        median += f" (all {n * (n - 1) // 2} pairs: {all_pairs})"
    return runs, facts, median


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", default="/tmp/simzsl-sparse")
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 10000, 20000, 40000])
    parser.add_argument("--per-class", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--dense", type=int, default=4000)
    args = parser.parse_args()
    print("| input | classes | observed pairs | route | L-BFGS iterations | wall (s) | peak MB | median rel. error, held-out pairs | time growth | memory growth |")
    print("|---|---:|---:|---|---:|---|---:|---:|---:|---:|")
    rows = []
    cases = [(n, False) for n in args.sizes] + ([(args.dense, True)] if args.dense else [])
    for n, npy in cases:
        folder = problem(args.dir, n, args.per_class, npy)
        runs, facts, median = embed(folder, npy, args.repeats)
        wall = sorted(t for t, _ in runs)[len(runs) // 2]
        memory = max(m for _, m in runs)
        growth = ("", "")
        if not npy and rows and rows[-1][0] * 2 == n:
            growth = (f"{wall / rows[-1][1]:.2f}", f"{memory / rows[-1][2]:.2f}")
        if not npy:
            rows.append((n, wall, memory))
        print(f"| {'.npy with NaN' if npy else 'pairs CSV'} | {n} | {n * args.per_class} | {facts['route']} | {facts['iterations']} "
              f"| {' '.join(f'{t:.2f}' for t, _ in runs)} | {memory:.0f} | {median} | {growth[0]} | {growth[1]} |", flush=True)


if __name__ == "__main__":
    main()
