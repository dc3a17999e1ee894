# report of a missing model.
"$NT" report missing.ntm
