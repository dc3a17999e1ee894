# fit --lines: each line of a file is a document. The training documents written one per
# line (newlines turned into spaces, which the tokenizer treats alike) give the same
# matrix, hence the same topics and weights as the folder; only the names differ
# (FILE:LINE).
set -e
. "$SRC/tests/cli/cases/fit_shape.inc"
for f in "$DATA"/model/corpus/*.txt; do tr '\n' ' ' < "$f"; echo; done > docs.txt
"$NT" fit --lines docs.txt -k 4 -o lines --quiet > /dev/null
"$NT" fit "$DATA/model/corpus" -k 4 -o dir --quiet > /dev/null
check_fit_dir lines 4 13
cmp lines/topics.tsv dir/topics.tsv
[ "$(sed -n 2p lines/doc_topics.tsv | cut -f1)" = "docs.txt:1" ]
diff <(cut -f2- lines/doc_topics.tsv) <(cut -f2- dir/doc_topics.tsv)
# A folder and --lines together are a usage error.
"$NT" fit "$DATA/model/corpus" --lines docs.txt -k 4 2> both.err && exit 98
grep -q "fit: give only one of DIR, --files-from and --lines" both.err
