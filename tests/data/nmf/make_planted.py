#!/usr/bin/python3
"""Writes planted.mtx and zero_row_col.mtx, the small matrices of the nmf CLI tests."""
import numpy as np

rng = np.random.default_rng(3)
W = rng.random((12, 3)) * (rng.random((12, 3)) > 0.3)
H = rng.random((3, 10)) * (rng.random((3, 10)) > 0.3)
A = W @ H


def write(name, A, comment):
    m, n = A.shape
    nz = [(i, j, A[i, j]) for j in range(n) for i in range(m) if A[i, j] != 0]
    with open(name, "w") as f:
        f.write("%%MatrixMarket matrix coordinate real general\n")
        f.write("%% " + comment + "\n")
        f.write(f"{m} {n} {len(nz)}\n")
        for i, j, v in nz:
            f.write(f"{i+1} {j+1} {v!r}\n")


write("planted.mtx", A, "12 x 10 product of random non-negative rank-3 factors (seed 3)")
B = A.copy()
B[4, :] = 0
B[:, 7] = 0
write("zero_row_col.mtx", B, "planted.mtx with row 5 and column 8 set to zero")
