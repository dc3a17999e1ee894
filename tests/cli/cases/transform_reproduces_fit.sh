# Transforming the training documents gives back the weights fit found: each of the
# 13 x 4 shares in doc_topics.tsv within 1e-3 (a fit stopped on a small projected gradient).
set -e
"$NT" fit "$DATA/model/corpus" -k 4 --stop pgrad --tol 1e-6 --max-iter 5000 -o fit --quiet > /dev/null
"$NT" transform fit/model.ntm "$DATA/model/corpus" -o again --quiet > /dev/null
paste fit/doc_topics.tsv again/doc_topics.tsv | awk -F'\t' '
    NR > 1 { if ($1 != $7) exit 1; for (t = 2; t <= 5; t++) { d = $t - $(t + 6); if (d > 1e-3 || d < -1e-3) exit 2 } }
    END { if (NR != 14) exit 3 }'
