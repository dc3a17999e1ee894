# -k 2:x is a usage error naming the list; nothing is read or written.
"$NT" rank "$DATA/model/corpus" -k 2:x -o out
