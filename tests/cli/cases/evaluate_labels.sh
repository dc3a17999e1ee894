# evaluate with labels made from the file names (astro1.txt -> astro): the table, the
# agreement line with a purity of at least 0.9, and a warning for a name that is no
# document; --json gives the same figures.
set -e
"$NT" fit "$DATA/model/corpus" -k 4 -o fit -q > /dev/null
{ printf 'file\tclass\n'; for f in "$DATA"/model/corpus/*.txt; do
      b=${f##*/}; printf '%s\t%s\n' "$b" "${b%%[0-9]*}"; done; printf 'ghost.txt\tnone\n'; } > labels.tsv
"$NT" evaluate fit/model.ntm "$DATA/model/corpus" --labels labels.tsv -q > table 2> warnings
grep -q "^13 documents, 4 topics; coherence of the top 10 terms" table
[ "$(grep -cE '^ +[1-4] +[0-9]+ +-?[0-9.]+ +-?[0-9.]+$' table)" = 4 ]
grep -q "^labels: 13 documents in 5 classes compared (0 without a label, 1 unknown name in the file)" table
awk '/^purity/ { if ($2 < 0.9) exit 1; found = 1 } END { exit !found }' table
grep -q "labels.tsv: 1 name is no document of the corpus (e.g. 'ghost.txt')" warnings
"$NT" evaluate fit/model.ntm "$DATA/model/corpus" --labels labels.tsv --json -q > out.json 2> /dev/null
grep -q '"labels": {"purity": ' out.json
grep -q '"compared": 13, "classes": 5, "unlabelled": 0, "unknown_names": 1}' out.json
