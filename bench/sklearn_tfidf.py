#!/usr/bin/python3
"""The scikit-learn side of bench/tfidf.sh: TfidfVectorizer on a folder, end to end.

Reads every file under DIR in sorted order (hidden files skipped) as bytes, skips files
holding NUL bytes, decodes UTF-8 with a Latin-1 fallback (what nmftopics does), then runs
TfidfVectorizer(stop_words='english', min_df=2, max_df=0.95).fit_transform. Prints one
line: documents, terms, nonzeros, seconds spent reading and vectorizing.
"""
import os
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer


def read_corpus(root):
    docs = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(f for f in files if not f.startswith(".")):
            with open(os.path.join(folder, name), "rb") as f:
                data = f.read()
            if b"\0" in data:
                continue
            try:
                docs.append(data.decode("utf-8"))
            except UnicodeDecodeError:
                docs.append(data.decode("latin-1"))
    return docs


def main():
    start = time.perf_counter()
    docs = read_corpus(sys.argv[1])
    vec = TfidfVectorizer(stop_words="english", min_df=2, max_df=0.95)
    X = vec.fit_transform(docs)
    seconds = time.perf_counter() - start
    print(f"sklearn: {X.shape[0]} documents, {X.shape[1]} terms, {X.nnz} nonzeros, "
          f"{seconds:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
