#!/usr/bin/python3
"""Peer for the whole `simzsl embed` process at κ = -1: what a SciPy user would write for the same job.

Load an n × n hyperbolic distance matrix (.npy), build A = cosh(D), take ARPACK `eigsh`'s top pair and the
d most negative pairs (tolerance 1e-10, as SimZsl's strain step), form the hyperboloid coordinates, map them to
the Poincaré ball of radius 1 and write `class,x0,…` CSV. Run as a process (`python3 embed_process_peer.py
IN.npy OUT.csv 16`) and timed from outside, so start-up and imports count as they do for `simzsl`.

Fair only on OpenBLAS: install Debian's `libopenblas0-pthread` (NumPy/SciPy otherwise use the reference BLAS).
"""
import sys

import numpy as np
from scipy.sparse.linalg import eigsh


def main():
    source, target, d = sys.argv[1], sys.argv[2], int(sys.argv[3])
    distances = np.load(source)
    a = np.cosh(distances)
    top_value, top_vector = eigsh(a, k=1, which="LA", tol=1e-10)
    values, vectors = eigsh(a, k=d, which="SA", tol=1e-10)
    # Hyperboloid: x0 = sqrt(λ₀)·u₀ (time-like), x_k = sqrt(-λ_k)·u_k (space-like); sign so x0 > 0.
    x0 = np.sqrt(top_value[0]) * top_vector[:, 0]
    if x0.sum() < 0:
        x0 = -x0
    x0 = np.maximum(x0, 1.0)
    space = vectors * np.sqrt(np.maximum(-values, 0.0))
    ball = space / (1.0 + x0)[:, None]
    names = [f"c{i}" for i in range(distances.shape[0])]
    with open(target, "w") as f:
        f.write("class," + ",".join(f"x{k}" for k in range(d)) + "\n")
        for name, row in zip(names, ball):
            f.write(name + "," + ",".join(repr(float(v)) for v in row) + "\n")


if __name__ == "__main__":
    main()
