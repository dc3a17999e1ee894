# transform: new documents get topic weights in the same formats; a document without
# any known term gets zeros and NA, with a warning.
set -e
. "$SRC/tests/cli/cases/fit_shape.inc"
"$NT" fit "$DATA/model/corpus" -k 4 -o model --quiet > /dev/null
"$NT" transform model/model.ntm "$DATA/model/new" -o out > report 2> warnings
[ "$(grep -c '^Topic [1-4] (' report)" = 4 ]
grep -Eq '^transform: 2 documents \(1 without any term of the model\), [0-9]+ nonzeros, k = 4; [0-9.]+ s$' report
grep -q 'warning: 1 of 2 documents share no term with the model' warnings
[ "$(ls out | sort | tr '\n' ' ')" = "doc_topics.tsv report.json " ]
check_doc_topics out/doc_topics.tsv 4 2
grep -q "^unknown.txt$(printf '\t0\t0\t0\t0\tNA')$" out/doc_topics.tsv
/usr/bin/python3 -m json.tool out/report.json > /dev/null
