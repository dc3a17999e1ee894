# A folder without documents is an error naming it; nothing is written.
mkdir empty_corpus
"$NT" tfidf empty_corpus -o out
status=$?
rmdir empty_corpus
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
