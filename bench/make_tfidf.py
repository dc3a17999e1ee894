#!/usr/bin/python3
"""make_tfidf.py CORPUS_DIR OUT.mtx: the TF-IDF matrix (documents x terms) of every file under
CORPUS_DIR, built by scikit-learn's TfidfVectorizer (english stop words, min_df=2,
max_df=0.95) so that every NMF solver in the benchmark factors the same matrix. Files are read
as bytes and decoded as UTF-8, falling back to Latin-1; documents are taken in sorted path
order."""
import os
import sys

import scipy.io
from sklearn.feature_extraction.text import TfidfVectorizer


def read(path):
    raw = open(path, "rb").read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def main(corpus, out):
    paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs)
    if not paths:
        sys.exit(f"make_tfidf.py: no files under {corpus}")
    docs = [read(p) for p in paths]
    vec = TfidfVectorizer(stop_words="english", min_df=2, max_df=0.95)
    A = vec.fit_transform(docs).tocsc()
    A.sort_indices()
    scipy.io.mmwrite(out, A, comment=f"TF-IDF of {len(paths)} files under {corpus}")
    print(f"{out}: {A.shape[0]} x {A.shape[1]}, {A.nnz} nonzeros", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
