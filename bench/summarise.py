#!/usr/bin/python3
"""summarise.py LABEL PEERS.tsv TRACE.tsv: one benchmark table from the peers' result lines
(solver, seconds, iterations, relative error) and nmf_bench's output for our trace run
(iter/fit/floor lines, see nmf_bench.c). For each peer: the time we need to reach its final
relative error and scikit-learn cd's, and the speed-up (peer seconds / our seconds).
NMF is not convex: runs from one start can settle in minima whose errors differ in the
fourth decimal, so the footer also gives the time to come within 0.01% of cd's error."""
import sys


def read_peers(path):
    rows = []
    for line in open(path):
        f = line.rstrip("\n").split("\t")
        rows.append((f[0], float(f[1]), int(f[2]), float(f[3])))
    return rows


def read_trace(path):
    its, fit, floor = [], None, None
    for line in open(path):
        f = line.split()
        if f[0] == "iter":
            its.append((int(f[1]), float(f[2]), float(f[4])))
        elif f[0] == "fit":
            fit = (int(f[1]), float(f[2]), float(f[3]))
        elif f[0] == "floor":
            floor = float(f[1])
    return its, fit, floor


def time_to(its, target):
    """Seconds and iteration at which our relative error first reaches target, or None."""
    for it, sec, rel in its:
        if rel <= target:
            return sec, it
    return None


def main(label, peers_path, trace_path):
    peers = read_peers(peers_path)
    its, fit, floor = read_trace(trace_path)
    cd = next(p for p in peers if p[0] == "sklearn-cd")
    at_cd = time_to(its, cd[3])
    print(f"\n== {label}")
    print(f"{'solver':<16}{'seconds':>9}{'iters':>7}{'rel.error':>11}"
          f"{'ours to same error':>22}{'speed-up':>10}{'speed-up at cd error':>22}")
    for name, sec, n, rel in peers:
        same = time_to(its, rel)
        same_s = f"{same[0]:.3f} s (it {same[1]})" if same else "not reached"
        up = f"{sec / same[0]:.1f}x" if same else "-"
        up_cd = f"{sec / at_cd[0]:.1f}x" if at_cd else "-"
        print(f"{name:<16}{sec:>9.3f}{n:>7}{rel:>11.6f}{same_s:>22}{up:>10}{up_cd:>22}")
    # Median time of one iteration, like the floor's median, so a stall of a shared machine
    # does not count against either.
    steps = sorted(b[1] - a[1] for a, b in zip(its, its[1:]))
    per_iter = steps[len(steps) // 2]
    near = time_to(its, cd[3] * (1 + 1e-4))
    print(f"ours, trace run: {fit[0]} iterations in {fit[1]:.3f} s, final rel.error {fit[2]:.6f}; "
          f"to sklearn-cd's error {cd[3]:.6f}: "
          + (f"{at_cd[0]:.3f} s at iteration {at_cd[1]}" if at_cd else "not reached")
          + "; to within 0.01% of it: "
          + (f"{near[0]:.3f} s at iteration {near[1]} (cd/ours {cd[1] / near[0]:.1f}x)"
             if near else "not reached"))
    print(f"per iteration (median): {per_iter * 1e3:.2f} ms; two products (floor, median): "
          f"{floor * 1e3:.2f} ms; "
f"ratio {per_iter / floor:.2f}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
