# A file that is not Matrix Market is named; nothing is written.
"$NT" factor "$DATA/nmf/unparsable.mtx" -k 2 -o out
status=$?
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
