# A missing folder is named; nothing is written.
"$NT" tfidf no_such_folder -o out
status=$?
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
