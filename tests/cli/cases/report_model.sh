# report prints the topics from the model alone, in three formats.
set -e
"$NT" fit "$DATA/model/corpus" -k 4 -o m --top-terms 5 --quiet > fit.txt
"$NT" report m/model.ntm --top-terms 5 > report.txt
[ "$(grep -c '^Topic [1-4] ([0-9.]*% of the training corpus)$' report.txt)" = 4 ]
grep -Eq '^model fit: 13 documents, [0-9]+ terms, [0-9]+ nonzeros, k = 4, hals, relative error [0-9.]+, [0-9]+ iterations?' report.txt
# The same top terms and weights as fit printed.
diff <(grep -E '^  [^ ]+ +[0-9.]+' fit.txt | awk '{print $1, $2}') \
     <(grep -E '^  [^ ]+ +[0-9.]+' report.txt | awk '{print $1, $2}')
"$NT" report m/model.ntm --format json > r.json
/usr/bin/python3 -m json.tool r.json > /dev/null
"$NT" report m/model.ntm --format tsv --top-terms 5 > t.tsv
cmp t.tsv m/topics.tsv
