#!/usr/bin/python3
"""make_init.py A.mtx K SEED PREFIX: one random start shared by every solver, drawn the way
scikit-learn's init='random' draws it (|N(0,1)| * sqrt(mean(A) / K), H first, then W), written
as PREFIX.W0.mtx (m x K) and PREFIX.H0.mtx (K x n)."""
import sys

import numpy as np
import scipy.io


def main(path, k, seed, prefix):
    A = scipy.io.mmread(path)
    m, n = A.shape
    avg = np.sqrt(A.sum() / (m * n) / k)
    rng = np.random.RandomState(seed)
    H = np.abs(avg * rng.standard_normal(size=(k, n)))
    W = np.abs(avg * rng.standard_normal(size=(m, k)))
    scipy.io.mmwrite(prefix + ".W0.mtx", W)
    scipy.io.mmwrite(prefix + ".H0.mtx", H)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
