# The model keeps the words of fit's --stopwords FILE: with the file deleted, transform of
# the training documents still drops them and gives back fit's weights. "comets" shares its
# stem with the kept "comet", so a transform that forgot it would count it and differ.
set -e
printf '| plural forms the run leaves out\ncomets\n' > stop.txt
"$NT" fit "$DATA/model/corpus" -k 4 --stopwords stop.txt -o fit --quiet > /dev/null
"$NT" fit "$DATA/model/corpus" -k 4 -o plain --quiet > /dev/null
! cmp -s fit/doc_topics.tsv plain/doc_topics.tsv || { echo "the stop word changed nothing"; exit 1; }
grep -q '"stopwords": \["comets"\]' fit/report.json
rm stop.txt
"$NT" transform fit/model.ntm "$DATA/model/corpus" -o again --quiet > /dev/null
paste fit/doc_topics.tsv again/doc_topics.tsv | awk -F'\t' '
    NR > 1 { for (t = 2; t <= 5; t++) { d = $t - $(t + 6); if (d > 2e-6 || d < -2e-6) { bad = 2; exit } } }
    END { if (bad) exit bad; if (NR != 14) exit 3 }'
