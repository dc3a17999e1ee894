# Any other file is not taken for a model.
"$NT" transform "$DATA/model/new/cooking.txt" "$DATA/model/new"
