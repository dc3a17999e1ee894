# --force writes into an existing folder and removes word files of a run with more topics.
set -e
. "$SRC/tests/cli/cases/fit_shape.inc"
"$NT" fit "$DATA/model/corpus" -k 5 -o out --quiet > /dev/null
echo keep > out/mine.txt
"$NT" fit "$DATA/model/corpus" -k 3 -o out --force --quiet > /dev/null
check_fit_dir out 3 13
[ -f out/mine.txt ]
[ ! -e out/topic_04.words.tsv ] && [ ! -e out/topic_05.words.tsv ]
