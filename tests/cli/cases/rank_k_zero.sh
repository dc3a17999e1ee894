# -k 0:3 is a usage error naming the list; nothing is read or written.
"$NT" rank "$DATA/model/corpus" -k 0:3 -o out
