# --format tsv writes W as 12 lines of 2 fields and H as 2 lines of 10 fields, nothing else.
set -e
"$NT" factor "$DATA/nmf/planted.mtx" -k 2 -o out --format tsv -q > /dev/null
test "$(awk -F "\t" "NF == 2" out.W.tsv | wc -l)" = 12
test "$(awk -F "\t" "NF == 10" out.H.tsv | wc -l)" = 2
test "$(ls out.*)" = "$(printf "out.H.tsv\nout.W.tsv")"
