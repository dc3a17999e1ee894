# --min-df above --max-df is a usage error naming both values.
"$NT" tfidf "$DATA/dtm/tfidf_corpus" -o out --min-df 5 --max-df 3
status=$?
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
