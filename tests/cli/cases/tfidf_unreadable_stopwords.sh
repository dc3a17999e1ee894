# A stop-word file that cannot be read is named; nothing is written.
"$NT" tfidf "$DATA/dtm/tfidf_corpus" -o out --stopwords no_such_list.txt
status=$?
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
