# -o is required.
"$NT" tfidf "$DATA/dtm/tfidf_corpus"
status=$?
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
