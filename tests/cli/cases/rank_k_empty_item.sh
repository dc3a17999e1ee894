# An empty item in the -k list is a usage error, not skipped.
"$NT" rank "$DATA/model/corpus" -k 2,,3
