#!/usr/bin/python3
"""Peer for the stress-refinement benchmark: scikit-learn's SMACOF (sklearn.manifold.MDS, metric, precomputed)
on the same complete distance matrix that StressBenchmarks embeds.

Usage: /usr/bin/python3 benchmarks/peers/smacof_peer.py [--dir /tmp/simzsl-peers] [--sizes 1000 2000]

For each n it writes (once) smacof_n{n}.npy: the Euclidean distances of n points drawn from N(0, 1) in 10
dimensions (numpy seed 0), to be embedded in 2 dimensions: not exactly embeddable, so stress minima are real.
It then times MDS(n_components=2, dissimilarity='precomputed', random_state=0) with scikit-learn's defaults
(n_init=4, max_iter=300, eps=1e-3) and prints the time and the raw stress ½ Σ_{i<j} (d_ij − D_ij)² of the result,
the same definition SimZsl reports (sklearn's own stress_ is the sum over i<j without the ½).
"""
import argparse
import os
import time

import numpy as np
from sklearn.manifold import MDS


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
    return np.load(path)


def stress(y, d):
    e = np.sqrt(((y[:, None, :] - y[None, :, :]) ** 2).sum(-1))
    iu = np.triu_indices(len(d), 1)
    return 0.5 * ((e[iu] - d[iu]) ** 2).sum()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", default="/tmp/simzsl-peers")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000])
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    for n in args.sizes:
        d = matrix(n, args.dir)
        times = []
        for _ in range(args.repeats):
            mds = MDS(n_components=2, dissimilarity="precomputed", random_state=0)
            start = time.perf_counter()
            y = mds.fit_transform(d)
            times.append(time.perf_counter() - start)
        print(f"n={n} sklearn SMACOF (n_init=4, max_iter=300, eps=1e-3): {min(times):.2f} s (best of {args.repeats}), "
              f"stress ½Σ(d-D)² = {stress(y, d):.6g}, iterations {mds.n_iter_}")


if __name__ == "__main__":
    main()
