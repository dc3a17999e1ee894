# -k 0:3 is a usage error naming the list; nothing is read or written.
"$NT" rank "$DATA/model/corpus" -k 0:3 -o out
status=$?
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
