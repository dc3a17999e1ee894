# An infinite entry is named by row and column; nothing is written.
"$NT" factor "$DATA/nmf/inf.mtx" -k 2 -o out
status=$?
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
