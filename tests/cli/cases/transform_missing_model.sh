# A model path that does not exist.
"$NT" transform nowhere/model.ntm "$DATA/model/new"
