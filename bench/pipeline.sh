#!/usr/bin/env bash
# pipeline.sh: `nmftopics fit` end to end (read, tokenize, stem, TF-IDF, NMF) against the
# scikit-learn pipeline (TfidfVectorizer + NMF, coordinate descent) and TfidfVectorizer +
# RcppML::nmf, on ../shared/corpora/spamassassin at k = 20, in the same run.
#
#   bench/pipeline.sh [BUILD_DIR]      (default build; run `make build` first;
#                                       CORPUS=DIR overrides the corpus; BENCH_CACHE=cold
#                                       times first runs on the folder, see page_cache.sh)
#
# For each pipeline: wall-clock seconds (median of 5 runs) and peak resident memory
# (/usr/bin/time -v, the largest of the 5 runs), and the ratios to nmftopics. Each command
# that reads the corpus starts with it in the page cache (or, with BENCH_CACHE=cold, not).
#   nmftopics   the whole `nmftopics fit` process.
#   sklearn     the whole /usr/bin/python3 process (interpreter start and imports
#               included), and beside it the in-process time of vectorising + NMF.
#   RcppML      no single process: the in-process vectorising time of scikit-learn plus
#               the in-process time of RcppML::nmf in Rscript on the exported matrix
#               (reading the matrix into R is not counted); peak memory is the larger of
#               the two processes.
# Same document-frequency bounds and tokens of two letters or more for all. nmftopics and
# scikit-learn both start from NNDSVDa (each one's default), RcppML at random (its own).
# The NMFs use their own default stopping rules (nmftopics: relative objective decrease
# < 1e-4; scikit-learn: tol 1e-4, at most 200 iterations; RcppML: tol 1e-4, at most 100),
# so the relative errors are printed too.
# Not a test: it needs ../shared and takes a minute or two.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/page_cache.sh
BUILD=${1:-build}
NT=$BUILD/nmftopics
CORPUS=${CORPUS:-../shared/corpora/spamassassin}
K=20
MIN_DF=2
MAX_DF=0.5
RUNS=5
[ -x "$NT" ] || { echo "no nmftopics binary in $BUILD (run make build)" >&2; exit 1; }
[ -d "$CORPUS" ] || { echo "no corpus at $CORPUS" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# timed NAME CMD...: runs CMD under /usr/bin/time -v; keeps its stdout in $work/NAME.out,
# and appends "wall_seconds peak_kb" to $work/NAME.times.
timed() {
    local name=$1; shift
    /usr/bin/time -v -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err" \
        || { echo "$name failed:" >&2; cat "$work/$name.err" >&2; exit 1; }
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0
                                           for (i = 1; i <= n; i++) s = s * 60 + t[i]; w = s }
                /Maximum resident set size/ { kb = $2 }
                END { print w, kb }' "$work/$name.time" >> "$work/$name.times"
}
# field NAME KEY: the value of KEY=value in the last output of NAME.
field() { tr ' ' '\n' < "$work/$1.out" | sed -n "s/^$2=//p" | tail -1; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
max() { sort -n | tail -1; }

for run in $(seq $RUNS); do
    echo "run $run of $RUNS..." >&2
    prepare_cache "$CORPUS"
    timed nmftopics "$NT" fit "$CORPUS" -k $K --min-df $MIN_DF --max-df $MAX_DF --min-token-len 2 \
        --top-docs 0 --quiet
    prepare_cache "$CORPUS"
    timed sklearn /usr/bin/python3 bench/sklearn_pipeline.py "$CORPUS" $K --min-df $MIN_DF --max-df $MAX_DF
    awk -v t="$(field sklearn total)" 'BEGIN { print t }' >> "$work/sklearn.inner"
    prepare_cache "$CORPUS"
    timed vectorise /usr/bin/python3 bench/sklearn_pipeline.py "$CORPUS" $K --min-df $MIN_DF \
        --max-df $MAX_DF --export "$work/A.mtx"
    timed rcppml Rscript bench/rcppml_nmf.R "$work/A.mtx" $K
    awk -v a="$(field vectorise vectorise)" -v b="$(field rcppml nmf)" 'BEGIN { print a + b }' \
        >> "$work/rcppml.inner"
done

nt_wall=$(cut -d' ' -f1 "$work/nmftopics.times" | median)
nt_kb=$(cut -d' ' -f2 "$work/nmftopics.times" | max)
sk_wall=$(cut -d' ' -f1 "$work/sklearn.times" | median)
sk_inner=$(median < "$work/sklearn.inner")
sk_kb=$(cut -d' ' -f2 "$work/sklearn.times" | max)
r_inner=$(median < "$work/rcppml.inner")
r_kb=$(cat "$work/vectorise.times" "$work/rcppml.times" | cut -d' ' -f2 | max)
nt_line=$(grep '^fit:' "$work/nmftopics.out")

echo "corpus $CORPUS, k = $K, min_df $MIN_DF, max_df $MAX_DF; $(nproc) cores; median of $RUNS runs;" \
     "page cache $BENCH_CACHE"
echo "nmftopics: $nt_line"
echo "sklearn:   $(cat "$work/sklearn.out")"
echo "RcppML:    $(cat "$work/rcppml.out") (matrix from TfidfVectorizer)"
echo
printf '%-34s %10s %12s %14s %12s\n' pipeline seconds "x nmftopics" "peak RSS (MB)" "x nmftopics"
row() { awk -v n="$1" -v s="$2" -v kb="$3" -v ns="$nt_wall" -v nkb="$nt_kb" \
        'BEGIN { printf "%-34s %10.2f %12.1f %14.0f %12.1f\n", n, s, s / ns, kb / 1024, kb / nkb }'; }
row "nmftopics fit (process)" "$nt_wall" "$nt_kb"
row "scikit-learn (process)" "$sk_wall" "$sk_kb"
row "scikit-learn (in-process)" "$sk_inner" "$sk_kb"
row "TfidfVectorizer + RcppML (in-proc.)" "$r_inner" "$r_kb"
