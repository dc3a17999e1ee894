# --help lists every option with its default.
set -e
"$NT" tfidf --help > help
for opt in output files-from lines list-languages quiet progress language no-stem stopwords \
           no-stopwords token-pattern min-token-len max-token-len min-df max-df max-terms \
           ngrams threads sublinear-tf no-idf norm; do
    grep -q -- "--$opt" help || { echo "--$opt missing from --help" >&2; exit 1; }
done
grep -q "(default: english)" help
grep -q "(default: 0.5)" help
grep -q "(default: letters)" help
