# fit --init custom starts from the given W and H: the files are read before the options
# are checked, a fit from them does not depend on --seed, and a missing file is named.
set -e
"$NT" tfidf "$DATA/model/corpus" -o shape -q
read -r m n nnz <<< "$(grep -v '^%' shape.mtx | head -1)"
{ echo "%%MatrixMarket matrix array real general"; echo "$m 2"
  awk -v m="$m" 'BEGIN { for (c = 0; c < 2; c++) for (r = 0; r < m; r++) print 0.1 + (r * 7 + c * 3) % 5 / 10 }'
} > w0.mtx
{ echo "%%MatrixMarket matrix array real general"; echo "2 $n"
  awk -v n="$n" 'BEGIN { for (j = 0; j < n; j++) for (t = 0; t < 2; t++) print 0.1 + (j * 5 + t * 2) % 7 / 10 }'
} > h0.mtx
"$NT" fit "$DATA/model/corpus" -k 2 --init custom --init-w w0.mtx --init-h h0.mtx --seed 1 -q > s1
"$NT" fit "$DATA/model/corpus" -k 2 --init custom --init-w w0.mtx --init-h h0.mtx --seed 9 -q > s9
grep -q "^fit: $m documents, $n terms" s1 || { echo "no summary line:"; cat s1; exit 1; }
# The summary's timings differ; the topics, weights and error must not.
diff <(sed 's/; tfidf .*//' s1) <(sed 's/; tfidf .*//' s9) || { echo "--seed changed a custom start"; exit 2; }
set +e
"$NT" fit "$DATA/model/corpus" -k 2 --init custom --init-w nofile.mtx --init-h h0.mtx -q 2> err
[ $? = 1 ] || { echo "missing --init-w file: exit status not 1"; exit 3; }
grep -q "nofile.mtx" err || { echo "missing --init-w file not named:"; cat err; exit 4; }
