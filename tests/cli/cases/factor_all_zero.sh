# A matrix without nonzeros has nothing to factor; nothing is written.
"$NT" factor "$DATA/nmf/all_zero.mtx" -k 2 -o out
status=$?
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
