# fit -o on the 13 small documents: the report on stdout (4 topics, a summary line) and
# every output file in shape: TSV columns, rows summing to 1, valid JSON, no temporary file.
set -e
. "$SRC/tests/cli/cases/fit_shape.inc"
"$NT" fit "$DATA/model/corpus" -k 4 -o out --quiet > report
[ "$(grep -c '^Topic [1-4] ([0-9.]*% of the corpus)$' report)" = 4 ]
grep -Eq '^fit: 13 documents, [0-9]+ terms, [0-9]+ nonzeros, k = 4, hals, relative error [0-9.]+, [0-9]+ iterations?( \(not converged\))?; tfidf [0-9.]+ s, nmf [0-9.]+ s, output [0-9.]+ s, total [0-9.]+ s$' report
check_fit_dir out 4 13
# topics.tsv holds the 10 top terms of each topic.
[ "$(tail -n +2 out/topics.tsv | wc -l)" = 40 ]
