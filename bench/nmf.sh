#!/usr/bin/env bash
# bench/nmf.sh: nmftopics' NMF against scikit-learn (cd, mu) and RcppML on the TF-IDF matrices
# of ../shared/corpora/{sotu,spamassassin}, k = 10 and 20. Not a test: prints tables, keeps
# everything it makes in bench/out/ (git-ignored). Matrices and starting points are cached.
#   SHARED=DIR   where corpora/ is (default ../shared)   THREADS=N   (default: all cores)
#   KS="10 20"   CORPORA="sotu spamassassin"              TRACE_ITERS=N  our trace run length
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
THREADS=${THREADS:-$(nproc)}
KS=${KS:-"10 20"}
CORPORA=${CORPORA:-"sotu spamassassin"}
TRACE_ITERS=${TRACE_ITERS:-500}
OUT=bench/out
mkdir -p "$OUT"

cmake -S . -B "$OUT/build" -DCMAKE_BUILD_TYPE=Release -DNT_BUILD_BENCH=ON -DBUILD_TESTING=OFF > /dev/null
cmake --build "$OUT/build" -j 2 --target nmf_bench > /dev/null
bench=$OUT/build/bench/nmf_bench

# Threads that wait at OpenMP barriers sleep instead of spinning: on a machine shared with
# other work, spinning threads slow every OpenMP program (ours and RcppML alike) many times.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive}

# numpy's OpenBLAS runs its fast kernels only without these overrides (see the environment notes);
# they are dropped for the Python peers alone.
python_peer() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 "$@"; }

echo "nmftopics NMF benchmark: $(date -u +%F), $(nproc) cores, threads $THREADS," \
     "OMP_WAIT_POLICY=$OMP_WAIT_POLICY, load $(cut -d' ' -f1-3 /proc/loadavg)"
for corpus in $CORPORA; do
    A=$OUT/$corpus.mtx
    [ -f "$A" ] || /usr/bin/python3 bench/make_tfidf.py "$SHARED/corpora/$corpus" "$A"
    for k in $KS; do
        p=$OUT/$corpus.k$k
        [ -f "$p.W0.mtx" ] || /usr/bin/python3 bench/make_init.py "$A" "$k" 0 "$p"
        {
            python_peer bench/peer_sklearn.py "$A" "$p.W0.mtx" "$p.H0.mtx" cd 2> /dev/null
            python_peer bench/peer_sklearn.py "$A" "$p.W0.mtx" "$p.H0.mtx" mu 2> /dev/null
            Rscript bench/peer_rcppml.R "$A" "$k" "$THREADS"
            "$bench" "$A" "$k" hals "$p.W0.mtx" "$p.H0.mtx" 1000 1e-4 "$THREADS" |
                awk -F'\t' '$1 == "fit" { printf "ours-hals-tol1e-4\t%s\t%s\t%s\n", $3, $2, $4 }'
        } > "$p.peers.tsv"
        "$bench" "$A" "$k" hals "$p.W0.mtx" "$p.H0.mtx" "$TRACE_ITERS" 0 "$THREADS" > "$p.trace.tsv"
        size=$(sed -n '/^[^%]/{p;q}' "$A")
        /usr/bin/python3 bench/summarise.py "$corpus, k = $k (A: $size)" "$p.peers.tsv" "$p.trace.tsv"
    done
done
