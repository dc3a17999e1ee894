# PREFIX.tsv and PREFIX.json come together: when the JSON cannot be written (a folder holds
# its name), an earlier PREFIX.tsv stays as it was.
echo "earlier table" > r.tsv
mkdir r.json
"$NT" rank "$DATA/model/corpus" -k 2 --runs 2 -o r -q > /dev/null
status=$?
[ "$(cat r.tsv)" = "earlier table" ] || { echo "r.tsv was replaced"; exit 99; }
exit $status
