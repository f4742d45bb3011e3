#!/usr/bin/python3
"""Whole processes, side by side: scikit-learn's SMACOF against `simzsl embed --refine` (κ = 0, d = 2) on the same
complete Euclidean matrix, alternating, with wall time and peak memory from /usr/bin/time -v, the stress
½ Σ_{i<j} (d_ij − D_ij)² of each output computed here by one formula, and the time SimZsl needs to reach SMACOF's
final stress (from `SimZsl.Benchmarks.dll stress-trajectory`, its first, cold pass).

Usage (from the repository root, after `dotnet build SimZsl.sln -c Release`):
  /usr/bin/python3 benchmarks/peers/smacof_process_peer.py [--sizes 1000 1500 2000 4000] [--repeats 3]
      [--tolerance 1e-6] [--dir /tmp/simzsl-peers]
  /usr/bin/python3 benchmarks/peers/smacof_process_peer.py --fit IN.npy OUT.csv      (the peer process alone)

The matrices are those of smacof_peer.py (n N(0, 1) points in 10-d, numpy seed 0; written if missing). The peer is
sklearn.manifold.MDS(n_components=2, dissimilarity='precomputed', n_init=1, random_state=0) with its defaults
max_iter=300, eps=1e-3 (n_init=1: one SMACOF run, as SimZsl makes one; sklearn 1.2's default is 4 runs).
Fair only on OpenBLAS: install Debian's `libopenblas0-pthread` (NumPy otherwise uses the reference BLAS).
"""
import argparse
import os
import re
import subprocess
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SIMZSL = os.path.join(ROOT, "src/SimZsl.Cli/bin/Release/net10.0/SimZsl.Cli")
BENCH = os.path.join(ROOT, "benchmarks/SimZsl.Benchmarks/bin/Release/net10.0/SimZsl.Benchmarks.dll")


def fit(source, target):
    from sklearn.manifold import MDS
    d = np.load(source)
    y = MDS(n_components=2, dissimilarity="precomputed", n_init=1, random_state=0, normalized_stress=False).fit_transform(d)
    with open(target, "w") as f:
        f.write("class,x0,x1\n")
        for i, row in enumerate(y):
            f.write(f"{i},{row[0]!r},{row[1]!r}\n")


def matrix(n, directory):
    path = os.path.join(directory, f"smacof_n{n}.npy")
    if not os.path.exists(path):
        rng = np.random.default_rng(0)
        x = rng.standard_normal((n, 10))
        d = np.sqrt(np.maximum(((x[:, None, :] - x[None, :, :]) ** 2).sum(-1), 0))
        np.fill_diagonal(d, 0)
        tmp = path + ".tmp.npy"
        np.save(tmp, d)
        os.replace(tmp, path)
    return path


def stress(csv, d):
    y = np.loadtxt(csv, delimiter=",", skiprows=1)[:, 1:]
    e = np.sqrt(((y[:, None, :] - y[None, :, :]) ** 2).sum(-1))
    iu = np.triu_indices(len(d), 1)
    return 0.5 * ((e[iu] - d[iu]) ** 2).sum()


def timed(command):
    run = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{command[0]} failed ({run.returncode}):\n{run.stderr}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", run.stderr).group(1)
    minutes, seconds = wall.split(":")[-2:]
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1))
    return 60 * float(minutes) + float(seconds), rss / 1024


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--fit":
        fit(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", default="/tmp/simzsl-peers")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 1500, 2000, 4000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--tolerance", default="1e-6")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    print("| n | scikit-learn SMACOF process (s) | MB | stress | simzsl embed process (s) | MB | stress | ratio of medians | SimZsl reaches SMACOF's stress after |")
    print("|---:|---|---:|---:|---|---:|---:|---:|---|")
    for n in args.sizes:
        source = matrix(n, args.dir)
        d = np.load(source)
        peer_csv, ours_csv = os.path.join(args.dir, f"peer_n{n}.csv"), os.path.join(args.dir, f"simzsl_n{n}.csv")
        peer, ours = [], []
        for _ in range(args.repeats):
            peer.append(timed([sys.executable, os.path.abspath(__file__), "--fit", source, peer_csv]))
            ours.append(timed([SIMZSL, "embed", "--input", source, "--input-kind", "distance", "--curvature", "0", "--dim", "2",
                               "--refine", "--tolerance", args.tolerance, "--output", ours_csv, "--quiet"]))
        peer_stress, our_stress = stress(peer_csv, d), stress(ours_csv, d)
        trajectory = subprocess.run(["dotnet", BENCH, "stress-trajectory", source, repr(peer_stress), args.tolerance],
                                    capture_output=True, text=True, check=True).stdout.splitlines()[0]
        reached = re.search(r"reached at iteration (-?\d+) after (\S+) s", trajectory)
        med = lambda xs: sorted(xs)[len(xs) // 2]
        print(f"| {n} | {' '.join(f'{t:.2f}' for t, _ in peer)} | {max(m for _, m in peer):.0f} | {peer_stress:.6g} "
              f"| {' '.join(f'{t:.2f}' for t, _ in ours)} | {max(m for _, m in ours):.0f} | {our_stress:.6g} "
              f"| {med([t for t, _ in ours]) / med([t for t, _ in peer]):.3f} "
              f"| iteration {reached.group(1)}, {reached.group(2)} s into the fit (cold pass) |", flush=True)


if __name__ == "__main__":
    main()
