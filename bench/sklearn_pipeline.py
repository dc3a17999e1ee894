#!/usr/bin/python3
"""The scikit-learn side of bench/pipeline.sh: read a folder, TfidfVectorizer, NMF (cd).

Run with Debian's /usr/bin/python3 (python3-sklearn):
    sklearn_pipeline.py CORPUS K --min-df N --max-df F            fit and time NMF
    sklearn_pipeline.py CORPUS K --min-df N --max-df F --export M  vectorise only, write M.mtx
Prints one line of key=value timings (seconds, measured inside the process) on stdout.
Documents are read like nmftopics reads them: every file under CORPUS in sorted
depth-first order, hidden names skipped, UTF-8 or else Latin-1.
"""
import argparse
import os
import time

import numpy as np
import scipy.io
import scipy.sparse.linalg
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer


def list_files(root):
    out = []
    for name in sorted(os.listdir(root)):
        if name.startswith("."):
            continue
        path = os.path.join(root, name)
        out.extend(list_files(path) if os.path.isdir(path) else [path])
    return out


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("k", type=int)
    ap.add_argument("--min-df", type=int, default=1)
    ap.add_argument("--max-df", type=float, default=1.0)
    ap.add_argument("--export")
    args = ap.parse_args()
    t0 = time.perf_counter()
    docs = [read(p) for p in list_files(args.corpus)]
    # Letters only, at least two: the token rule nmftopics uses by default (no stemming here).
    vec = TfidfVectorizer(stop_words="english", min_df=args.min_df, max_df=args.max_df,
                          token_pattern=r"(?u)\b[^\W\d_]{2,}\b", dtype=np.float64)
    A = vec.fit_transform(docs)
    t_vec = time.perf_counter() - t0
    if args.export:
        scipy.io.mmwrite(args.export, A)
        print(f"vectorise={t_vec:.3f} docs={A.shape[0]} terms={A.shape[1]} nnz={A.nnz}")
        return
    t1 = time.perf_counter()
    model = NMF(n_components=args.k, solver="cd", init="nndsvda", random_state=1,
                tol=1e-4, max_iter=200)
    W = model.fit_transform(A)
    t_nmf = time.perf_counter() - t1
    # reconstruction_err_ is ||A - WH||_F, computed by scikit-learn without densifying.
    rel = model.reconstruction_err_ / scipy.sparse.linalg.norm(A)
    print(f"vectorise={t_vec:.3f} nmf={t_nmf:.3f} total={t_vec + t_nmf:.3f} "
          f"docs={A.shape[0]} terms={A.shape[1]} nnz={A.nnz} iterations={model.n_iter_} "
          f"relative_error={rel:.5f}")


if __name__ == "__main__":
    main()
