# A comma list of k in any order is surveyed in increasing order; --json prints the JSON,
# the same as the file.
set -e
. "$SRC/tests/cli/cases/rank_corpus.inc"
planted_corpus corpus 3 30
"$NT" rank corpus -k 5,2,3:4 --runs 2 --json -o out -q --threads 1 > stdout.json
cmp stdout.json out.json
[ "$(grep -c '"k": ' out.json)" = 5 ]
grep -o '{"k": [0-9]*' out.json | head -4 | tr -d '{"k: ' | tr '\n' ' ' | grep -qx "2 3 4 5 "
