# transform refuses an existing output folder too.
mkdir out
"$NT" transform whatever.ntm "$DATA/model/new" -o out
