#!/usr/bin/python3
"""Peer for the strain step of κ-MDS: SciPy's ARPACK `eigsh` on the same matrices SimZsl decomposes.

The matrices come from `dotnet run -c Release --project benchmarks/SimZsl.Benchmarks -- write-peer-data DIR`
(seeded noisy distance matrices, d = 16, one per n and κ). For each we build the strain matrix the way SimZsl
needs it (κ = 0: B = -1/2 J D^2 J; κ = 1: A = cos(D); κ = -1: A = cosh(D)) and time eigsh for the pairs the
strain step keeps: κ = 0 the top 16, κ = 1 the top 17, κ = -1 the top 1 and the 16 most negative.

Usage: /usr/bin/python3 benchmarks/peers/eigsh_peer.py DIR [repeats] [tolerances, e.g. 1e-10,0]
Fair only on OpenBLAS (Debian's libopenblas0-pthread); NumPy/SciPy otherwise run on the reference BLAS.
"""
import glob
import os
import sys
import time

import numpy as np
from scipy.sparse.linalg import eigsh


def strain_matrix(d, kappa):
    if kappa == 0:
        b = d * d
        b -= b.mean(axis=0, keepdims=True)
        b -= b.mean(axis=1, keepdims=True)
        b *= -0.5
        return b
    return np.cos(d) if kappa > 0 else np.cosh(d)


def solve(a, kappa, tol):
    if kappa == 0:
        return eigsh(a, k=16, which="LA", tol=tol)[0]
    if kappa > 0:
        return eigsh(a, k=17, which="LA", tol=tol)[0]
    top = eigsh(a, k=1, which="LA", tol=tol)[0]
    bottom = eigsh(a, k=16, which="SA", tol=tol)[0]
    return np.concatenate([top, bottom])


def main():
    folder = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    tolerances = [float(t) for t in sys.argv[3].split(",")] if len(sys.argv) > 3 else [0.0, 1e-10]
    print(f"numpy {np.__version__}, threads: OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}")
    blas = [line for line in open("/proc/self/maps") if "blas" in line or "lapack" in line]
    print("BLAS/LAPACK loaded:", sorted({line.split()[-1] for line in blas}) or "none yet")
    for path in sorted(glob.glob(os.path.join(folder, "strain_n*_k*.npy"))):
        name = os.path.basename(path)[:-4]
        kappa = float(name.split("_k")[1])
        d = np.load(path)
        for tol in tolerances:
            best_build, best_solve = float("inf"), float("inf")
            for _ in range(repeats):
                start = time.perf_counter()
                a = strain_matrix(d, kappa)
                built = time.perf_counter()
                values = solve(a, kappa, tol)
                done = time.perf_counter()
                best_build = min(best_build, built - start)
                best_solve = min(best_solve, done - built)
            print(f"{name}: tol={tol:g} build {best_build:.3f} s, eigsh {best_solve:.3f} s, total {best_build + best_solve:.3f} s "
                  f"(best of {repeats}); extreme kept eigenvalues {values.min():.6g} .. {values.max():.6g}")


if __name__ == "__main__":
    main()
