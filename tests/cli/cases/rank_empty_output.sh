# An empty -o is a usage error (it would write the hidden files .tsv and .json).
"$NT" rank "$DATA/model/corpus" -k 2 -o ""
