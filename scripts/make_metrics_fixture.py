#!/usr/bin/python3
"""Writes the scipy reference for the cophenetic correlation test of the metrics stage.

Run from the repository root with Debian's Python (it has numpy and scipy):
    /usr/bin/python3 scripts/make_metrics_fixture.py
cophenetic_blocks.txt and cophenetic_uniform.txt each hold a 30 x 30 consensus matrix C
(symmetric, ones on the diagonal) with continuous entries, so average linkage has no ties
and any correct implementation builds the same tree: the first line holds m and scipy's
cophenetic correlation of 1 - C (scipy.cluster.hierarchy.average + cophenet), then C
row by row.

cophenetic_runs.txt holds the dominant topics of R noisy runs over m documents, whose
consensus has many tied entries (multiples of 1/R), so the tree depends on how ties are
broken: the first line holds m, R, scipy's cophenetic correlation and the dispersion
mean(4 (C - 1/2)^2) over the full matrix, then one run per line.
"""
import os
import sys

import numpy as np
from scipy.cluster.hierarchy import average, cophenet
from scipy.spatial.distance import squareform


def blocks(rng, m):
    """Three planted groups: high consensus inside, low across, plus noise."""
    group = np.arange(m) % 3
    same = group[:, None] == group[None, :]
    c = np.where(same, 0.8, 0.2) + rng.uniform(-0.18, 0.18, size=(m, m))
    return c


def uniform(rng, m):
    """No structure at all: the correlation is low."""
    return rng.uniform(0.0, 1.0, size=(m, m))


def write(path, c):
    c = np.tril(c, -1)
    c = c + c.T + np.eye(c.shape[0])
    d = squareform(1.0 - c, checks=False)
    r, _ = cophenet(average(d), d)
    with open(path, "w") as f:
        f.write("%d %.17g\n" % (c.shape[0], r))
        for row in c:
            f.write(" ".join("%.17g" % v for v in row) + "\n")
    print("%s: m = %d, cophenetic correlation = %.12f" % (os.path.relpath(path), c.shape[0], r))


def write_runs(path, rng, m, runs, k):
    base = rng.integers(0, k, m)
    labels = [np.where(rng.random(m) < 0.3, rng.integers(0, k, m), base) for _ in range(runs)]
    c = np.mean([r[:, None] == r[None, :] for r in labels], axis=0)
    d = squareform(1.0 - c, checks=False)
    r, _ = cophenet(average(d), d)
    dispersion = np.mean(4.0 * (c - 0.5) ** 2)
    with open(path, "w") as f:
        f.write("%d %d %.17g %.17g\n" % (m, runs, r, dispersion))
        for row in labels:
            f.write(" ".join("%d" % v for v in row) + "\n")
    print("%s: m = %d, R = %d, cophenetic correlation = %.12f, dispersion = %.12f"
          % (os.path.relpath(path), m, runs, r, dispersion))


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data",
                       "metrics")
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(20240605)
    write(os.path.join(out, "cophenetic_blocks.txt"), blocks(rng, 30))
    write(os.path.join(out, "cophenetic_uniform.txt"), uniform(rng, 30))
    write_runs(os.path.join(out, "cophenetic_runs.txt"), rng, 60, 6, 4)
    return 0


if __name__ == "__main__":
    sys.exit(main())
