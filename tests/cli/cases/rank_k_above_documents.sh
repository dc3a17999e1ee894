# A k above the number of documents is refused once the matrix is built, naming k and the
# matrix, before any fit; nothing is written.
"$NT" rank "$DATA/model/corpus" -k 2:20 -o out -q
status=$?
if ls -A | grep -qv "^std"; then echo "output left behind: $(ls -A)" >&2; exit 99; fi
exit $status
