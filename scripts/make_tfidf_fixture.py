#!/usr/bin/python3
"""Makes the scikit-learn TF-IDF fixture that tests/dtm compares nmftopics against.

Run with Debian's python3 (python3-sklearn), from the repository root:
    /usr/bin/python3 scripts/make_tfidf_fixture.py
It reads tests/data/dtm/tfidf_corpus/*.txt (UTF-8, sorted by name, as nmftopics walks a
folder) and writes into tests/data/dtm/:
  sklearn_english_stopwords.txt   scikit-learn's ENGLISH_STOP_WORDS, one per line, sorted
  tfidf_fixture/docs.txt          the document names, one per line (row order)
  tfidf_fixture/VARIANT.terms     get_feature_names_out(), one per line (column order)
  tfidf_fixture/VARIANT.mtx       the TF-IDF matrix, Matrix Market coordinate, %.17g
for each VARIANT below. scikit-learn lowercases with str.lower while nmftopics applies
NFKC and case folding; the script refuses a corpus where the two would differ.
"""
import os
import re
import sys
import unicodedata

import sklearn
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DATA = os.path.join(ROOT, "tests", "data", "dtm")
CORPUS = os.path.join(DATA, "tfidf_corpus")
OUT = os.path.join(DATA, "tfidf_fixture")

# Name -> TfidfVectorizer keyword arguments (beyond the stop-word list). The matching
# nmftopics options are listed in tests/dtm/test_dtm_parity.c.
VARIANTS = {
    "default": {},
    "sublinear_l1_mindf2": {"sublinear_tf": True, "norm": "l1", "min_df": 2},
    "noidf_nonorm_maxdf": {"use_idf": False, "norm": None, "max_df": 0.1},
    "bigrams_mindf2": {"ngram_range": (1, 2), "min_df": 2},
    "maxfeatures": {"max_features": None},  # limit chosen below so that no tie straddles it
}


def read_corpus():
    names = sorted(n for n in os.listdir(CORPUS) if n.endswith(".txt"))
    docs = []
    for name in names:
        with open(os.path.join(CORPUS, name), encoding="utf-8", newline="") as f:
            text = f.read()
        if text.lower() != text.casefold() or unicodedata.normalize("NFKC", text) != text:
            sys.exit(f"{name}: str.lower and NFKC + casefold disagree; change the document")
        if any(unicodedata.category(c).startswith("M") for c in text):
            sys.exit(f"{name}: combining marks split words differently in Python's \\w")
        docs.append(text)
    return names, docs


def tie_free_limit(docs, wanted):
    """A max_features near `wanted` where the counts do not tie across the cut, since
    scikit-learn breaks such ties with an unstable sort."""
    counter = TfidfVectorizer(stop_words=list(ENGLISH_STOP_WORDS), use_idf=False, norm=None)
    totals = sorted(counter.fit_transform(docs).sum(axis=0).A1, reverse=True)
    for limit in range(wanted, len(totals)):
        if totals[limit - 1] > totals[limit]:
            return limit
    sys.exit("no tie-free max_features limit")


def write_matrix(path, X):
    X = X.tocsc()
    X.sort_indices()
    with open(path, "w", encoding="utf-8") as f:
        f.write("%%MatrixMarket matrix coordinate real general\n")
        f.write(f"% scikit-learn {sklearn.__version__} TfidfVectorizer\n")
        f.write(f"{X.shape[0]} {X.shape[1]} {X.nnz}\n")
        for j in range(X.shape[1]):
            for p in range(X.indptr[j], X.indptr[j + 1]):
                f.write(f"{X.indices[p] + 1} {j + 1} {X.data[p]:.17g}\n")


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")


def main():
    names, docs = read_corpus()
    os.makedirs(OUT, exist_ok=True)
    write_lines(os.path.join(DATA, "sklearn_english_stopwords.txt"), sorted(ENGLISH_STOP_WORDS))
    write_lines(os.path.join(OUT, "docs.txt"), names)
    VARIANTS["maxfeatures"]["max_features"] = tie_free_limit(docs, 25)
    for variant, kwargs in VARIANTS.items():
        vec = TfidfVectorizer(stop_words=list(ENGLISH_STOP_WORDS), **kwargs)
        X = vec.fit_transform(docs)
        write_lines(os.path.join(OUT, variant + ".terms"), vec.get_feature_names_out())
        write_matrix(os.path.join(OUT, variant + ".mtx"), X)
        print(f"{variant}: {X.shape[0]} x {X.shape[1]}, {X.nnz} nonzeros, {kwargs}")


if __name__ == "__main__":
    main()
