# An output folder whose parent does not exist is refused before any work.
"$NT" fit "$DATA/model/corpus" -k 3 -o no/such/out
