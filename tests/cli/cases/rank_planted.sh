# rank on a planted corpus of 4 topics recommends k = 4, marks its row, and writes the TSV
# (a header and one line per k) and the JSON with the same recommendation.
set -e
. "$SRC/tests/cli/cases/rank_corpus.inc"
planted_corpus corpus 4 60
"$NT" rank corpus -k 2:6 --runs 3 -o out -q --threads 1 > table
grep -q "^recommended: k = 4 " table
grep -Eq "^\* +4 " table
[ "$(grep -c '^[ *] *[0-9]' table)" = 5 ]
[ "$(wc -l < out.tsv)" = 6 ]
head -1 out.tsv | grep -q "^k	rel_error	cv_error	cophenetic	dispersion	npmi	diversity	"
awk -F'\t' 'NR > 1 && $NF == 1 { print $1 }' out.tsv | grep -qx 4
grep -q '"recommendation": {"k": 4, ' out.json
