# A missing input file is named; nothing is written.
"$NT" factor no_such.mtx -k 2 -o out
status=$?
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
