# -k 2:x is a usage error naming the list; nothing is read or written.
"$NT" rank "$DATA/model/corpus" -k 2:x -o out
status=$?
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
