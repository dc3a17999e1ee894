# transform --files-from: the documents listed in a file, in the listed order, get the
# weights the same documents get from their folder; names are the paths as listed.
set -e
. "$SRC/tests/cli/cases/fit_shape.inc"
"$NT" fit "$DATA/model/corpus" -k 4 -o model --quiet > /dev/null
printf '%s\n' "$DATA/model/new/unknown.txt" "$DATA/model/new/cooking.txt" > list
"$NT" transform model/model.ntm --files-from list -o listed --quiet > /dev/null
"$NT" transform model/model.ntm "$DATA/model/new" -o dir --quiet > /dev/null
check_doc_topics listed/doc_topics.tsv 4 2
[ "$(cut -f1 listed/doc_topics.tsv | tail -n +2)" = "$(cat list)" ]
# Row order follows the list: unknown.txt first, the reverse of the folder's order.
diff <(tail -n +2 listed/doc_topics.tsv | cut -f2- | tac) <(tail -n +2 dir/doc_topics.tsv | cut -f2-)
# A model without any input is a usage error.
"$NT" transform model/model.ntm 2> none.err && exit 98
grep -q "transform: missing DIR (or --files-from FILE or --lines FILE)" none.err
