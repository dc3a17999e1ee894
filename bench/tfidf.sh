#!/usr/bin/env bash
# Benchmark (not a test): `nmftopics tfidf` (stemming on, 2 threads) against scikit-learn's
# TfidfVectorizer (stop_words='english', min_df=2, max_df=0.95, no stemming) on the same
# corpus in the same run, both with the same pruning and shortest token (2 characters,
# scikit-learn's \w\w+), whatever nmftopics' defaults. Reports, for each, the median wall
# time of 5 runs (the two alternating), throughput and peak resident memory
# (/usr/bin/time -v), and the ratios. Each run starts with the corpus in the page cache
# (BENCH_CACHE=cold: not in it; see page_cache.sh).
#   bench/tfidf.sh [CORPUS]   (default ../shared/corpora/spamassassin, from the repo root)
# Needs a built binary (build/nmftopics, or NT=path) and /usr/bin/python3 with
# scikit-learn (scripts/install-deps.sh installs both python3-sklearn and time).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/page_cache.sh
corpus=${1:-../shared/corpora/spamassassin}
nt=${NT:-build/nmftopics}
runs=5
[ -x "$nt" ] || { echo "bench/tfidf.sh: no binary at $nt (build first, or set NT)" >&2; exit 1; }
[ -d "$corpus" ] || { echo "bench/tfidf.sh: no corpus folder $corpus" >&2; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

files=$(find "$corpus" -type f ! -name '.*' | wc -l)
bytes=$(find "$corpus" -type f ! -name '.*' -printf '%s\n' | awk '{s += $1} END {print s}')
mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}')

# run NAME COMMAND...: runs the command once, appending a "wall rss_kb cpu" line to
# $scratch/NAME.times and its summary line (stderr) to $scratch/NAME.err.
run() {
    local name=$1
    shift
    prepare_cache "$corpus"
    /usr/bin/time -v -o "$scratch/time.txt" "$@" 2>>"$scratch/$name.err" >/dev/null
    awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); w = p[n] + 60 * p[n-1]
                                           if (n > 2) w += 3600 * p[1]}
                /Maximum resident/ {r = $2} /(User|System) time/ {c += $2}
                END {print w, r, c}' \
        "$scratch/time.txt" >>"$scratch/$name.times"
}

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# The two alternate, run by run, so that a change in the machine's speed (it is shared)
# falls on both.
for _ in $(seq "$runs"); do
    run nmftopics "$nt" tfidf "$corpus" -o "$scratch/out" --threads 2 \
        --min-df 2 --max-df 0.95 --min-token-len 2
    run sklearn /usr/bin/python3 bench/sklearn_tfidf.py "$corpus"
done

nt_wall=$(cut -d' ' -f1 "$scratch/nmftopics.times" | median)
nt_rss=$(cut -d' ' -f2 "$scratch/nmftopics.times" | median)
sk_wall=$(cut -d' ' -f1 "$scratch/sklearn.times" | median)
sk_rss=$(cut -d' ' -f2 "$scratch/sklearn.times" | median)
nt_cpu=$(cut -d' ' -f3 "$scratch/nmftopics.times" | median)
sk_cpu=$(cut -d' ' -f3 "$scratch/sklearn.times" | median)
nt_build=$(sed -nE 's/.* built in ([0-9.]+) s.*/\1/p' "$scratch/nmftopics.err" | median)
nt_write=$(sed -nE 's/.* written in ([0-9.]+) s.*/\1/p' "$scratch/nmftopics.err" | median)
sk_inner=$(sed -nE 's/.* ([0-9.]+) s$/\1/p' "$scratch/sklearn.err" | median)

echo "corpus: $corpus ($files files, $mb MB); median of $runs runs; nmftopics on 2 threads;" \
     "page cache $BENCH_CACHE"
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows both)"
echo "  nmftopics: $(tail -1 "$scratch/nmftopics.err" | sed -E 's/^tfidf: //; s/; .*//')"
echo "  sklearn:   $(tail -1 "$scratch/sklearn.err" | sed -E 's/^sklearn: //; s/, [0-9.]+ s$//')"
awk -v f="$mb" -v nw="$nt_wall" -v nr="$nt_rss" -v sw="$sk_wall" -v sr="$sk_rss" \
    -v nb="$nt_build" -v nwr="$nt_write" -v si="$sk_inner" -v nc="$nt_cpu" -v sc="$sk_cpu" 'BEGIN {
    printf "%-40s %9s %9s %12s %8s\n", "", "seconds", "MB/s", "peak RSS MB", "CPU s"
    printf "%-40s %9.2f %9.1f %12.1f %8.2f\n", "nmftopics tfidf (whole command)", nw, f / nw,
           nr / 1024, nc
    printf "%-40s %9.2f %9.1f\n", "  of which list + read + tokenize + tfidf", nb, f / nb
    printf "%-40s %9.2f\n", "  of which writing PREFIX.{mtx,terms,docs}", nwr
    printf "%-40s %9.2f %9.1f %12.1f %8.2f\n", "scikit-learn (whole process)", sw, f / sw,
           sr / 1024, sc
    printf "%-40s %9.2f %9.1f\n", "  of which read + fit_transform", si, f / si
    printf "ratios (scikit-learn / nmftopics): whole %.1fx, read+tokenize+vectorize %.1fx, " \
           "peak memory %.1fx\n", sw / nw, si / nb, sr / nr
}'
