# Transforming the training documents gives back the weights fit reported, with fit's
# default options: fit's W is the same projection onto H that transform computes, so the
# 13 x 4 shares of doc_topics.tsv agree to their printed precision (6 significant digits:
# 2e-6 allows a last digit rounded the other way; the issue asked for 1e-3).
set -e
"$NT" fit "$DATA/model/corpus" -k 4 -o fit --quiet > /dev/null
"$NT" transform fit/model.ntm "$DATA/model/corpus" -o again --quiet > /dev/null
paste fit/doc_topics.tsv again/doc_topics.tsv | awk -F'\t' '
    NR > 1 { if ($1 != $7) { bad = 1; exit } for (t = 2; t <= 5; t++) { d = $t - $(t + 6); if (d > 2e-6 || d < -2e-6) { bad = 2; exit } } }
    END { if (bad) exit bad; if (NR != 14) exit 3 }'
