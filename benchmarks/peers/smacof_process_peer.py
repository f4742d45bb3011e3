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

from process_time import timed
from smacof_peer import matrix   # the same seeded matrices, written once

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


def stress(csv, d):
    y = np.loadtxt(csv, delimiter=",", skiprows=1)[:, 1:]
    e = np.sqrt(((y[:, None, :] - y[None, :, :]) ** 2).sum(-1))
    iu = np.triu_indices(len(d), 1)
    return 0.5 * ((e[iu] - d[iu]) ** 2).sum()


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
        d = matrix(n, args.dir)
        source = os.path.join(args.dir, f"smacof_n{n}.npy")
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
