# -k 5:2 is a usage error naming the list; nothing is read or written.
"$NT" rank "$DATA/model/corpus" -k 5:2 -o out
