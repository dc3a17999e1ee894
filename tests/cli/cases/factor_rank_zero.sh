# k = 0 is a usage error.
"$NT" factor "$DATA/nmf/planted.mtx" -k 0 -o out
status=$?
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
