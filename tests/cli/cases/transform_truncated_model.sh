# A model cut short is reported as truncated.
"$NT" fit "$DATA/model/corpus" -k 3 -o m --quiet > /dev/null || exit 99
head -c 1000 m/model.ntm > cut.ntm
"$NT" transform cut.ntm "$DATA/model/new"
