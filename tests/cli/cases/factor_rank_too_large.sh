# k above min(rows, columns) is a runtime error naming the rank; nothing is written.
"$NT" factor "$DATA/nmf/planted.mtx" -k 11 -o out
status=$?
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
