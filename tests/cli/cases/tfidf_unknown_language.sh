# An unknown language is a usage error naming it, found before any reading.
"$NT" tfidf "$DATA/dtm/tfidf_corpus" -o out --language klingon
status=$?
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
