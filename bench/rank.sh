#!/usr/bin/env bash
# bench/rank.sh: `nmftopics rank` on ../shared/corpora. sotu: the survey of k = 2..20 with 5
# runs each, timed (the target is under a minute on 2 cores). spamassassin: the survey, its
# recommended k, and the purity, entropy and NMI of the documents' dominant topics under a
# model of that k against ham/spam labels made from the folder names (easy-ham-*,
# hard-ham-* -> ham; spam-* -> spam). Not a test: prints the tables, keeps what it makes in
# bench/out/ (git-ignored).
#   SHARED=DIR  where corpora/ is (default ../shared)   THREADS=N  (default: all cores)
#   SOTU_KS=2:20  SPAM_KS=2:20  RUNS=5
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
THREADS=${THREADS:-$(nproc)}
SOTU_KS=${SOTU_KS:-2:20}
SPAM_KS=${SPAM_KS:-2:20}
RUNS=${RUNS:-5}
OUT=bench/out
mkdir -p "$OUT"

cmake -S . -B "$OUT/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF > /dev/null
cmake --build "$OUT/build" -j 2 --target nmftopics_cli > /dev/null
nt=$OUT/build/nmftopics

# Threads waiting at OpenMP barriers sleep instead of spinning: on a machine shared with
# other work, spinning threads slow every OpenMP program many times (see bench/nmf.sh).
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive}

seconds_since() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }

echo "nmftopics rank benchmark: $(date -u +%F), $(nproc) cores, threads $THREADS," \
     "OMP_WAIT_POLICY=$OMP_WAIT_POLICY, load $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== sotu: rank -k $SOTU_KS --runs $RUNS"
start=$(date +%s.%N)
"$nt" rank "$SHARED/corpora/sotu" -k "$SOTU_KS" --runs "$RUNS" --threads "$THREADS" \
    -o "$OUT/rank_sotu" -q
echo "sotu: rank took $(seconds_since "$start") s (target: under 60 s on 2 cores)"

echo
echo "== spamassassin: rank -k $SPAM_KS --runs $RUNS"
spam=$SHARED/corpora/spamassassin
start=$(date +%s.%N)
"$nt" rank "$spam" -k "$SPAM_KS" --runs "$RUNS" --threads "$THREADS" -o "$OUT/rank_spam" -q
echo "spamassassin: rank took $(seconds_since "$start") s"
k=$(awk -F'\t' 'NR > 1 && $NF == 1 { print $1 }' "$OUT/rank_spam.tsv")

# Labels from the folder names; document names are paths below the corpus folder.
labels=$OUT/spam_labels.tsv
(cd "$spam" && find . -type f ! -name '.*' | sed 's|^\./||' | sort |
    awk -F/ '{ print $0 "\t" ($1 ~ /^spam/ ? "spam" : "ham") }') > "$labels"

echo
echo "== spamassassin: fit -k $k (the recommendation), evaluate --labels (ham/spam)"
rm -rf "$OUT/fit_spam"
"$nt" fit "$spam" -k "$k" --threads "$THREADS" -o "$OUT/fit_spam" -q > /dev/null
"$nt" evaluate "$OUT/fit_spam/model.ntm" "$spam" --labels "$labels" --threads "$THREADS" -q
