#!/usr/bin/python3
"""peer_sklearn.py A.mtx W0.mtx H0.mtx SOLVER: scikit-learn's NMF (solver cd or mu, Frobenius
loss, default tol 1e-4 and max_iter 200) from the given start. Prints one tab-separated line:
sklearn-SOLVER, seconds, iterations, relative error ||A - WH||_F / ||A||_F."""
import sys
import time

import numpy as np
import scipy.io
import scipy.sparse
from sklearn.decomposition import NMF


def rel_error(A, W, H):
    """||A - WH||_F / ||A||_F without forming WH."""
    a2 = A.multiply(A).sum()
    cross = (A @ H.T * W).sum()
    gram = ((W.T @ W) * (H @ H.T)).sum()
    return np.sqrt(max(a2 - 2 * cross + gram, 0.0) / a2)


def main(path, w0, h0, solver):
    A = scipy.sparse.csr_matrix(scipy.io.mmread(path))
    W0 = np.ascontiguousarray(scipy.io.mmread(w0))
    H0 = np.ascontiguousarray(scipy.io.mmread(h0))
    model = NMF(n_components=W0.shape[1], init="custom", solver=solver, beta_loss="frobenius")
    start = time.perf_counter()
    W = model.fit_transform(A, W=W0.copy(), H=H0.copy())
    seconds = time.perf_counter() - start
    err = rel_error(A, W, model.components_)
    print(f"sklearn-{solver}\t{seconds:.4f}\t{model.n_iter_}\t{err:.6f}")


if __name__ == "__main__":
    main(*sys.argv[1:5])
