# The model is fine but the folder of new documents is missing.
"$NT" fit "$DATA/model/corpus" -k 3 -o m --quiet > /dev/null || exit 99
"$NT" transform m/model.ntm no/such/dir
