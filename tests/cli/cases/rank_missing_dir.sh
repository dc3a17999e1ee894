# A folder that does not exist is named; nothing is written.
"$NT" rank no/such/folder -k 2:3 -o out
status=$?
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
